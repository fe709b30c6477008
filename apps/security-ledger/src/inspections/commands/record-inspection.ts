import { Command, CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { actorOf, type Principal } from '@pingan/access';
import { SECURITY_LEDGER_CONTEXT, securityInspectionStreamId, type InspectionFinding, type InspectionKind } from '@pingan/contracts';
import { InjectRuntime, type ServiceRuntime } from '@pingan/platform';
import { randomUUID } from 'node:crypto';
import { SecurityLedgerError } from '../../domain/security-ledger.errors.js';
import { InspectionCommandMessage } from './inspection-command.js';
import { INSPECTING_ROLES, inspectingUnit } from './inspection-step.js';

export interface InspectionTerms {
  hospitalId: string;
  kind: InspectionKind;
  inspectedAt: Date;
  findings: { requirement: string; note: string }[];
}

export type RecordedInspectionAnswer = { inspectionId: string; hospitalId: string; inspectedAt: string; findings: InspectionFinding[] };

/** A health commission or police unit records its inspection (检查/督导) of a hospital of its region. */
export class RecordInspectionCommand extends Command<RecordedInspectionAnswer> {
  constructor(
    readonly principal: Principal,
    readonly terms: InspectionTerms,
  ) {
    super();
  }
}

@CommandHandler(RecordInspectionCommand)
export class RecordInspectionHandler implements ICommandHandler<RecordInspectionCommand> {
  constructor(
    @InjectRuntime(SECURITY_LEDGER_CONTEXT) private readonly runtime: ServiceRuntime,
    private readonly commands: CommandBus,
  ) {}

  async execute({ principal, terms }: RecordInspectionCommand): Promise<RecordedInspectionAnswer> {
    const inspector = inspectingUnit(principal);
    // The hospital and its region are the directory's; only those who oversee hospitals ask, so a 404 tells nothing new.
    const org = await this.runtime.directory?.find(terms.hospitalId);
    if (!org || org.kind !== 'hospital') throw new SecurityLedgerError('SECURITY_LEDGER.NOT_FOUND', 'No such hospital');
    const inspectionId = randomUUID();
    const { state } = await this.commands.execute(
      new InspectionCommandMessage({
        streamId: securityInspectionStreamId(inspectionId),
        command: {
          type: 'RecordInspection',
          data: {
            inspectionId,
            hospitalId: org.organisationId,
            regionCode: org.regionCode,
            kind: terms.kind,
            inspector,
            findings: terms.findings,
          },
        },
        actor: actorOf(principal, ...INSPECTING_ROLES),
        correlationId: inspectionId,
        occurredAt: { field: 'inspectedAt', at: terms.inspectedAt },
      }),
    );
    return { inspectionId, hospitalId: org.organisationId, inspectedAt: state.inspectedAt!, findings: state.findings };
  }
}
