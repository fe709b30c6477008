import { fold } from '@pingan/event-store';
import type { DisputeCommand } from './dispute.commands.js';
import { disputeDecider } from './dispute.decider.js';
import {
  ref,
  receiver,
  mediator,
  t,
  s,
  peoplesClock,
  reviewClock,
  opened,
  failed,
  flagged,
  closed,
  NOTIFIED,
  MEDIATING,
  receive,
  notify,
  refer,
  accept,
  session,
  agree,
  pay,
} from './dispute.decider.fixtures.js';
import type { DisputeEvent } from './dispute.events.js';
import { disputeOutcomeStatistics } from './dispute.statistics.js';

describe('dispute decider', () => {
  describe('a whole case, and its outcome statistics', () => {
    it('complaint → notice → people’s mediation with appraisal → agreement → payment → performance → closed', () => {
      const commands: DisputeCommand[] = [
        receive(),
        notify,
        refer,
        accept,
        {
          type: 'RequestAppraisal',
          data: { appraisalId: 'apr-1', kind: 'medical_damage', appraiser: '某司法鉴定所' },
          metadata: { actor: mediator, now: t(5) },
        },
        session,
        {
          type: 'RecordAppraisalResult',
          data: {
            appraisalId: 'apr-1',
            reportReference: 'r',
            result: {
              outcome: 'concluded',
              liability: { responsibility: 'secondary', summary: '次要责任' },
            },
          },
          metadata: { actor: mediator, now: t(9) },
        },
        agree(),
        {
          type: 'ConfirmAgreementJudicially',
          data: { courtId: 'court-500103', rulingReference: 'x' },
          metadata: { actor: mediator, now: t(12) },
        },
        pay(1_000_000),
        pay(500_000),
        { type: 'RecordAgreementPerformed', data: { note: '' }, metadata: { actor: receiver, now: t(21) } },
        { type: 'CloseDispute', data: { outcome: 'agreement_performed', note: '' }, metadata: { actor: receiver, now: t(22) } },
      ];
      let state = disputeDecider.initialState();
      const events: DisputeEvent[] = [];
      for (const command of commands) {
        const produced = disputeDecider.decide(command, state);
        events.push(...produced);
        state = produced.reduce(disputeDecider.evolve, state);
      }
      expect(events.map((e) => e.type)).toEqual([
        'DisputeOpened',
        'ResolutionRoutesNotified',
        'MediationReferred',
        'MediationAccepted',
        'AppraisalRequested',
        'MediationSessionHeld',
        'AppraisalCompleted',
        'LiabilityDetermined',
        'MediationAgreed',
        'AgreementJudiciallyConfirmed',
        'CompensationPaid',
        'CompensationPaid',
        'AgreementPerformed',
        'DisputeClosed',
      ]);
      // Clock steps, in order: the service layer follows exactly these.
      const steps = events.flatMap((e) => ('clocks' in e.data ? (e.data.clocks ?? []).map((c) => `${c.action} ${c.deadlineId}`) : []));
      expect(steps).toEqual([
        `start ${reviewClock(1)}`,
        `start ${peoplesClock}`,
        `pause ${peoplesClock}`,
        `resume ${peoplesClock}`,
        `stop ${peoplesClock}`,
        `stop ${reviewClock(1)}`,
      ]);
      expect(disputeOutcomeStatistics(state)).toEqual({
        category: 'peoples_mediation_agreement',
        origin: 'complaint',
        route: 'peoples_mediation',
        mediationAttempts: 1,
        mediationFailures: { expired: 0, other: 0 },
        lastMediationKind: 'peoples_mediation',
        appraisalsConcluded: 1,
        liability: { basis: 'appraisal', responsibility: 'secondary' },
        compensationAgreedFen: 1_500_000,
        compensationPaidFen: 1_500_000,
        judiciallyConfirmed: true,
        escalationRiskFlagged: false,
        riskReviews: 0,
        handovers: 0,
        daysOpen: 22,
      });
    });

    it('categorises open, expired-then-litigated and withdrawn disputes', () => {
      const open = fold(disputeDecider, [...MEDIATING, failed('expired')]);
      expect(disputeOutcomeStatistics(open, t(50))).toMatchObject({
        category: 'open',
        mediationFailures: { expired: 1, other: 0 },
        daysOpen: 50,
      });
      const judged = fold(disputeDecider, [
        ...MEDIATING,
        failed('expired'),
        {
          type: 'LitigationFiled',
          data: { ...ref, courtId: 'c', reference: 'r', filedAt: s(50) },
        },
        {
          ...closed,
          data: { ...closed.data, outcome: 'judgment' },
        } as DisputeEvent,
      ]);
      expect(disputeOutcomeStatistics(judged)).toMatchObject({
        category: 'court_judgment',
        route: 'litigation',
      });
      expect(disputeOutcomeStatistics(fold(disputeDecider, [...NOTIFIED, closed]))).toMatchObject({
        category: 'withdrawn',
        daysOpen: 30,
      });
      expect(disputeOutcomeStatistics(fold(disputeDecider, [opened, flagged]))).toMatchObject({
        escalationRiskFlagged: true,
        daysOpen: null,
      });
    });
  });
});
