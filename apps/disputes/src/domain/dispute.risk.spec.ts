import type { DisputeCommand } from './dispute.commands.js';
import {
  flagged,
  given,
  OPEN,
  opened,
  openedFromIncident,
  receiver,
  ref,
  rejects,
  reviewClock,
  reviewStart,
  s,
  t,
  withData,
} from './dispute.decider.fixtures.js';
import { DisputeError } from './dispute.errors.js';
import type { DisputeEvent } from './dispute.events.js';

describe('dispute decider', () => {
  describe('escalation risk [S0 二(二)2]', () => {
    const flag: DisputeCommand = {
      type: 'FlagEscalationRisk',
      data: { reasons: ['扬言到医院聚集'] },
      metadata: { actor: receiver, now: t(4) },
    };

    it('flags a dispute likely to escalate, for police and the health commission', () => {
      given(OPEN).when(flag).then([flagged]);
    });

    it('names the linked incident', () => {
      given([openedFromIncident(true)])
        .when(flag)
        .then([
          {
            ...flagged,
            data: { ...flagged.data, incidentId: 'inc-9' },
          } as DisputeEvent,
        ]);
    });

    it('rejects a flag without reasons', () => {
      given(OPEN)
        .when(withData(flag, { reasons: [] }))
        .thenThrows(DisputeError, rejects('DISPUTE.INVALID'));
    });

    it('clears a flag, and rejects clearing one not set', () => {
      const clear: DisputeCommand = {
        type: 'ClearEscalationRisk',
        data: { reason: '患方情绪稳定' },
        metadata: { actor: receiver, now: t(9) },
      };
      given([opened, flagged])
        .when(clear)
        .then([
          {
            type: 'DisputeEscalationRiskCleared',
            data: { ...ref, clearedAt: s(9), reason: '患方情绪稳定' },
          },
        ]);
      given(OPEN).when(clear).thenThrows(DisputeError, rejects('DISPUTE.RISK_NOT_FLAGGED'));
    });
  });

  describe('RecordRiskReview (定期风险研判 [S1 四(三)])', () => {
    const review = (days: number): DisputeCommand => ({
      type: 'RecordRiskReview',
      data: { riskLevel: 'medium', findings: '仍有上访可能', measures: '专班跟进' },
      metadata: { actor: receiver, now: t(days) },
    });
    const reviewed = (n: number, days: number): DisputeEvent => ({
      type: 'RiskReviewRecorded',
      data: {
        ...ref,
        riskLevel: 'medium',
        findings: '仍有上访可能',
        measures: '专班跟进',
        reviewedAt: s(days),
        reviewedBy: { userId: 'u-li', organisationId: 'hosp-1' },
        clocks: [
          {
            action: 'stop',
            deadlineId: reviewClock(n),
            at: s(days),
            reason: 'reviewed',
          },
          reviewStart(n + 1, days),
        ],
      },
    });

    it('a review stops the due review clock and starts the next', () => {
      given(OPEN)
        .when(review(30))
        .then([reviewed(1, 30)]);
      given([opened, reviewed(1, 30)])
        .when(review(60))
        .then([reviewed(2, 60)]);
    });
  });
});
