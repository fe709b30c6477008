import type { Actor } from '@pingan/contracts';
import { fold } from '@pingan/event-store';
import { deciderSpec } from '@pingan/testing';
import type { CompensationItem, DisputeCommand } from './dispute.commands.js';
import { disputeDecider } from './dispute.decider.js';
import { DisputeError, type DisputeErrorCode } from './dispute.errors.js';
import type { DisputeEvent } from './dispute.events.js';
import { disputeOutcomeStatistics } from './dispute.statistics.js';

const given = deciderSpec(disputeDecider);

// Fixtures: one hospital in Chongqing's Yuzhong district, its people's mediation committee.
const ref = {
  disputeId: 'dsp-1',
  caseNumber: 'YA-500103-2025-0001',
  hospitalId: 'hosp-1',
  regionCode: '500103',
};
const receiver: Actor = {
  userId: 'u-li',
  organisationId: 'hosp-1',
  role: 'complaints_officer',
};
const colleague: Actor = {
  userId: 'u-wang',
  organisationId: 'hosp-1',
  role: 'complaints_officer',
};
const outsider: Actor = {
  userId: 'u-x',
  organisationId: 'other-org',
  role: 'clerk',
};
const mediator: Actor = {
  userId: 'u-zhao',
  organisationId: 'med-1',
  role: 'mediator',
};
const commission: Actor = {
  userId: 'u-hc',
  organisationId: 'hc-500103',
  role: 'officer',
};
const system: Actor = {
  userId: 'system',
  organisationId: 'system',
  role: 'system',
};

const t0 = new Date('2025-03-03T02:00:00Z');
const t = (days: number): Date => new Date(t0.getTime() + days * 86_400_000);
const s = (days: number): string => t(days).toISOString();

const parties = [{ name: '张某', relation: 'relative' as const }];
const claims = [
  {
    kind: 'compensation' as const,
    description: '医疗费、误工费',
    amountFen: 5_000_000,
  },
];
const compensation: CompensationItem[] = [
  { head: '医疗费', amountFen: 1_200_000 },
  { head: '误工费', amountFen: 300_000 },
];

const peoplesClock = 'dsp-1/peoples-mediation/1';
const reviewClock = (n: number): string => `dsp-1/dispute-risk-review/${n}`;

