import type { DisputeMediationKind, DisputeRoute } from '@pingan/contracts';
import type { Responsibility } from './dispute.commands.js';
import type { DisputeState } from './dispute.decider.js';

/** How a dispute ended, for statistics (or that it has not). */
export type DisputeOutcomeCategory =
  | 'open'
  | 'negotiated_settlement'
  | 'peoples_mediation_agreement'
  | 'administrative_mediation_agreement'
  | 'court_judgment'
  | 'resolved_without_compensation'
  | 'withdrawn'
  | 'other';

export type DisputeOutcomeStatistics = {
  category: DisputeOutcomeCategory;
  origin: 'complaint' | 'incident' | null;
  route: DisputeRoute;
  mediationAttempts: number;
  mediationFailures: { expired: number; other: number };
  lastMediationKind: DisputeMediationKind | null;
  appraisalsConcluded: number;
  liability: {
    basis: 'appraisal' | 'agreement';
    responsibility: Responsibility;
  } | null;
  compensationAgreedFen: number;
  compensationPaidFen: number;
  judiciallyConfirmed: boolean;
  escalationRiskFlagged: boolean;
  riskReviews: number;
  handovers: number;
  /** Whole days from opening to closing (or to `asOf` while open); null without the instants. */
  daysOpen: number | null;
};

const DAY_MS = 86_400_000;

/** Pure: the categories oversight counts, from a dispute's state. `asOf` dates a still-open dispute. */
export function disputeOutcomeStatistics(state: DisputeState, asOf?: Date): DisputeOutcomeStatistics {
  const end = state.closedAt ?? asOf?.toISOString() ?? null;
  const daysOpen = state.openedAt !== null && end !== null ? Math.floor((Date.parse(end) - Date.parse(state.openedAt)) / DAY_MS) : null;
  return {
    category: categoryOf(state),
    origin: state.origin,
    route: state.route,
    mediationAttempts: state.mediation?.attempt ?? 0,
    mediationFailures: state.mediationFailures,
    lastMediationKind: state.mediation?.kind ?? null,
    appraisalsConcluded: state.appraisalsConcluded,
    liability: state.liability,
    compensationAgreedFen: state.agreement?.totalFen ?? 0,
    compensationPaidFen: state.agreement?.paidFen ?? 0,
    judiciallyConfirmed: state.agreement?.judiciallyConfirmed ?? false,
    escalationRiskFlagged: state.escalationFlags > 0,
    riskReviews: state.riskReviews,
    handovers: state.handovers,
    daysOpen,
  };
}

function categoryOf(state: DisputeState): DisputeOutcomeCategory {
  if (state.status !== 'closed') return 'open';
  switch (state.closeOutcome) {
    case 'agreement_performed':
      switch (state.agreement?.source) {
        case 'negotiation':
          return 'negotiated_settlement';
        case 'peoples_mediation':
          return 'peoples_mediation_agreement';
        case 'administrative_mediation':
          return 'administrative_mediation_agreement';
        default:
          return 'other';
      }
    case 'judgment':
      return 'court_judgment';
    case 'resolved_without_compensation':
      return 'resolved_without_compensation';
    case 'withdrawn':
      return 'withdrawn';
    default:
      return 'other';
  }
}
