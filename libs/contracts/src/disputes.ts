import type { ClockInstruction } from './clocks.js';

/**
 * Public events of the disputes context (医疗纠纷): the ones other services consume from
 * `pingan.disputes.events`. Every event's data carries the dispute's reference (dispute id,
 * case number, hospital, region), so a consumer needs nothing else to file it.
 *
 * Instants are ISO 8601 UTC strings; money is in fen (分), whole numbers, never floats.
 * Events that move a legal clock carry `clocks` (see `DisputeClockInstruction`).
 */

export const DISPUTES_CONTEXT = 'disputes';
export const DISPUTE_STREAM_TYPE = 'dispute';

/** What every dispute event carries. `caseNumber` is kept from the incident when opened from one. */
export type DisputeRef = {
  disputeId: string;
  caseNumber: string;
  hospitalId: string;
  regionCode: string; // 6-digit 行政区划代码
};

/** Routes of resolution the hospital must tell the patient side about (多元化解告知) [S3 二(三)]. */
export const DISPUTE_ROUTES = ['negotiation', 'peoples_mediation', 'administrative_mediation', 'litigation'] as const;
export type DisputeRoute = (typeof DISPUTE_ROUTES)[number];

/** 人民调解 (by a 医调委) or 行政调解 (by a health commission). */
export type DisputeMediationKind = 'peoples_mediation' | 'administrative_mediation';

/**
 * One person on the patient side (患方): the patient, a relative or an agent.
 * The disputes service writes only `partyId` and `relation` into events: names and contacts are
 * personal data, kept in its party register (erasable, every read audited), never in the
 * immutable, published event log. `name`/`contact` stay optional here for the pure decider's tests.
 */
export type DisputeParty = {
  partyId?: string;
  name?: string;
  relation: 'patient' | 'relative' | 'agent' | 'other';
  contact?: string;
};

/** A claim of the patient side, e.g. { kind: 'compensation', description, amountFen }. */
export type DisputeClaim = {
  kind: 'compensation' | 'apology' | 'explanation' | 'accountability' | 'other';
  description: string;
  amountFen?: number;
};

/** Deadline rule names the disputes service starts clocks for (catalogue: apps/disputes deadline-rules.ts). */
export type DisputeDeadlineRuleName =
  'peoples-mediation' | 'administrative-mediation' | 'administrative-mediation-acceptance' | 'dispute-risk-review';

type Step<A extends ClockInstruction['action']> = Extract<ClockInstruction, { action: A }>;

/**
 * The platform's clock steps (`ClockInstruction`), as the disputes context uses them: start,
 * pause (an appraisal), resume, extend (working days, by agreement) and stop (→ met). Deadline ids
 * are deterministic (`<disputeId>/<rule>/<n>`); the subject is the case number; a pause and a stop
 * also say why (kept in the event, not needed by the translation).
 */
export type DisputeClockInstruction =
  | (Step<'start'> & {
      subject: string;
      rule: DisputeDeadlineRuleName;
      responsibleOrganisationId: string;
      supervisingOrganisationId: string | null;
    })
  | (Step<'pause'> & { reason: string })
  | Step<'resume'>
  | (Step<'extend'> & { at: string; by: { unit: 'working_days'; amount: number } })
  | (Step<'stop'> & { reason: string });

/** Opened from a complaint (首诉负责制: the receiver owns it) or from an incident. schemaVersion 1. */
export type DisputeOpened = {
  type: 'DisputeOpened';
  data: DisputeRef & {
    origin:
      | {
          kind: 'complaint';
          receivedBy: { userId: string; organisationId: string };
        }
      | { kind: 'incident'; incidentId: string };
    openedAt: string;
    summary: string;
    parties: DisputeParty[];
    claims: DisputeClaim[];
    /** False while the linked incident's disturbance has not been stopped; null without an incident. */
    disturbanceStopped: boolean | null;
    supervisingOrganisationId: string | null;
    clocks: DisputeClockInstruction[]; // starts the risk-review clock
  };
};

/**
 * Likely to escalate into a public-order or criminal case: police and the health commission
 * are notified [S0 二(二)2]. schemaVersion 1.
 */
export type DisputeFlaggedAsEscalationRisk = {
  type: 'DisputeFlaggedAsEscalationRisk';
  data: DisputeRef & {
    flaggedAt: string;
    reasons: string[];
    partyCount: number;
    incidentId: string | null;
    flaggedBy: { userId: string; organisationId: string };
  };
};

/** schemaVersion 1. */
export type DisputeEscalationRiskCleared = {
  type: 'DisputeEscalationRiskCleared';
  data: DisputeRef & { clearedAt: string; reason: string };
};

/** A mediation committee or health commission accepted the case: its 30-working-day clock starts. schemaVersion 1. */
export type DisputeMediationAccepted = {
  type: 'MediationAccepted';
  data: DisputeRef & {
    attempt: number;
    kind: DisputeMediationKind;
    mediatorOrganisationId: string;
    acceptedAt: string;
    clocks: DisputeClockInstruction[]; // start (and pause, when an appraisal is already under way)
  };
};

/** 调解协议 signed. schemaVersion 1. */
export type DisputeMediationAgreed = {
  type: 'MediationAgreed';
  data: DisputeRef & {
    attempt: number;
    kind: DisputeMediationKind;
    agreementId: string;
    agreedAt: string;
    terms: string;
    compensation: { head: string; amountFen: number }[];
    totalFen: number;
    clocks: DisputeClockInstruction[]; // stops the mediation clock
  };
};

/** 'litigation_accepted': a court accepted a lawsuit, which ends the mediation (条例 第31条, 第40条: 已经受理的，终止调解). */
export type DisputeMediationFailureReason =
  'expired' | 'no_agreement' | 'party_withdrew' | 'not_accepted' | 'litigation_accepted' | 'other';

/** 调解不成. 'expired': the period ran out without agreement (视为调解不成). schemaVersion 1. */
export type DisputeMediationFailed = {
  type: 'MediationFailed';
  data: DisputeRef & {
    attempt: number;
    kind: DisputeMediationKind;
    reason: DisputeMediationFailureReason;
    note: string;
    failedAt: string;
    clocks: DisputeClockInstruction[]; // stops the clock, except after expiry (it already breached)
  };
};

export type DisputeCloseOutcome = 'agreement_performed' | 'resolved_without_compensation' | 'judgment' | 'withdrawn' | 'other';

/** schemaVersion 1. */
export type DisputeClosed = {
  type: 'DisputeClosed';
  data: DisputeRef & {
    outcome: DisputeCloseOutcome;
    note: string;
    closedAt: string;
    clocks: DisputeClockInstruction[]; // stops the risk-review clock
  };
};

export type DisputePublicEvent =
  | DisputeOpened
  | DisputeFlaggedAsEscalationRisk
  | DisputeEscalationRiskCleared
  | DisputeMediationAccepted
  | DisputeMediationAgreed
  | DisputeMediationFailed
  | DisputeClosed;

/** Current schema version of each public event type. */
export const DISPUTE_PUBLIC_EVENT_SCHEMA_VERSIONS = {
  DisputeOpened: 1,
  DisputeFlaggedAsEscalationRisk: 1,
  DisputeEscalationRiskCleared: 1,
  MediationAccepted: 1,
  MediationAgreed: 1,
  MediationFailed: 1,
  DisputeClosed: 1,
} as const satisfies Record<DisputePublicEvent['type'], number>;
