import type { DisputeClockInstruction } from '@pingan/contracts';
import { DisputeError, DisputeErrorCode as Code } from './dispute.errors.js';
import { blank, invalid, iso, requireOpen, riskReviewStart, who, oneEvent } from './dispute.rules.js';
import type { Decisions, Evolutions } from './dispute.state.js';

// Risk: escalation-risk flags [S0 二(二)2] and the periodic risk review (定期风险研判 [S1 四(三)]) with its clock.

export const riskDecisions = {
  FlagEscalationRisk: (command, state) => {
    const ref = requireOpen(state);
    if (command.data.reasons.length === 0 || command.data.reasons.some(blank)) invalid('reasons', 'Say why the dispute may escalate.');
    return oneEvent(ref, 'DisputeFlaggedAsEscalationRisk', {
      flaggedAt: iso(command.metadata.now),
      reasons: command.data.reasons,
      partyCount: state.partyCount,
      incidentId: state.incident?.incidentId ?? null,
      flaggedBy: who(command.metadata.actor),
    });
  },

  ClearEscalationRisk: (command, state) => {
    const ref = requireOpen(state);
    if (!state.escalationRisk) throw new DisputeError(Code.RiskNotFlagged, 'The dispute is not flagged as an escalation risk.');
    return [
      {
        type: 'DisputeEscalationRiskCleared',
        data: { ...ref, clearedAt: iso(command.metadata.now), reason: command.data.reason },
      },
    ];
  },

  RecordRiskReview: (command, state) => {
    const ref = requireOpen(state);
    const sequence = (state.riskReview?.sequence ?? 0) + 1;
    const clocks: DisputeClockInstruction[] = [];
    if (state.riskReview)
      clocks.push({
        action: 'stop',
        deadlineId: state.riskReview.deadlineId,
        at: iso(command.metadata.now),
        reason: 'reviewed',
      });
    clocks.push(riskReviewStart(ref, sequence, command.metadata.now, state.supervisingOrganisationId));
    return oneEvent(ref, 'RiskReviewRecorded', {
      riskLevel: command.data.riskLevel,
      findings: command.data.findings,
      measures: command.data.measures,
      reviewedAt: iso(command.metadata.now),
      reviewedBy: who(command.metadata.actor),
      clocks,
    });
  },
} satisfies Partial<Decisions>;

export const riskEvolutions = {
  DisputeFlaggedAsEscalationRisk: (state) => ({
    ...state,
    escalationRisk: true,
    escalationFlags: state.escalationFlags + 1,
  }),
  DisputeEscalationRiskCleared: (state) => ({ ...state, escalationRisk: false }),
  RiskReviewRecorded: (state, event) => {
    const start = event.data.clocks.find((clock) => clock.action === 'start');
    return {
      ...state,
      riskReviews: state.riskReviews + 1,
      riskReview: start
        ? {
            deadlineId: start.deadlineId,
            sequence: (state.riskReview?.sequence ?? 0) + 1,
          }
        : state.riskReview,
    };
  },
} satisfies Partial<Evolutions>;