// Events, as the decider writes them.
const reviewStart = (n: number, days: number) => ({
  action: 'start' as const,
  deadlineId: reviewClock(n),
  subject: 'YA-500103-2025-0001',
  rule: 'dispute-risk-review' as const,
  startedAt: s(days),
  responsibleOrganisationId: 'hosp-1',
  supervisingOrganisationId: 'hc-500103',
});
const opened: DisputeEvent = {
  type: 'DisputeOpened',
  data: {
    ...ref,
    origin: {
      kind: 'complaint',
      receivedBy: { userId: 'u-li', organisationId: 'hosp-1' },
    },
    openedAt: s(0),
    summary: '术后并发症，家属要求赔偿',
    parties,
    claims,
    disturbanceStopped: null,
    supervisingOrganisationId: 'hc-500103',
    clocks: [reviewStart(1, 0)],
  },
};
const openedFromIncident = (disturbanceStopped: boolean): DisputeEvent => ({
  type: 'DisputeOpened',
  data: {
    ...ref,
    origin: { kind: 'incident', incidentId: 'inc-9' },
    openedAt: s(0),
    summary: '家属在病房聚集滋事',
    parties,
    claims,
    disturbanceStopped,
    supervisingOrganisationId: 'hc-500103',
    clocks: [reviewStart(1, 0)],
  },
});
const disturbanceStopped: DisputeEvent = {
  type: 'IncidentDisturbanceStopped',
  data: { ...ref, incidentId: 'inc-9', stoppedAt: s(0) },
};
const notified: DisputeEvent = {
  type: 'ResolutionRoutesNotified',
  data: {
    ...ref,
    routes: ['negotiation', 'peoples_mediation', 'administrative_mediation', 'litigation'],
    method: 'written',
    note: '书面告知书已签收',
    notifiedAt: s(1),
    notifiedBy: { userId: 'u-li', organisationId: 'hosp-1' },
  },
};
const referred = (attempt = 1, kind: 'peoples_mediation' | 'administrative_mediation' = 'peoples_mediation'): DisputeEvent => ({
  type: 'MediationReferred',
  data: {
    ...ref,
    attempt,
    kind,
    mediatorOrganisationId: kind === 'peoples_mediation' ? 'med-1' : 'hc-500103',
    referredAt: s(2),
  },
});
const accepted = (paused = false): DisputeEvent => ({
  type: 'MediationAccepted',
  data: {
    ...ref,
    attempt: 1,
    kind: 'peoples_mediation',
    mediatorOrganisationId: 'med-1',
    acceptedAt: s(3),
    clocks: [
      {
        action: 'start',
        deadlineId: peoplesClock,
        subject: 'YA-500103-2025-0001',
        rule: 'peoples-mediation',
        startedAt: s(3),
        responsibleOrganisationId: 'med-1',
        supervisingOrganisationId: 'justice-500103',
      },
      ...(paused
        ? [
            {
              action: 'pause' as const,
              deadlineId: peoplesClock,
              at: s(3),
              reason: 'appraisal',
            },
          ]
        : []),
    ],
  },
});
const appraisalRequested = (pausing: boolean, days = 5): DisputeEvent => ({
  type: 'AppraisalRequested',
  data: {
    ...ref,
    appraisalId: 'apr-1',
    kind: 'medical_damage',
    appraiser: '某司法鉴定所',
    requestedAt: s(days),
    clocks: pausing
      ? [
          {
            action: 'pause',
            deadlineId: peoplesClock,
            at: s(days),
            reason: 'appraisal',
          },
        ]
      : [],
  },
});
const liabilityAgreed: DisputeEvent = {
  type: 'LiabilityDetermined',
  data: {
    ...ref,
    basis: 'agreement',
    appraisalId: null,
    responsibility: 'secondary',
    summary: '院方承担次要责任',
    determinedAt: s(6),
  },
};
const agreed = (totalFen = 1_500_000): DisputeEvent => ({
  type: 'MediationAgreed',
  data: {
    ...ref,
    attempt: 1,
    kind: 'peoples_mediation',
    agreementId: 'agr-1',
    agreedAt: s(10),
    terms: '一次性赔偿',
    compensation: totalFen === 0 ? [] : compensation,
    totalFen,
    clocks: [
      {
        action: 'stop',
        deadlineId: peoplesClock,
        at: s(10),
        reason: 'agreement',
      },
    ],
  },
});
const failed = (reason: 'expired' | 'no_agreement', attempt = 1): DisputeEvent => ({
  type: 'MediationFailed',
  data: {
    ...ref,
    attempt,
    kind: 'peoples_mediation',
    reason,
    note: reason === 'expired' ? 'The mediation period ran out without agreement (视为调解不成).' : '双方分歧过大',
    failedAt: s(45),
    clocks:
      reason === 'expired'
        ? []
        : [
            {
              action: 'stop',
              deadlineId: peoplesClock,
              at: s(45),
              reason: 'failed: no_agreement',
            },
          ],
  },
});
const settled: DisputeEvent = {
  type: 'NegotiatedSettlementReached',
  data: {
    ...ref,
    agreementId: 'agr-n',
    terms: '协商一致',
    compensation,
    totalFen: 1_500_000,
    settledAt: s(8),
  },
};
const paid = (amountFen: number, paidTotalFen: number, agreementId = 'agr-1'): DisputeEvent => ({
  type: 'CompensationPaid',
  data: {
    ...ref,
    agreementId,
    paymentId: `pay-${amountFen}`,
    amountFen,
    payer: 'hospital',
    paidAt: s(20),
    paidTotalFen,
  },
});
const performed: DisputeEvent = {
  type: 'AgreementPerformed',
  data: { ...ref, agreementId: 'agr-1', note: '已履行', performedAt: s(21) },
};
const flagged: DisputeEvent = {
  type: 'DisputeFlaggedAsEscalationRisk',
  data: {
    ...ref,
    flaggedAt: s(4),
    reasons: ['扬言到医院聚集'],
    partyCount: 1,
    incidentId: null,
    flaggedBy: { userId: 'u-li', organisationId: 'hosp-1' },
  },
};
const closed: DisputeEvent = {
  type: 'DisputeClosed',
  data: {
    ...ref,
    outcome: 'withdrawn',
    note: '患方撤回投诉',
    closedAt: s(30),
    clocks: [
      {
        action: 'stop',
        deadlineId: reviewClock(1),
        at: s(30),
        reason: 'closed',
      },
    ],
  },
};

const OPEN = [opened];
const NOTIFIED = [opened, notified];
const REFERRED = [...NOTIFIED, referred()];
const MEDIATING = [...REFERRED, accepted()];
const MEDIATING_LIABLE = [...MEDIATING, liabilityAgreed];
const AGREED = [...MEDIATING_LIABLE, agreed()];

const receive = (over: Partial<Extract<DisputeCommand, { type: 'ReceiveComplaint' }>> = {}): DisputeCommand => ({
  type: 'ReceiveComplaint',
  ...ref,
  summary: '术后并发症，家属要求赔偿',
  parties,
  claims,
  supervisingOrganisationId: 'hc-500103',
  at: t(0),
  actor: receiver,
  ...over,
});
const fromIncident = (disturbance: boolean): DisputeCommand => ({
  type: 'OpenDisputeFromIncident',
  ...ref,
  incidentId: 'inc-9',
  summary: '家属在病房聚集滋事',
  parties,
  claims,
  disturbanceStopped: disturbance,
  supervisingOrganisationId: 'hc-500103',
  at: t(0),
  actor: system,
});
const notify: DisputeCommand = {
  type: 'NotifyResolutionRoutes',
  routes: ['negotiation', 'peoples_mediation', 'administrative_mediation', 'litigation'],
  method: 'written',
  note: '书面告知书已签收',
  at: t(1),
  actor: receiver,
};
const refer: DisputeCommand = {
  type: 'ReferToMediation',
  kind: 'peoples_mediation',
  mediatorOrganisationId: 'med-1',
  at: t(2),
  actor: receiver,
};
const accept: DisputeCommand = {
  type: 'AcceptMediation',
  supervisingOrganisationId: 'justice-500103',
  at: t(3),
  actor: mediator,
};
const session: DisputeCommand = {
  type: 'RecordMediationSession',
  sessionId: 'ses-1',
  heldAt: t(7),
  attendees: [
    { name: '张某', side: 'patient' },
    { name: '医务科', side: 'hospital' },
    { name: '赵调解员', side: 'mediator' },
  ],
  notes: '双方陈述意见',
  at: t(7),
  actor: mediator,
};
const agree = (items: CompensationItem[] = compensation): DisputeCommand => ({
  type: 'RecordMediationAgreement',
  agreementId: 'agr-1',
  terms: '一次性赔偿',
  compensation: items,
  at: t(10),
  actor: mediator,
});
const expire = (deadlineId = peoplesClock): DisputeCommand => ({
  type: 'FailMediationOnExpiry',
  deadlineId,
  at: t(45),
  actor: system,
});
const pay = (amountFen: number, paymentId = `pay-${amountFen}`): DisputeCommand => ({
  type: 'RecordCompensationPayment',
  paymentId,
  amountFen,
  payer: 'hospital',
  at: t(20),
  actor: receiver,
});

