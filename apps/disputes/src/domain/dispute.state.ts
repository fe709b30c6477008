import type {
  DisputeCloseOutcome,
  DisputeDeadlineRuleName,
  DisputeMediationFailureReason,
  DisputeMediationKind,
  DisputeRef,
  DisputeRoute,
} from '@pingan/contracts';
import type { DisputeCommand, Responsibility } from './dispute.commands.js';
import type { DisputeEvent } from './dispute.events.js';

export type Who = { userId: string; organisationId: string };

export type MediationState = {
  attempt: number;
  kind: DisputeMediationKind;
  mediatorOrganisationId: string;
  phase: 'referred' | 'accepted' | 'agreed' | 'failed' | 'withdrawn';
  /** The clock of this attempt, once accepted. */
  deadlineId: string | null;
  /** Administrative mediation: the 5-working-day clock of the decision on acceptance, while it runs (条例 第40条). */
  acceptanceDeadlineId: string | null;
  clockPaused: boolean;
  failureReason: DisputeMediationFailureReason | null;
  sessions: number;
  extendedWorkingDays: number;
};

export type AgreementState = {
  agreementId: string;
  source: 'negotiation' | DisputeMediationKind;
  totalFen: number;
  paidFen: number;
  judiciallyConfirmed: boolean;
  performed: boolean;
};

export type DisputeState = {
  status: 'none' | 'open' | 'closed';
  ref: DisputeRef | null;
  origin: 'complaint' | 'incident' | null;
  openedAt: string | null;
  closedAt: string | null;
  closeOutcome: DisputeCloseOutcome | null;
  supervisingOrganisationId: string | null;
  /** 首诉负责人: the first receiver, until handed over. Null for a dispute opened from an incident until assigned. */
  owner: Who | null;
  handovers: number;
  partyCount: number;
  incident: { incidentId: string; disturbanceStopped: boolean } | null;
  routesNotified: boolean;
  /** What the last routes notice said: the same notice again is a duplicate (a retry), recorded once. */
  routesNotice: { routes: DisputeRoute[]; method: string; note: string } | null;
  route: DisputeRoute;
  /** After a refusal of mediation: the routes still open to the patient side [S3 二(三)], shown with the dispute. */
  remainingRoutes: DisputeRoute[] | null;
  /** A lawsuit the court has accepted: it excludes mediation [law: 条例 第38条, 第40条]. */
  litigation: { courtId: string; reference: string } | null;
  /** The current (or last) mediation attempt. */
  mediation: MediationState | null;
  mediationFailures: { expired: number; other: number };
  appraisal: { appraisalId: string; pending: boolean } | null;
  appraisalsConcluded: number;
  liability: {
    basis: 'appraisal' | 'agreement';
    responsibility: Responsibility;
  } | null;
  agreement: AgreementState | null;
  escalationRisk: boolean;
  escalationFlags: number;
  /** The running risk-review clock; `sequence` numbers them. */
  riskReview: { deadlineId: string; sequence: number } | null;
  riskReviews: number;
};

export const initialDisputeState = (): DisputeState => ({
  status: 'none',
  ref: null,
  origin: null,
  openedAt: null,
  closedAt: null,
  closeOutcome: null,
  supervisingOrganisationId: null,
  owner: null,
  handovers: 0,
  partyCount: 0,
  incident: null,
  routesNotified: false,
  routesNotice: null,
  route: 'negotiation',
  remainingRoutes: null,
  litigation: null,
  mediation: null,
  mediationFailures: { expired: 0, other: 0 },
  appraisal: null,
  appraisalsConcluded: 0,
  liability: null,
  agreement: null,
  escalationRisk: false,
  escalationFlags: 0,
  riskReview: null,
  riskReviews: 0,
});

/** Deterministic clock ids, so a redelivered event starts the same clock. */
export const deadlineIdFor = (disputeId: string, rule: DisputeDeadlineRuleName, n: number): string => `${disputeId}/${rule}/${n}`;

export const withMediation = (state: DisputeState, change: Partial<MediationState>): DisputeState =>
  state.mediation === null ? state : { ...state, mediation: { ...state.mediation, ...change } };

type CommandOf<T extends DisputeCommand['type']> = Extract<DisputeCommand, { type: T }>;
type EventOf<T extends DisputeEvent['type']> = Extract<DisputeEvent, { type: T }>;

/** A phase's share of `decide`: one function per command type it handles. */
export type Decisions<T extends DisputeCommand['type'] = DisputeCommand['type']> = {
  [K in T]: (command: CommandOf<K>, state: DisputeState) => DisputeEvent[];
};

/** A phase's share of `evolve`: one function per event type it applies. */
export type Evolutions<T extends DisputeEvent['type'] = DisputeEvent['type']> = {
  [K in T]: (state: DisputeState, event: EventOf<K>) => DisputeState;
};
