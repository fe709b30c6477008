import { CODE, ProsecutionConflictError, ProsecutionForbiddenError, ProsecutionRuleError } from './police-case.errors.js';
import { iso, openCase, refOf, required, oneEvent, type PhaseDecide } from './police-case.guards.js';

/** Listed supervision (挂牌督办) by a superior body: put on, progress reports, removal. */
export type SupervisionCommand = 'PutUnderListedSupervision' | 'ReportSupervisionProgress' | 'RemoveListedSupervision';

export const supervision: PhaseDecide<SupervisionCommand> = {
  PutUnderListedSupervision(command, state) {
    const { data, metadata } = command;
    const s = openCase(command, state);
    if (s.supervision) {
      throw new ProsecutionConflictError(CODE.alreadySupervised, `Case ${s.caseNumber} is already under listed supervision.`);
    }
    required('requirements', data.requirements);
    if (data.dueAt.getTime() <= metadata.now.getTime()) {
      throw new ProsecutionRuleError(CODE.supervisionDueInPast, 'The supervision due date must lie in the future.');
    }
    return oneEvent(refOf(s), 'ListedSupervisionStarted', {
      supervisorOrganisationId: metadata.actor.organisationId,
      supervisorKind: data.supervisorKind,
      requirements: data.requirements,
      dueAt: iso(data.dueAt),
      startedAt: iso(metadata.now),
    });
  },
  ReportSupervisionProgress(command, state) {
    const { data, metadata } = command;
    const s = openCase(command, state);
    if (!s.supervision) throw new ProsecutionRuleError(CODE.notSupervised, `Case ${s.caseNumber} is not under listed supervision.`);
    required('report', data.report);
    return oneEvent(refOf(s), 'SupervisionProgressReported', {
      supervisorOrganisationId: s.supervision.supervisorOrganisationId,
      reportingOrganisationId: metadata.actor.organisationId,
      report: data.report,
      reportedAt: iso(metadata.now),
    });
  },
  RemoveListedSupervision(command, state) {
    const { data, metadata } = command;
    const s = openCase(command, state);
    if (!s.supervision) throw new ProsecutionRuleError(CODE.notSupervised, `Case ${s.caseNumber} is not under listed supervision.`);
    if (s.supervision.supervisorOrganisationId !== metadata.actor.organisationId) {
      throw new ProsecutionForbiddenError(CODE.notSupervisor, 'Only the supervising body can remove listed supervision.');
    }
    if (data.reason.trim() === '') {
      throw new ProsecutionRuleError(CODE.removalReasonRequired, 'Removing listed supervision needs a reason.');
    }
    return oneEvent(refOf(s), 'ListedSupervisionRemoved', {
      supervisorOrganisationId: s.supervision.supervisorOrganisationId,
      reason: data.reason,
      removedAt: iso(metadata.now),
    });
  },
};