const rejects = (code: DisputeErrorCode) => ({ code });

describe('dispute decider', () => {
  describe('ReceiveComplaint (首诉负责制 [S1 四(一)])', () => {
    it('opens the dispute, owned by the receiver, and starts the risk-review clock', () => {
      given([]).when(receive()).then([opened]);
      expect(fold(disputeDecider, [opened]).owner).toEqual({
        userId: 'u-li',
        organisationId: 'hosp-1',
      });
    });

    it('rejects a second opening of the same dispute', () => {
      given(OPEN)
        .when(receive())
        .thenThrows(DisputeError, {
          ...rejects('DISPUTE.ALREADY_EXISTS'),
          status: 409,
        });
    });

    it('rejects a complaint without a party of the patient side', () => {
      given([])
        .when(receive({ parties: [] }))
        .thenThrows(DisputeError, {
          ...rejects('DISPUTE.INVALID'),
          status: 400,
        });
    });

    it('rejects a complaint without a summary', () => {
      given([])
        .when(receive({ summary: '  ' }))
        .thenThrows(DisputeError, rejects('DISPUTE.INVALID'));
    });
  });

  describe('OpenDisputeFromIncident', () => {
    it("opens from an incident, keeping the incident's case number, with no owner yet", () => {
      given([])
        .when(fromIncident(false))
        .then([openedFromIncident(false)]);
      const state = fold(disputeDecider, [openedFromIncident(false)]);
      expect(state.owner).toBeNull();
      expect(state.incident).toEqual({
        incidentId: 'inc-9',
        disturbanceStopped: false,
      });
    });

    it('a redelivered incident event opens nothing twice', () => {
      given([openedFromIncident(false)])
        .when(fromIncident(false))
        .thenNothingHappens();
    });

    it('rejects opening from an incident a dispute that exists as a complaint', () => {
      given(OPEN).when(fromIncident(true)).thenThrows(DisputeError, rejects('DISPUTE.ALREADY_EXISTS'));
    });
  });

  describe('HandOverDispute', () => {
    const handOver = (reason: string, actor: Actor = receiver): DisputeCommand => ({
      type: 'HandOverDispute',
      to: { userId: 'u-wang', organisationId: 'hosp-1' },
      reason,
      at: t(1),
      actor,
    });

    it('the owner hands over with a reason; the new owner owns it', () => {
      const event: DisputeEvent = {
        type: 'DisputeHandedOver',
        data: {
          ...ref,
          from: { userId: 'u-li', organisationId: 'hosp-1' },
          to: { userId: 'u-wang', organisationId: 'hosp-1' },
          reason: '转医务科专人处理',
          handedOverAt: s(1),
        },
      };
      given(OPEN).when(handOver('转医务科专人处理')).then([event]);
      expect(fold(disputeDecider, [opened, event]).owner).toEqual({
        userId: 'u-wang',
        organisationId: 'hosp-1',
      });
    });

    it('rejects a handover without a reason', () => {
      given(OPEN).when(handOver('  ')).thenThrows(DisputeError, rejects('DISPUTE.HANDOVER_REASON_REQUIRED'));
    });

    it('rejects a handover by someone who does not own the dispute', () => {
      given(OPEN)
        .when(handOver('接手', colleague))
        .thenThrows(DisputeError, {
          ...rejects('DISPUTE.NOT_OWNER'),
          status: 403,
        });
    });

    it('an unowned dispute (from an incident) is assigned by its hospital, not by others', () => {
      given([openedFromIncident(true)])
        .when(handOver('指定专人', colleague))
        .then([
          {
            type: 'DisputeHandedOver',
            data: {
              ...ref,
              from: null,
              to: { userId: 'u-wang', organisationId: 'hosp-1' },
              reason: '指定专人',
              handedOverAt: s(1),
            },
          },
        ]);
      given([openedFromIncident(true)])
        .when(handOver('指定专人', outsider))
        .thenThrows(DisputeError, rejects('DISPUTE.NOT_OWNER'));
    });

    it('handing over to the current owner changes nothing', () => {
      given(OPEN)
        .when({
          type: 'HandOverDispute',
          to: { userId: 'u-li', organisationId: 'hosp-1' },
          reason: 'again',
          at: t(1),
          actor: receiver,
        })
        .thenNothingHappens();
    });

    it('rejects commands on a dispute that does not exist', () => {
      given([])
        .when(handOver('x'))
        .thenThrows(DisputeError, {
          ...rejects('DISPUTE.NOT_FOUND'),
          status: 404,
        });
    });
  });

  describe('RecordIncidentDisturbanceStopped', () => {
    const stop = (incidentId = 'inc-9'): DisputeCommand => ({
      type: 'RecordIncidentDisturbanceStopped',
      incidentId,
      stoppedAt: t(0),
      at: t(0),
      actor: system,
    });

    it('marks the linked disturbance stopped', () => {
      given([openedFromIncident(false)])
        .when(stop())
        .then([disturbanceStopped]);
    });

    it('is idempotent', () => {
      given([openedFromIncident(false), disturbanceStopped])
        .when(stop())
        .thenNothingHappens();
      given([openedFromIncident(true)])
        .when(stop())
        .thenNothingHappens();
    });

    it('rejects an incident that is not linked', () => {
      given([openedFromIncident(false)])
        .when(stop('inc-other'))
        .thenThrows(DisputeError, rejects('DISPUTE.INCIDENT_NOT_LINKED'));
      given(OPEN).when(stop()).thenThrows(DisputeError, rejects('DISPUTE.INCIDENT_NOT_LINKED'));
    });
  });

  describe('NotifyResolutionRoutes (多元化解告知 [S3 二(三)])', () => {
    it('records what the patient side was told', () => {
      given(OPEN).when(notify).then([notified]);
    });

    it('rejects a notice that names no route', () => {
      given(OPEN)
        .when({ ...notify, routes: [] })
        .thenThrows(DisputeError, rejects('DISPUTE.INVALID'));
    });
  });

  describe('ReferToMediation', () => {
    it('refers to a people’s mediation committee after the notice', () => {
      given(NOTIFIED).when(refer).then([referred()]);
      expect(fold(disputeDecider, REFERRED).route).toBe('peoples_mediation');
    });

    it('rejects mediation before the notice of routes', () => {
      given(OPEN).when(refer).thenThrows(DisputeError, rejects('DISPUTE.ROUTES_NOT_NOTIFIED'));
    });

    it('rejects mediation while the linked disturbance is not stopped [S3 一(二)]', () => {
      given([openedFromIncident(false), notified])
        .when(refer)
        .thenThrows(DisputeError, rejects('DISPUTE.DISTURBANCE_NOT_STOPPED'));
    });

    it('allows it once the disturbance was stopped', () => {
      given([openedFromIncident(false), disturbanceStopped, notified])
        .when(refer)
        .then([referred()]);
    });

    it('rejects a second referral while one is under way', () => {
      given(REFERRED).when(refer).thenThrows(DisputeError, rejects('DISPUTE.MEDIATION_IN_PROGRESS'));
      given(MEDIATING).when(refer).thenThrows(DisputeError, rejects('DISPUTE.MEDIATION_IN_PROGRESS'));
    });

    it('rejects a referral once an agreement settled the dispute', () => {
      given(AGREED).when(refer).thenThrows(DisputeError, rejects('DISPUTE.AGREEMENT_EXISTS'));
    });

    it('after a failed mediation, administrative mediation is attempt 2', () => {
      given([...MEDIATING, failed('no_agreement')])
        .when({
          type: 'ReferToMediation',
          kind: 'administrative_mediation',
          mediatorOrganisationId: 'hc-500103',
          at: t(2),
          actor: receiver,
        })
        .then([referred(2, 'administrative_mediation')]);
    });
  });

  describe('RecordMediationRefused', () => {
    const refuse: DisputeCommand = {
      type: 'RecordMediationRefused',
      reason: '患方拒绝调解，要求诉讼',
      at: t(4),
      actor: receiver,
    };
    const refusal = (referralWithdrawn: boolean): DisputeEvent => ({
      type: 'MediationRefusedByPatientSide',
      data: {
        ...ref,
        reason: '患方拒绝调解，要求诉讼',
        refusedAt: s(4),
        referralWithdrawn,
        route: 'litigation',
      },
    });

    it('records the refusal and moves the dispute to the legal route', () => {
      given(NOTIFIED)
        .when(refuse)
        .then([refusal(false)]);
      expect(fold(disputeDecider, [...NOTIFIED, refusal(false)]).route).toBe('litigation');
    });

    it('withdraws a referral not yet accepted', () => {
      given(REFERRED)
        .when(refuse)
        .then([refusal(true)]);
      expect(fold(disputeDecider, [...REFERRED, refusal(true)]).mediation?.phase).toBe('withdrawn');
    });

    it('rejects a refusal before the notice of routes', () => {
      given(OPEN).when(refuse).thenThrows(DisputeError, rejects('DISPUTE.ROUTES_NOT_NOTIFIED'));
    });

    it('rejects a refusal during accepted mediation (that is a failure)', () => {
      given(MEDIATING).when(refuse).thenThrows(DisputeError, rejects('DISPUTE.MEDIATION_IN_PROGRESS'));
    });
  });

  describe('AcceptMediation: the 30-working-day clock starts [law: 条例 第38条]', () => {
    it('starts the people’s mediation clock', () => {
      given(REFERRED).when(accept).then([accepted()]);
    });

    it('starts the clock paused when an appraisal is already under way', () => {
      given([...REFERRED, appraisalRequested(false, 2)])
        .when(accept)
        .then([accepted(true)]);
      expect(fold(disputeDecider, [...REFERRED, appraisalRequested(false, 2), accepted(true)]).mediation?.clockPaused).toBe(true);
    });

    it('administrative mediation runs on its own rule', () => {
      given([...NOTIFIED, referred(1, 'administrative_mediation')])
        .when({ type: 'AcceptMediation', at: t(3), actor: commission })
        .then([
          {
            type: 'MediationAccepted',
            data: {
              ...ref,
              attempt: 1,
              kind: 'administrative_mediation',
              mediatorOrganisationId: 'hc-500103',
              acceptedAt: s(3),
              clocks: [
                {
                  action: 'start',
                  deadlineId: 'dsp-1/administrative-mediation/1',
                  subject: 'YA-500103-2025-0001',
                  rule: 'administrative-mediation',
                  startedAt: s(3),
                  responsibleOrganisationId: 'hc-500103',
                  supervisingOrganisationId: null,
                },
              ],
            },
          },
        ]);
    });

    it('rejects acceptance by an organisation it was not referred to', () => {
      given(REFERRED)
        .when({ ...accept, actor: outsider })
        .thenThrows(DisputeError, {
          ...rejects('DISPUTE.NOT_MEDIATOR'),
          status: 403,
        });
    });

    it('rejects acceptance without a referral', () => {
      given(NOTIFIED).when(accept).thenThrows(DisputeError, rejects('DISPUTE.MEDIATION_NOT_REFERRED'));
    });

    it('accepting twice changes nothing', () => {
      given(MEDIATING).when(accept).thenNothingHappens();
    });
  });

  describe('RecordMediationSession', () => {
    it('records a session with attendees and notes', () => {
      given(MEDIATING)
        .when(session)
        .then([
          {
            type: 'MediationSessionHeld',
            data: {
              ...ref,
              attempt: 1,
              sessionId: 'ses-1',
              heldAt: s(7),
              attendees: [
                { name: '张某', side: 'patient' },
                { name: '医务科', side: 'hospital' },
                { name: '赵调解员', side: 'mediator' },
              ],
              notes: '双方陈述意见',
            },
          },
        ]);
    });

    it('rejects a session after the mediation failed', () => {
      given([...MEDIATING, failed('no_agreement')])
        .when(session)
        .thenThrows(DisputeError, rejects('DISPUTE.MEDIATION_NOT_ACTIVE'));
    });

    it('rejects a session after the period ran out', () => {
      given([...MEDIATING, failed('expired')])
        .when(session)
        .thenThrows(DisputeError, rejects('DISPUTE.MEDIATION_EXPIRED'));
    });

    it('rejects a session before acceptance, by another organisation, or without attendees', () => {
      given(REFERRED).when(session).thenThrows(DisputeError, rejects('DISPUTE.MEDIATION_NOT_ACTIVE'));
      given(MEDIATING)
        .when({ ...session, actor: receiver })
        .thenThrows(DisputeError, rejects('DISPUTE.NOT_MEDIATOR'));
      given(MEDIATING)
        .when({ ...session, attendees: [] })
        .thenThrows(DisputeError, rejects('DISPUTE.INVALID'));
    });
  });

  describe('appraisal (鉴定) pauses the mediation clock until its result', () => {
    const request: DisputeCommand = {
      type: 'RequestAppraisal',
      appraisalId: 'apr-1',
      kind: 'medical_damage',
      appraiser: '某司法鉴定所',
      at: t(5),
      actor: mediator,
    };
    const result = (outcome: 'concluded' | 'terminated', appraisalId = 'apr-1'): DisputeCommand => ({
      type: 'RecordAppraisalResult',
      appraisalId,
      reportReference: '渝司鉴〔2025〕12号',
      result:
        outcome === 'concluded'
          ? {
              outcome,
              liability: {
                responsibility: 'primary',
                summary: '诊疗过错为主要原因',
              },
            }
          : { outcome, reason: '材料不足' },
      at: t(25),
      actor: mediator,
    });
    const completed = (outcome: 'concluded' | 'terminated', resume: boolean): DisputeEvent => ({
      type: 'AppraisalCompleted',
      data: {
        ...ref,
        appraisalId: 'apr-1',
        outcome,
        reportReference: '渝司鉴〔2025〕12号',
        terminationReason: outcome === 'terminated' ? '材料不足' : null,
        completedAt: s(25),
        clocks: resume ? [{ action: 'resume', deadlineId: peoplesClock, at: s(25) }] : [],
      },
    });

    it('a request during mediation pauses the clock', () => {
      given(MEDIATING)
        .when(request)
        .then([appraisalRequested(true)]);
      expect(fold(disputeDecider, [...MEDIATING, appraisalRequested(true)]).mediation?.clockPaused).toBe(true);
    });

    it('a request outside mediation moves no clock', () => {
      given(OPEN)
        .when(request)
        .then([appraisalRequested(false)]);
    });

    it('the result resumes the clock and determines liability', () => {
      given([...MEDIATING, appraisalRequested(true)])
        .when(result('concluded'))
        .then([
          completed('concluded', true),
          {
            type: 'LiabilityDetermined',
            data: {
              ...ref,
              basis: 'appraisal',
              appraisalId: 'apr-1',
              responsibility: 'primary',
              summary: '诊疗过错为主要原因',
              determinedAt: s(25),
            },
          },
        ]);
      const state = fold(disputeDecider, [...MEDIATING, appraisalRequested(true), completed('concluded', true)]);
      expect(state.mediation?.clockPaused).toBe(false);
    });

    it('a terminated appraisal resumes the clock without a determination', () => {
      given([...MEDIATING, appraisalRequested(true)])
        .when(result('terminated'))
        .then([completed('terminated', true)]);
    });

    it('a result after the mediation ended resumes nothing', () => {
      given([...MEDIATING, appraisalRequested(true), failed('no_agreement')])
        .when(result('terminated'))
        .then([completed('terminated', false)]);
    });

    it('rejects a second appraisal while one is under way', () => {
      given([...MEDIATING, appraisalRequested(true)])
        .when(request)
        .thenThrows(DisputeError, rejects('DISPUTE.APPRAISAL_PENDING'));
    });

    it('rejects a result for no appraisal under way', () => {
      given(MEDIATING).when(result('concluded')).thenThrows(DisputeError, rejects('DISPUTE.NO_APPRAISAL_PENDING'));
      given([...MEDIATING, appraisalRequested(true)])
        .when(result('concluded', 'apr-other'))
        .thenThrows(DisputeError, rejects('DISPUTE.NO_APPRAISAL_PENDING'));
    });
  });

  describe('RecordLiabilityAgreement', () => {
    it('records an agreed determination of liability', () => {
      given(MEDIATING)
        .when({
          type: 'RecordLiabilityAgreement',
          liability: {
            responsibility: 'secondary',
            summary: '院方承担次要责任',
          },
          at: t(6),
          actor: mediator,
        })
        .then([liabilityAgreed]);
    });
  });

  describe('ExtendMediation (parties agree to extend [law: 条例 第38条])', () => {
    const extend: DisputeCommand = {
      type: 'ExtendMediation',
      workingDays: 10,
      reason: '双方同意延长',
      at: t(30),
      actor: mediator,
    };

    it('extends the clock', () => {
      given(MEDIATING)
        .when(extend)
        .then([
          {
            type: 'MediationExtended',
            data: {
              ...ref,
              attempt: 1,
              workingDays: 10,
              reason: '双方同意延长',
              extendedAt: s(30),
              clocks: [
                {
                  action: 'extend',
                  deadlineId: peoplesClock,
                  at: s(30),
                  by: { unit: 'working_days', amount: 10 },
                  reason: '双方同意延长',
                },
              ],
            },
          },
        ]);
    });

    it('rejects extending administrative mediation', () => {
      const events = [...NOTIFIED, referred(1, 'administrative_mediation')];
      const acceptedEvents = disputeDecider.decide({ type: 'AcceptMediation', at: t(3), actor: commission }, fold(disputeDecider, events));
      given([...events, ...acceptedEvents])
        .when({ ...extend, actor: commission })
        .thenThrows(DisputeError, rejects('DISPUTE.EXTENSION_NOT_ALLOWED'));
    });

    it('rejects an extension of no running mediation or of a bad length', () => {
      given(REFERRED).when(extend).thenThrows(DisputeError, rejects('DISPUTE.MEDIATION_NOT_ACTIVE'));
      given(MEDIATING)
        .when({ ...extend, workingDays: 0 })
        .thenThrows(DisputeError, rejects('DISPUTE.INVALID'));
      given(MEDIATING)
        .when({ ...extend, reason: '' })
        .thenThrows(DisputeError, rejects('DISPUTE.INVALID'));
    });
  });

  describe('RecordMediationAgreement (调解协议): liability before money [S3 二(三)]', () => {
    it('records the agreement with its amounts and stops the clock', () => {
      given(MEDIATING_LIABLE).when(agree()).then([agreed()]);
    });

    it('rejects agreed compensation before liability is determined', () => {
      given(MEDIATING).when(agree()).thenThrows(DisputeError, rejects('DISPUTE.LIABILITY_NOT_DETERMINED'));
    });

    it('an agreement without money needs no determination', () => {
      given(MEDIATING)
        .when(agree([]))
        .then([agreed(0)]);
    });

    it('rejects an agreement after the period ran out', () => {
      given([...MEDIATING_LIABLE, failed('expired')])
        .when(agree())
        .thenThrows(DisputeError, rejects('DISPUTE.MEDIATION_EXPIRED'));
    });

    it('rejects bad amounts and agreements by others', () => {
      given(MEDIATING_LIABLE)
        .when(agree([{ head: '医疗费', amountFen: 12.5 }]))
        .thenThrows(DisputeError, rejects('DISPUTE.INVALID'));
      given(MEDIATING_LIABLE)
        .when(agree([{ head: '', amountFen: 100 }]))
        .thenThrows(DisputeError, rejects('DISPUTE.INVALID'));
      given(MEDIATING_LIABLE)
        .when({ ...agree(), actor: receiver })
        .thenThrows(DisputeError, rejects('DISPUTE.NOT_MEDIATOR'));
    });
  });

  describe('ConfirmAgreementJudicially (司法确认)', () => {
    const confirm: DisputeCommand = {
      type: 'ConfirmAgreementJudicially',
      courtId: 'court-500103',
      rulingReference: '(2025)渝0103民特12号',
      at: t(15),
      actor: mediator,
    };
    const confirmed: DisputeEvent = {
      type: 'AgreementJudiciallyConfirmed',
      data: {
        ...ref,
        agreementId: 'agr-1',
        courtId: 'court-500103',
        rulingReference: '(2025)渝0103民特12号',
        confirmedAt: s(15),
      },
    };

    it('confirms a people’s mediation agreement, once', () => {
      given(AGREED).when(confirm).then([confirmed]);
      given([...AGREED, confirmed])
        .when(confirm)
        .thenNothingHappens();
    });

    it('rejects confirmation without an agreement, or of a negotiated settlement', () => {
      given(MEDIATING).when(confirm).thenThrows(DisputeError, rejects('DISPUTE.NO_AGREEMENT'));
      given([...NOTIFIED, liabilityAgreed, settled])
        .when(confirm)
        .thenThrows(DisputeError, rejects('DISPUTE.JUDICIAL_CONFIRMATION_NOT_APPLICABLE'));
    });
  });

  describe('FailMediation', () => {
    const fail: DisputeCommand = {
      type: 'FailMediation',
      reason: 'no_agreement',
      note: '双方分歧过大',
      at: t(45),
      actor: mediator,
    };

    it('records the failure and stops the clock', () => {
      given(MEDIATING)
        .when(fail)
        .then([failed('no_agreement')]);
    });

    it('a referral the committee does not accept fails without a clock', () => {
      given(REFERRED)
        .when({ ...fail, reason: 'not_accepted', note: '不予受理' })
        .then([
          {
            type: 'MediationFailed',
            data: {
              ...ref,
              attempt: 1,
              kind: 'peoples_mediation',
              reason: 'not_accepted',
              note: '不予受理',
              failedAt: s(45),
              clocks: [],
            },
          },
        ]);
    });

    it('rejects failing no mediation, or by another organisation', () => {
      given(NOTIFIED).when(fail).thenThrows(DisputeError, rejects('DISPUTE.MEDIATION_NOT_ACTIVE'));
      given(AGREED).when(fail).thenThrows(DisputeError, rejects('DISPUTE.MEDIATION_NOT_ACTIVE'));
      given(MEDIATING)
        .when({ ...fail, actor: receiver })
        .thenThrows(DisputeError, rejects('DISPUTE.NOT_MEDIATOR'));
    });
  });

  describe('FailMediationOnExpiry (from DeadlineBreached; 视为调解不成)', () => {
    it('fails a running mediation whose clock breached; the breached clock is not stopped', () => {
      given(MEDIATING)
        .when(expire())
        .then([failed('expired')]);
      expect(fold(disputeDecider, [...MEDIATING, failed('expired')]).mediationFailures).toEqual({
        expired: 1,
        other: 0,
      });
    });

    it('is ignored once agreed or failed, for another clock, or on a closed dispute', () => {
      given(AGREED).when(expire()).thenNothingHappens();
      given([...MEDIATING, failed('no_agreement')])
        .when(expire())
        .thenNothingHappens();
      given([...MEDIATING, failed('expired')])
        .when(expire())
        .thenNothingHappens();
      given(MEDIATING).when(expire('dsp-1/peoples-mediation/0')).thenNothingHappens();
      given([...NOTIFIED, closed])
        .when(expire())
        .thenNothingHappens();
      given([]).when(expire()).thenNothingHappens();
    });
  });

  describe('RecordNegotiatedSettlement (协商)', () => {
    const settle: DisputeCommand = {
      type: 'RecordNegotiatedSettlement',
      agreementId: 'agr-n',
      terms: '协商一致',
      compensation,
      at: t(8),
      actor: receiver,
    };

    it('settles by negotiation once liability is determined (negotiation needs no notice)', () => {
      given([opened, liabilityAgreed]).when(settle).then([settled]);
    });

    it('rejects compensation before liability is determined', () => {
      given(NOTIFIED).when(settle).thenThrows(DisputeError, rejects('DISPUTE.LIABILITY_NOT_DETERMINED'));
    });

    it('rejects a settlement beside a running mediation or a second agreement', () => {
      given(MEDIATING_LIABLE).when(settle).thenThrows(DisputeError, rejects('DISPUTE.MEDIATION_IN_PROGRESS'));
      given([...NOTIFIED, liabilityAgreed, settled])
        .when(settle)
        .thenThrows(DisputeError, rejects('DISPUTE.AGREEMENT_EXISTS'));
    });
  });

  describe('FileLitigation', () => {
    const sue: DisputeCommand = {
      type: 'FileLitigation',
      courtId: 'court-500103',
      reference: '(2025)渝0103民初88号',
      at: t(9),
      actor: receiver,
    };

    it('records the lawsuit and the litigation route', () => {
      const filed: DisputeEvent = {
        type: 'LitigationFiled',
        data: {
          ...ref,
          courtId: 'court-500103',
          reference: '(2025)渝0103民初88号',
          filedAt: s(9),
        },
      };
      given(NOTIFIED).when(sue).then([filed]);
      expect(fold(disputeDecider, [...NOTIFIED, filed]).route).toBe('litigation');
    });

    it('rejects litigation before the notice, or during mediation', () => {
      given(OPEN).when(sue).thenThrows(DisputeError, rejects('DISPUTE.ROUTES_NOT_NOTIFIED'));
      given(MEDIATING).when(sue).thenThrows(DisputeError, rejects('DISPUTE.MEDIATION_IN_PROGRESS'));
    });
  });

  describe('RecordCompensationPayment', () => {
    it('records a payment under the agreement', () => {
      given(AGREED)
        .when(pay(1_000_000))
        .then([paid(1_000_000, 1_000_000)]);
    });

    it('rejects compensation paid before liability is determined (不得赔钱息事)', () => {
      given(NOTIFIED)
        .when(pay(100_000))
        .thenThrows(DisputeError, {
          ...rejects('DISPUTE.LIABILITY_NOT_DETERMINED'),
          status: 422,
        });
    });

    it('rejects a payment with no agreement, beyond the agreement, or of a bad amount', () => {
      given(MEDIATING_LIABLE).when(pay(100_000)).thenThrows(DisputeError, rejects('DISPUTE.NO_AGREEMENT'));
      given([...AGREED, paid(1_000_000, 1_000_000)])
        .when(pay(600_000))
        .thenThrows(DisputeError, rejects('DISPUTE.PAYMENT_EXCEEDS_AGREEMENT'));
      given(AGREED).when(pay(-5)).thenThrows(DisputeError, rejects('DISPUTE.INVALID'));
    });
  });

  describe('RecordAgreementPerformed', () => {
    const perform: DisputeCommand = {
      type: 'RecordAgreementPerformed',
      note: '已履行',
      at: t(21),
      actor: receiver,
    };

    it('records performance once everything agreed is paid, once', () => {
      given([...AGREED, paid(1_500_000, 1_500_000)])
        .when(perform)
        .then([performed]);
      given([...AGREED, paid(1_500_000, 1_500_000), performed])
        .when(perform)
        .thenNothingHappens();
    });

    it('rejects performance with compensation outstanding or without an agreement', () => {
      given([...AGREED, paid(1_000_000, 1_000_000)])
        .when(perform)
        .thenThrows(DisputeError, rejects('DISPUTE.COMPENSATION_OUTSTANDING'));
      given(MEDIATING).when(perform).thenThrows(DisputeError, rejects('DISPUTE.NO_AGREEMENT'));
    });
  });

  describe('escalation risk [S0 二(二)2]', () => {
    const flag: DisputeCommand = {
      type: 'FlagEscalationRisk',
      reasons: ['扬言到医院聚集'],
      at: t(4),
      actor: receiver,
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
        .when({ ...flag, reasons: [] })
        .thenThrows(DisputeError, rejects('DISPUTE.INVALID'));
    });

    it('clears a flag, and rejects clearing one not set', () => {
      const clear: DisputeCommand = {
        type: 'ClearEscalationRisk',
        reason: '患方情绪稳定',
        at: t(9),
        actor: receiver,
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
      riskLevel: 'medium',
      findings: '仍有上访可能',
      measures: '专班跟进',
      at: t(days),
      actor: receiver,
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

  describe('CloseDispute', () => {
    const close = (outcome: 'withdrawn' | 'agreement_performed'): DisputeCommand => ({
      type: 'CloseDispute',
      outcome,
      note: '患方撤回投诉',
      at: t(30),
      actor: receiver,
    });

    it('closes and stops the risk-review clock', () => {
      given(NOTIFIED).when(close('withdrawn')).then([closed]);
    });

    it('rejects closing during mediation, or as performed without a performed agreement', () => {
      given(MEDIATING).when(close('withdrawn')).thenThrows(DisputeError, rejects('DISPUTE.MEDIATION_IN_PROGRESS'));
      given(NOTIFIED).when(close('agreement_performed')).thenThrows(DisputeError, rejects('DISPUTE.NO_AGREEMENT'));
      given(AGREED).when(close('agreement_performed')).thenThrows(DisputeError, rejects('DISPUTE.AGREEMENT_NOT_PERFORMED'));
    });

    it('rejects any command on a closed dispute', () => {
      given([...NOTIFIED, closed])
        .when(notify)
        .thenThrows(DisputeError, rejects('DISPUTE.CLOSED'));
      given([...NOTIFIED, closed])
        .when(close('withdrawn'))
        .thenThrows(DisputeError, rejects('DISPUTE.CLOSED'));
    });
  });

  describe('a whole case, and its outcome statistics', () => {
    it('complaint → notice → people’s mediation with appraisal → agreement → payment → performance → closed', () => {
      const commands: DisputeCommand[] = [
        receive(),
        notify,
        refer,
        accept,
        {
          type: 'RequestAppraisal',
          appraisalId: 'apr-1',
          kind: 'medical_damage',
          appraiser: '某司法鉴定所',
          at: t(5),
          actor: mediator,
        },
        session,
        {
          type: 'RecordAppraisalResult',
          appraisalId: 'apr-1',
          reportReference: 'r',
          result: {
            outcome: 'concluded',
            liability: { responsibility: 'secondary', summary: '次要责任' },
          },
          at: t(9),
          actor: mediator,
        },
        agree(),
        {
          type: 'ConfirmAgreementJudicially',
          courtId: 'court-500103',
          rulingReference: 'x',
          at: t(12),
          actor: mediator,
        },
        pay(1_000_000),
        pay(500_000),
        {
          type: 'RecordAgreementPerformed',
          note: '',
          at: t(21),
          actor: receiver,
        },
        {
          type: 'CloseDispute',
          outcome: 'agreement_performed',
          note: '',
          at: t(22),
          actor: receiver,
        },
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
      const steps = events.flatMap((e) => ('clocks' in e.data ? e.data.clocks.map((c) => `${c.action} ${c.deadlineId}`) : []));
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
