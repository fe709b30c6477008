import { CODE, ProsecutionConflictError, ProsecutionForbiddenError, ProsecutionRuleError } from './police-case.errors.js';
import { iso, openCase, refOf, required, type PhaseDecide } from './police-case.guards.js';

/** Listed supervision (挂牌督办) by a superior body: put on, progress reports, removal. */
export type SupervisionCommand = 'PutUnderListedSupervision' | 'ReportSupervisionProgress' | 'RemoveListedSupervision';

export const supervision: PhaseDecide<SupervisionCommand> = {
  PutUnderListedSupervision(command, state) {
    const s = openCase(command, state);
    if (s.supervision) {
      throw new ProsecutionConflictError(CODE.alreadySupervised, `Case ${s.caseNumber} is already under listed supervision.`);
    }
    required('requirements', command.requirements);
    if (command.dueAt.getTime() <= command.at.getTime()) {
      throw new ProsecutionRuleError(CODE.supervisionDueInPast, 'The supervision due date must lie in the future.');
    }
    return [
      {
        type: 'ListedSupervisionStarted',
        data: {
          ...refOf(s),
          supervisorOrganisationId: command.actor.organisationId,
          supervisorKind: command.supervisorKind,
          requirements: command.requirements,
          dueAt: iso(command.dueAt),
          startedAt: iso(command.at),
        },
      },
    ];
  },
  ReportSupervisionProgress(command, state) {
    const s = openCase(command, state);
    if (!s.supervision) throw new ProsecutionRuleError(CODE.notSupervised, `Case ${s.caseNumber} is not under listed supervision.`);
    required('report', command.report);
    return [
      {
        type: 'SupervisionProgressReported',
        data: {
          ...refOf(s),
          supervisorOrganisationId: s.supervision.supervisorOrganisationId,
          reportingOrganisationId: command.actor.organisationId,
          report: command.report,
          reportedAt: iso(command.at),
        },
      },
    ];
  },
  RemoveListedSupervision(command, state) {
    const s = openCase(command, state);
    if (!s.supervision) throw new ProsecutionRuleError(CODE.notSupervised, `Case ${s.caseNumber} is not under listed supervision.`);
    if (s.supervision.supervisorOrganisationId !== command.actor.organisationId) {
      throw new ProsecutionForbiddenError(CODE.notSupervisor, 'Only the supervising body can remove listed supervision.');
    }
    if (command.reason.trim() === '') {
      throw new ProsecutionRuleError(CODE.removalReasonRequired, 'Removing listed supervision needs a reason.');
    }
    return [
      {
        type: 'ListedSupervisionRemoved',
        data: {
          ...refOf(s),
          supervisorOrganisationId: s.supervision.supervisorOrganisationId,
          reason: command.reason,
          removedAt: iso(command.at),
        },
      },
    ];
  },
};
