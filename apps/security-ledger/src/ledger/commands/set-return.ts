import { Command, CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { actorOf, isRegionCode, type Principal } from '@pingan/access';
import { SECURITY_LEDGER_CONTEXT, selfInspectionReturnStreamId } from '@pingan/contracts';
import { InjectRuntime, type ServiceRuntime } from '@pingan/platform';
import { randomUUID } from 'node:crypto';
import { SecurityLedgerError } from '../../domain/security-ledger.errors.js';
import { directoryHospitalsIn, regionPrefix } from '../hospital-facts.js';
import { ReturnCommandMessage } from './return-command.js';

export interface ReturnTerms {
  title: string;
  asOf: string;
  dueOn: string;
  region?: string;
}

export type SetReturnAnswer = { returnId: string; regionCode: string; dueAt: string; hospitals: number };

/** A health commission sets a self-inspection return for the hospitals of its region (or one below it). */
export class SetReturnCommand extends Command<SetReturnAnswer> {
  constructor(
    readonly principal: Principal,
    readonly terms: ReturnTerms,
  ) {
    super();
  }
}

@CommandHandler(SetReturnCommand)
export class SetReturnHandler implements ICommandHandler<SetReturnCommand> {
  constructor(
    @InjectRuntime(SECURITY_LEDGER_CONTEXT) private readonly runtime: ServiceRuntime,
    private readonly commands: CommandBus,
  ) {}

  async execute({ principal, terms }: SetReturnCommand): Promise<SetReturnAnswer> {
    // Police and others hold the ledger role too; only a commission sets returns (the decider checks the role).
    if (principal.organisationKind !== 'health_commission')
      throw new SecurityLedgerError('SECURITY_LEDGER.NOT_AUTHORISED', 'Only a health commission sets self-inspection returns');
    const regionCode = terms.region && isRegionCode(terms.region) ? terms.region : principal.organisationRegion;
    // The hospitals the directory knows there now: a hospital added later is on the next return.
    const hospitals = isRegionCode(regionCode)
      ? await directoryHospitalsIn(this.runtime.db.query, this.runtime.schema, regionPrefix(regionCode))
      : [];
    const returnId = randomUUID();
    const { state } = await this.commands.execute(
      new ReturnCommandMessage({
        streamId: selfInspectionReturnStreamId(returnId),
        command: {
          type: 'SetSelfInspectionReturn',
          data: {
            returnId,
            commissionId: principal.organisationId,
            commissionRegion: principal.organisationRegion,
            regionCode,
            title: terms.title,
            asOf: terms.asOf,
            dueOn: terms.dueOn,
            hospitalIds: hospitals.map((h) => h.organisationId),
          },
        },
        actor: actorOf(principal, 'health_commission_official'),
        correlationId: returnId,
      }),
    );
    return { returnId, regionCode, dueAt: state.dueAt!, hospitals: state.hospitalIds.length };
  }
}
