import type { ProsecutionClockInstruction } from '@pingan/contracts';
import { RULE, deadlineId, type ProsecutionPolicy } from './deadline-rules.js';
import {
  CODE,
  InvalidPoliceCaseCommandError,
  ProsecutionConflictError,
  ProsecutionForbiddenError,
  ProsecutionRuleError,
} from './police-case.errors.js';
import { iso, mustBeCriminal, notBefore, openCase, refOf, required, suspectOf, oneEvent, type PhaseDecide } from './police-case.guards.js';
import type { OpenPoliceCase } from './police-case.state.js';

/** The procuratorate's part after the arrest decision: a designated prosecutor, and prosecution review (审查起诉) to its outcome. */
export type ProcuratorateCommand =
  | 'DesignateProsecutor'
  | 'TransferForProsecution'
  | 'ExtendProsecutionReview'
  | 'ReturnForSupplementaryInvestigation'
  | 'ResubmitForProsecution'
  | 'Indict'
  | 'DecideNotToProsecute';

function reviewClockStop(state: OpenPoliceCase, decidedNow: readonly string[], at: Date): ProsecutionClockInstruction[] {
  const review = state.review!;
  const stillOpen = review.suspectIds.filter((id) => !decidedNow.includes(id) && state.suspects[id]?.prosecution === 'under_review');
  if (stillOpen.length > 0) return [];
  return [
    {
      action: 'stop',
      deadlineId: deadlineId.prosecutionReview(state.caseNumber, review.round),
      rule: reviewRule(state),
      at: iso(at),
      outcome: 'done',
    },
  ];
}

const reviewRule = (state: OpenPoliceCase): string => (state.review?.inCustody ? RULE.prosecutionReviewInCustody : RULE.prosecutionReview);

function underReviewBy(state: OpenPoliceCase, actorOrganisationId: string, suspectIds: readonly string[] | null) {
  const review = state.review;
  if (!review || !review.open) {
    throw new ProsecutionRuleError(CODE.notUnderReview, `Case ${state.caseNumber} is not under prosecution review.`);
  }
  if (review.procuratorateId !== actorOrganisationId) {
    throw new ProsecutionForbiddenError(CODE.wrongProcuratorate, 'Only the procuratorate reviewing the case can do this.');
  }
  if (suspectIds) {
    if (suspectIds.length === 0) throw new InvalidPoliceCaseCommandError('suspectIds', 'Name at least one suspect.');
    for (const id of suspectIds) {
      if (state.suspects[id]?.prosecution !== 'under_review') {
        throw new ProsecutionRuleError(CODE.suspectNotUnderReview, `Suspect ${id} is not awaiting a prosecution decision.`);
      }
    }
  }
  return review;
}

