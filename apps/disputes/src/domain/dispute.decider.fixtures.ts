import type { Actor } from '@pingan/contracts';
import { deciderSpec } from '@pingan/testing';
import type { CompensationItem, DisputeCommand } from './dispute.commands.js';
import { disputeDecider } from './dispute.decider.js';
import type { DisputeErrorCode } from './dispute.errors.js';
import type { DisputeEvent } from './dispute.events.js';

// The dispute decider specs' fixtures, shared by the phase specs (test-only: excluded from the build).

export const given = deciderSpec(disputeDecider);

// One hospital in Chongqing's Yuzhong district, its people's mediation committee.
export const ref = {
  disputeId: 'dsp-1',
  caseNumber: 'YA-500103-2025-0001',
  hospitalId: 'hosp-1',
  regionCode: '500103',
};
export const receiver: Actor = {
  userId: 'u-li',
  organisationId: 'hosp-1',
  role: 'complaints_officer',
};
export const colleague: Actor = {
  userId: 'u-wang',
  organisationId: 'hosp-1',
  role: 'complaints_officer',
};
export const outsider: Actor = {
  userId: 'u-x',
  organisationId: 'other-org',
  role: 'clerk',
};
export const mediator: Actor = {
  userId: 'u-zhao',
  organisationId: 'med-1',
  role: 'mediator',
};
export const commission: Actor = {
  userId: 'u-hc',
  organisationId: 'hc-500103',
  role: 'officer',
};
export const system: Actor = {
  userId: 'system',
  organisationId: 'system',
  role: 'system',
};

export const t0 = new Date('2025-03-03T02:00:00Z');
export const t = (days: number): Date => new Date(t0.getTime() + days * 86_400_000);
export const s = (days: number): string => t(days).toISOString();

export const parties = [{ name: '张某', relation: 'relative' as const }];
export const claims = [
  {
    kind: 'compensation' as const,
    description: '医疗费、误工费',
    amountFen: 5_000_000,
  },
];
export const compensation: CompensationItem[] = [
  { head: '医疗费', amountFen: 1_200_000 },
  { head: '误工费', amountFen: 300_000 },
];

export const peoplesClock = 'dsp-1/peoples-mediation/1';
export const reviewClock = (n: number): string => `dsp-1/dispute-risk-review/${n}`;

