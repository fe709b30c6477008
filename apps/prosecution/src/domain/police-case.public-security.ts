import type { ProsecutionClockInstruction, ProsecutionEvent } from '@pingan/contracts';
import { deadlineId, RULE, type ProsecutionPolicy } from './deadline-rules.js';
import { CODE, ProsecutionConflictError, ProsecutionRuleError } from './police-case.errors.js';
import { iso, oneEvent, openCase, refOf, required, type PhaseDecide } from './police-case.guards.js';
import type { OpenPoliceCase } from './police-case.state.js';

/** 治安案件 (治安管理处罚法, revised, in force 2026-01-01): the 30-day case period and 治安调解. */
export type PublicSecurityCommand = 'ExtendPublicSecurityCasePeriod' | 'RecordPublicSecurityMediation';

function mustBeAdministrative(state: OpenPoliceCase, what: string): void {
  if (state.kind !== 'administrative') {
    throw new ProsecutionRuleError(CODE.caseNotAdministrative, `${what} needs an administrative case; ${state.caseNumber} is criminal.`);
  }
}

/** The case period's stop, when it runs: met by the case's decision, or moot (a conversion to criminal). */
export function stopCasePeriod(state: OpenPoliceCase, at: Date, outcome: 'done' | 'moot'): ProsecutionClockInstruction[] {
  if (!state.casePeriod?.open) return [];
  // A decision dated before the acceptance (entered late) meets the period at its start, never before it.
  const since = new Date(state.casePeriod.since);
  if (at < since) at = since;
  return [
    { action: 'stop', deadlineId: deadlineId.publicSecurityCase(state.caseNumber), rule: RULE.publicSecurityCase, at: iso(at), outcome },
  ];
}

export function publicSecurity(policy: ProsecutionPolicy): PhaseDecide<PublicSecurityCommand> {
  return {
    ExtendPublicSecurityCasePeriod(command, state) {
      const { data, metadata } = command;
      const s = openCase(command, state);
      mustBeAdministrative(s, 'Extending the case period');
      if (!s.casePeriod?.open) {
        throw new ProsecutionRuleError(CODE.casePeriodNotRunning, `Case ${s.caseNumber} has no running case period to extend.`);
      }
      // 可以延长三十日: once; a second extension has no basis in the law.
      if (s.casePeriod.extended) {
        throw new ProsecutionConflictError(CODE.casePeriodAlreadyExtended, `The case period of ${s.caseNumber} was already extended once.`);
      }
      required('approvingUnitId', data.approvingUnitId);
      required('approverName', data.approverName);
      required('reason', data.reason);
      const days = policy.publicSecurityCase.extensionDays;
      return oneEvent(refOf(s), 'PublicSecurityCasePeriodExtended', {
        approvingUnitId: data.approvingUnitId,
        approverName: data.approverName,
        reason: data.reason,
        days,
        extendedAt: iso(metadata.occurredAt ?? metadata.now),
        clocks: [
          {
            action: 'extend',
            deadlineId: deadlineId.publicSecurityCase(s.caseNumber),
            rule: RULE.publicSecurityCase,
            by: { unit: 'calendar_days', amount: days },
            reason: `${policy.publicSecurityCase.source}: ${data.reason}`,
          },
        ],
      });
    },
    RecordPublicSecurityMediation(command, state) {
      const { data, metadata } = command;
      const s = openCase(command, state);
      mustBeAdministrative(s, '治安调解');
      // 违法行为未得到制止之前，公安机关不得进行案件调解 [S3 一(二)]: as the incident recorded it.
      if (s.origin.source === 'incident' && s.incidentDisturbanceStopped !== true) {
        throw new ProsecutionRuleError(
          CODE.disturbanceNotStopped,
          `No 治安调解 before the disturbance of incident ${s.origin.incidentId} has been stopped [S3 一(二)].`,
        );
      }
      if (s.mediation.ids.includes(data.mediationId)) {
        throw new ProsecutionConflictError(CODE.mediationAlreadyRecorded, `Mediation ${data.mediationId} is already recorded.`);
      }
      if (s.mediation.outcome === 'agreement_reached') {
        throw new ProsecutionConflictError(CODE.mediationAlreadyAgreed, `Case ${s.caseNumber} was already settled by 治安调解.`);
      }
      const at = metadata.occurredAt ?? metadata.now;
      return oneEvent(refOf(s), 'PublicSecurityMediationRecorded', {
        mediationId: data.mediationId,
        outcome: data.outcome,
        note: data.note,
        mediatingUnitId: metadata.actor.organisationId,
        concludedAt: iso(at),
        // An agreement is the case's decision; a failure leaves the period running for a penalty decision.
        clocks: data.outcome === 'agreement_reached' ? stopCasePeriod(s, at, 'done') : [],
      });
    },
  };
}