export function procuratorate(policy: ProsecutionPolicy): PhaseDecide<ProcuratorateCommand> {
  return {
    DesignateProsecutor(command, state) {
      const { data, metadata } = command;
      const s = openCase(command, state);
      mustBeCriminal(s, 'A designated prosecutor');
      required('prosecutorUserId', data.prosecutorUserId);
      const current = s.designatedProsecutor;
      if (current?.prosecutorUserId === data.prosecutorUserId && current.procuratorateId === metadata.actor.organisationId) {
        return [];
      }
      return oneEvent(refOf(s), 'ProsecutorDesignated', {
        procuratorateId: metadata.actor.organisationId,
        prosecutorUserId: data.prosecutorUserId,
        prosecutorName: data.prosecutorName,
        designatedAt: iso(metadata.now),
      });
    },
    TransferForProsecution(command, state) {
      const { data, metadata } = command;
      const s = openCase(command, state);
      mustBeCriminal(s, 'Transfer for prosecution');
      if (!s.filed) throw new ProsecutionRuleError(CODE.caseNotFiled, `Case ${s.caseNumber} has not been filed (立案).`);
      if (s.review)
        throw new ProsecutionConflictError(CODE.alreadyUnderReview, `Case ${s.caseNumber} was already transferred for prosecution.`);
      if (data.suspectIds.length === 0) throw new InvalidPoliceCaseCommandError('suspectIds', 'Name at least one suspect.');
      const suspects = data.suspectIds.map((id) => suspectOf(s, id));
      const inCustody = suspects.some((suspect) => suspect.custody !== 'none');
      const at = metadata.occurredAt ?? metadata.now;
      return oneEvent(refOf(s), 'CaseTransferredForProsecution', {
        suspectIds: [...data.suspectIds],
        procuratorateId: data.procuratorateId,
        transferringUnitId: s.handlingUnitId,
        inCustody,
        transferredAt: iso(at),
        clocks: [
          {
            action: 'start',
            deadlineId: deadlineId.prosecutionReview(s.caseNumber),
            rule: inCustody ? RULE.prosecutionReviewInCustody : RULE.prosecutionReview,
            // The review period counts from when the case was transferred, as stated, not when it was entered.
            startedAt: iso(at),
            responsibleOrganisationId: data.procuratorateId,
          },
        ],
      });
    },
    ExtendProsecutionReview(command, state) {
      const { data, metadata } = command;
      const s = openCase(command, state);
      const review = underReviewBy(s, metadata.actor.organisationId, null);
      if (review.extended) {
        throw new ProsecutionConflictError(CODE.reviewAlreadyExtended, `The review of ${s.caseNumber} was already extended.`);
      }
      required('explanation', data.explanation);
      const days = policy.prosecutionReview.extensionDays;
      return oneEvent(refOf(s), 'ProsecutionReviewExtended', {
        ground: data.ground,
        explanation: data.explanation,
        days,
        extendedAt: iso(metadata.occurredAt ?? metadata.now),
        clocks: [
          {
            action: 'extend',
            deadlineId: deadlineId.prosecutionReview(s.caseNumber, review.round),
            rule: reviewRule(s),
            by: { unit: 'calendar_days', amount: days },
            reason: `${data.ground}: ${data.explanation}`,
          },
        ],
      });
    },
    ReturnForSupplementaryInvestigation(command, state) {
      const { data, metadata } = command;
      const s = openCase(command, state);
      const review = underReviewBy(s, metadata.actor.organisationId, null);
      const { maxReturns, source } = policy.supplementaryInvestigation;
      if (review.returns >= maxReturns) {
        throw new ProsecutionRuleError(
          CODE.supplementaryInvestigationLimit,
          `Case ${s.caseNumber} was already returned ${review.returns} times; 补充侦查以${maxReturns}次为限 ${source}.`,
        );
      }
      required('reason', data.reason);
      const at = metadata.occurredAt ?? metadata.now;
      notBefore(review.since, at, 'The return for supplementary investigation');
      const returnNumber = review.returns + 1;
      // Custody as it is now: the police's month is a custody period when anyone under review is held.
      const inCustody = review.suspectIds.some(
        (id) => s.suspects[id]?.prosecution === 'under_review' && s.suspects[id]?.custody !== 'none',
      );
      return oneEvent(refOf(s), 'CaseReturnedForSupplementaryInvestigation', {
        procuratorateId: review.procuratorateId,
        handlingUnitId: s.handlingUnitId,
        returnNumber,
        reason: data.reason,
        returnedAt: iso(at),
        clocks: [
          // The review ends with a lawful decision in time: met, never left running into a false breach.
          {
            action: 'stop',
            deadlineId: deadlineId.prosecutionReview(s.caseNumber, review.round),
            rule: reviewRule(s),
            at: iso(at),
            outcome: 'done',
          },
          {
            action: 'start',
            deadlineId: deadlineId.supplementaryInvestigation(s.caseNumber, returnNumber),
            rule: inCustody ? RULE.supplementaryInvestigationInCustody : RULE.supplementaryInvestigation,
            startedAt: iso(at),
            responsibleOrganisationId: s.handlingUnitId,
          },
        ],
      });
    },
    ResubmitForProsecution(command, state) {
      const { metadata } = command;
      const s = openCase(command, state);
      const review = s.review;
      if (!review?.withPolice || review.returnedAt === null) {
        throw new ProsecutionRuleError(
          CODE.notReturnedToPolice,
          `Case ${s.caseNumber} is not with the police for supplementary investigation: nothing to resubmit.`,
        );
      }
      const at = metadata.occurredAt ?? metadata.now;
      notBefore(review.returnedAt, at, 'The resubmission');
      const underReview = review.suspectIds.filter((id) => s.suspects[id]?.prosecution === 'under_review');
      const inCustody = underReview.some((id) => s.suspects[id]?.custody !== 'none');
      const returnNumber = review.returns;
      return oneEvent(refOf(s), 'CaseResubmittedForProsecution', {
        procuratorateId: review.procuratorateId,
        resubmittingUnitId: s.handlingUnitId,
        returnNumber,
        inCustody,
        resubmittedAt: iso(at),
        clocks: [
          {
            action: 'stop',
            deadlineId: deadlineId.supplementaryInvestigation(s.caseNumber, returnNumber),
            rule: review.supplementaryRule ?? RULE.supplementaryInvestigation,
            at: iso(at),
            outcome: 'done',
          },
          // 补充侦查完毕移送人民检察院后，人民检察院重新计算审查起诉期限.
          {
            action: 'start',
            deadlineId: deadlineId.prosecutionReview(s.caseNumber, returnNumber),
            rule: inCustody ? RULE.prosecutionReviewInCustody : RULE.prosecutionReview,
            startedAt: iso(at),
            responsibleOrganisationId: review.procuratorateId,
          },
        ],
      });
    },
    Indict(command, state) {
      const { data, metadata } = command;
      const s = openCase(command, state);
      const review = underReviewBy(s, metadata.actor.organisationId, data.suspectIds);
      required('courtId', data.courtId);
      const at = metadata.occurredAt ?? metadata.now;
      notBefore(review.since, at, 'The indictment');
      return oneEvent(refOf(s), 'SuspectsIndicted', {
        suspectIds: [...data.suspectIds],
        procuratorateId: review.procuratorateId,
        courtId: data.courtId,
        indictedAt: iso(at),
        clocks: reviewClockStop(s, data.suspectIds, at),
      });
    },
    DecideNotToProsecute(command, state) {
      const { data, metadata } = command;
      const s = openCase(command, state);
      const review = underReviewBy(s, metadata.actor.organisationId, data.suspectIds);
      required('reason', data.reason);
      const at = metadata.occurredAt ?? metadata.now;
      notBefore(review.since, at, 'The decision not to prosecute');
      return oneEvent(refOf(s), 'NonProsecutionDecided', {
        suspectIds: [...data.suspectIds],
        procuratorateId: review.procuratorateId,
        reason: data.reason,
        decidedAt: iso(at),
        clocks: reviewClockStop(s, data.suspectIds, at),
      });
    },
  };
}