// Events, as the decider writes them.
export const reviewStart = (n: number, days: number) => ({
  action: 'start' as const,
  deadlineId: reviewClock(n),
  subject: 'YA-500103-2025-0001',
  rule: 'dispute-risk-review' as const,
  startedAt: s(days),
  responsibleOrganisationId: 'hosp-1',
  supervisingOrganisationId: 'hc-500103',
});
export const opened: DisputeEvent = {
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
export const openedFromIncident = (disturbanceStopped: boolean): DisputeEvent => ({
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
export const disturbanceStopped: DisputeEvent = {
  type: 'IncidentDisturbanceStopped',
  data: { ...ref, incidentId: 'inc-9', stoppedAt: s(0) },
};
export const notified: DisputeEvent = {
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
export const referred = (attempt = 1, kind: 'peoples_mediation' | 'administrative_mediation' = 'peoples_mediation'): DisputeEvent => ({
  type: 'MediationReferred',
  data: {
    ...ref,
    attempt,
    kind,
    mediatorOrganisationId: kind === 'peoples_mediation' ? 'med-1' : 'hc-500103',
    referredAt: s(2),
    clocks:
      kind === 'peoples_mediation'
        ? []
        : [
            {
              action: 'start',
              deadlineId: acceptanceClock(attempt),
              subject: ref.caseNumber,
              rule: 'administrative-mediation-acceptance',
              startedAt: s(2),
              responsibleOrganisationId: 'hc-500103',
              supervisingOrganisationId: null,
            },
          ],
  },
});
/** The commission's 5-working-day clock of its decision on acceptance (条例 第40条). */
export const acceptanceClock = (attempt = 1): string => `dsp-1/administrative-mediation-acceptance/${attempt}`;
export const accepted = (paused = false): DisputeEvent => ({
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
export const appraisalRequested = (pausing: boolean, days = 5): DisputeEvent => ({
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
export const liabilityAgreed: DisputeEvent = {
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
export const agreed = (totalFen = 1_500_000): DisputeEvent => ({
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
export const failed = (reason: 'expired' | 'no_agreement', attempt = 1): DisputeEvent => ({
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
export const settled: DisputeEvent = {
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
export const paid = (amountFen: number, paidTotalFen: number, agreementId = 'agr-1'): DisputeEvent => ({
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
export const performed: DisputeEvent = {
  type: 'AgreementPerformed',
  data: { ...ref, agreementId: 'agr-1', note: '已履行', performedAt: s(21) },
};
export const flagged: DisputeEvent = {
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
export const closed: DisputeEvent = {
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

export const OPEN = [opened];
export const NOTIFIED = [opened, notified];
export const REFERRED = [...NOTIFIED, referred()];
export const MEDIATING = [...REFERRED, accepted()];
export const MEDIATING_LIABLE = [...MEDIATING, liabilityAgreed];
export const AGREED = [...MEDIATING_LIABLE, agreed()];

/** Commands typed as themselves (not the union): the specs spread them into variants. */
type CommandOf<T extends DisputeCommand['type']> = Extract<DisputeCommand, { type: T }>;

export const receive = (over: Partial<CommandOf<'ReceiveComplaint'>['data']> = {}): DisputeCommand => ({
  type: 'ReceiveComplaint',
  data: { ...ref, summary: '术后并发症，家属要求赔偿', parties, claims, supervisingOrganisationId: 'hc-500103', ...over },
  metadata: { actor: receiver, now: t(0) },
});
export const fromIncident = (disturbance: boolean): DisputeCommand => ({
  type: 'OpenDisputeFromIncident',
  data: {
    ...ref,
    incidentId: 'inc-9',
    summary: '家属在病房聚集滋事',
    parties,
    claims,
    disturbanceStopped: disturbance,
    supervisingOrganisationId: 'hc-500103',
    referredAt: t(0),
  },
  metadata: { actor: system, now: t(0) },
});
export const notify: CommandOf<'NotifyResolutionRoutes'> = {
  type: 'NotifyResolutionRoutes',
  data: {
    routes: ['negotiation', 'peoples_mediation', 'administrative_mediation', 'litigation'],
    method: 'written',
    note: '书面告知书已签收',
  },
  metadata: { actor: receiver, now: t(1) },
};
export const refer: CommandOf<'ReferToMediation'> = {
  type: 'ReferToMediation',
  data: { kind: 'peoples_mediation', mediatorOrganisationId: 'med-1' },
  metadata: { actor: receiver, now: t(2) },
};
export const accept: CommandOf<'AcceptMediation'> = {
  type: 'AcceptMediation',
  data: { supervisingOrganisationId: 'justice-500103' },
  metadata: { actor: mediator, now: t(3) },
};
export const session: CommandOf<'RecordMediationSession'> = {
  type: 'RecordMediationSession',
  data: {
    sessionId: 'ses-1',
    heldAt: t(7),
    attendees: [
      { name: '张某', side: 'patient' },
      { name: '医务科', side: 'hospital' },
      { name: '赵调解员', side: 'mediator' },
    ],
    notes: '双方陈述意见',
  },
  metadata: { actor: mediator, now: t(7) },
};
export const agree = (items: CompensationItem[] = compensation): DisputeCommand => ({
  type: 'RecordMediationAgreement',
  data: { agreementId: 'agr-1', terms: '一次性赔偿', compensation: items },
  metadata: { actor: mediator, now: t(10) },
});
export const expire = (deadlineId = peoplesClock): DisputeCommand => ({
  type: 'FailMediationOnExpiry',
  data: { deadlineId, expiredAt: t(45) },
  metadata: { actor: system, now: t(45) },
});
export const pay = (amountFen: number, paymentId = `pay-${amountFen}`): DisputeCommand => ({
  type: 'RecordCompensationPayment',
  data: { paymentId, amountFen, payer: 'hospital' },
  metadata: { actor: receiver, now: t(20) },
});

/** The same command given by someone else. */
export const by = <C extends DisputeCommand>(actor: Actor, command: C): C => ({ ...command, metadata: { ...command.metadata, actor } });

/** The same command with some of its data changed. */
export const withData = <C extends DisputeCommand>(command: C, data: Partial<C['data']>): C => ({
  ...command,
  data: { ...command.data, ...data },
});

export const rejects = (code: DisputeErrorCode) => ({ code });
