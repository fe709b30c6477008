import { randomUUID } from 'node:crypto';
import { Command, CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AccessDeniedError, actorOf, type Principal } from '@pingan/access';
import { supervisionStreamId, type SupervisionStartedData } from '@pingan/contracts';
import { InjectRuntime, type ServiceRuntime } from '@pingan/platform';
import { canReadCase } from '../../oversight-access.js';
import { accessFactsOf, findCase } from '../../read-models/cases.js';
import { SupervisionCommandMessage } from './supervision-command.js';
import { SUPERVISION_ACTOR_ROLES } from './supervision-use-cases.js';

export type StartedSupervision = SupervisionStartedData;

/** 督办 of a case: with a due date (the clock's own) and instructions. */
export class StartSupervisionCommand extends Command<StartedSupervision> {
  constructor(
    readonly principal: Principal,
    readonly input: { caseNumber: string; dueAt: Date; instructions: string },
  ) {
    super();
  }
}

/**
 * A commission or political-legal committee supervises a case it may read (its region, or
 * escalated to it): the case's facts come from oversight's case table, then the generic handler decides.
 */
@CommandHandler(StartSupervisionCommand)
export class StartSupervisionHandler implements ICommandHandler<StartSupervisionCommand> {
  constructor(
    @InjectRuntime('oversight') private readonly runtime: ServiceRuntime,
    private readonly commands: CommandBus,
  ) {}

  async execute({ principal, input }: StartSupervisionCommand): Promise<StartedSupervision> {
    const found = await findCase(this.runtime.db.query, input.caseNumber);
    if (!found || !found.region_code || !canReadCase(principal, accessFactsOf(found))) throw new AccessDeniedError();
    const supervisionId = randomUUID();
    const { events } = await this.commands.execute(
      new SupervisionCommandMessage({
        streamId: supervisionStreamId(supervisionId),
        command: {
          type: 'StartSupervision',
          data: {
            supervisionId,
            caseNumber: input.caseNumber,
            regionCode: found.region_code,
            hospitalId: found.hospital_id,
            supervisorOrganisationId: principal.organisationId,
            supervisorKind: principal.organisationKind === 'political_legal' ? 'political_legal' : 'health_commission',
            instructions: input.instructions,
            dueAt: input.dueAt,
          },
        },
        actor: actorOf(principal, ...SUPERVISION_ACTOR_ROLES),
        correlationId: input.caseNumber,
      }),
    );
    return events[0].data as SupervisionStartedData; // carries the new supervisionId
  }
}
