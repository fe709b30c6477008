import { Command, CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AccessDeniedError, POLICE_ROLES, actorOf, type Principal, type Role } from '@pingan/access';
import { securityInspectionStreamId, type InspectingUnit } from '@pingan/contracts';
import type { InspectionCommand } from '../../domain/inspection.commands.js';
import type { InspectionState } from '../../domain/inspection.decider.js';
import { SecurityLedgerError } from '../../domain/security-ledger.errors.js';
import { canReadHospital, unknownRecord } from '../../security-ledger.access.js';
import { InspectionCommandMessage } from './inspection-command.js';

export const INSPECTING_ROLES: Role[] = ['health_commission_official', ...POLICE_ROLES];

/** The caller as the inspecting side: a health commission or a police unit (anyone else: 403). */
export function inspectingUnit(principal: Principal): InspectingUnit {
  const kind = principal.organisationKind;
  if (kind !== 'health_commission' && kind !== 'police')
    throw new SecurityLedgerError('SECURITY_LEDGER.NOT_AUTHORISED', 'Only a health commission or a police unit inspects hospitals');
  return { organisationId: principal.organisationId, organisationKind: kind, regionCode: principal.organisationRegion };
}

/** What the caller asks of an inspection after it is recorded (the fields the body gives). */
export type InspectionStep =
  | { type: 'IssueRectificationItem'; findingId: string; responsible: { name: string; role: string }; dueOn: string }
  | { type: 'ReportRectification'; itemId: string; note: string; evidence: string[] }
  | { type: 'SignOffRectification'; itemId: string; note: string }
  | { type: 'SendBackRectification'; itemId: string; reason: string }
  | { type: 'IssueCircular'; text: string }
  | { type: 'RecordInterview'; interviewee: string; summary: string; heldAt: Date };

/** One step on a recorded inspection; answers the inspection's state after it. */
export class InspectionStepCommand extends Command<InspectionState> {
  constructor(
    readonly principal: Principal,
    readonly inspectionId: string,
    readonly step: InspectionStep,
  ) {
    super();
  }
}

/** The step as the decider's command: the inspecting unit from the caller, or the hospital the caller is. */
function commandOf(principal: Principal, step: InspectionStep): Omit<InspectionCommand, 'metadata'> {
  switch (step.type) {
    case 'ReportRectification': {
      const { type, ...data } = step;
      return { type, data: { ...data, hospitalId: principal.organisationId } };
    }
    case 'RecordInterview': {
      const { type, interviewee, summary } = step;
      return { type, data: { interviewee, summary, by: inspectingUnit(principal) } };
    }
    default: {
      const { type, ...data } = step;
      return { type, data: { ...data, by: inspectingUnit(principal) } } as Omit<InspectionCommand, 'metadata'>;
    }
  }
}

@CommandHandler(InspectionStepCommand)
export class InspectionStepHandler implements ICommandHandler<InspectionStepCommand> {
  constructor(private readonly commands: CommandBus) {}

  async execute({ principal, inspectionId, step }: InspectionStepCommand): Promise<InspectionState> {
    const command = commandOf(principal, step);
    const { state } = await this.commands.execute(
      new InspectionCommandMessage({
        streamId: securityInspectionStreamId(inspectionId),
        command: command as InspectionCommand,
        actor: actorOf(principal, 'hospital_security_officer', ...INSPECTING_ROLES),
        correlationId: inspectionId,
        // As the service's reads do: an unknown inspection is news only to those who oversee hospitals;
        // another hospital, or a unit of another region, learns nothing of it (403).
        authorise: (current) => {
          if (!current.recorded)
            unknownRecord(principal, new SecurityLedgerError('SECURITY_LEDGER.INSPECTION_NOT_FOUND', `No inspection ${inspectionId}`));
          if (!canReadHospital(principal, { hospitalId: current.hospitalId!, regionCode: current.regionCode! }))
            throw new AccessDeniedError();
        },
        ...(step.type === 'RecordInterview' ? { occurredAt: { field: 'heldAt', at: step.heldAt } } : {}),
      }),
    );
    return state;
  }
}
