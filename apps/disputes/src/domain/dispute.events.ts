import type {
  DisputeClockInstruction,
  DisputeEscalationRiskCleared,
  DisputeFlaggedAsEscalationRisk,
  DisputeMediationAccepted,
  DisputeMediationAgreed,
  DisputeMediationFailed,
  DisputeMediationKind,
  DisputeOpened,
  DisputeClosed,
  DisputeRef,
  DisputeRoute,
} from '@pingan/contracts';
import type { CompensationItem, Responsibility } from './dispute.commands.js';

/*
 * The dispute stream's events. Public ones (consumed by police, health commissions, oversight)
 * are defined in @pingan/contracts; the rest are the service's own but are published too, so
 * they also carry the dispute's reference. Instants are ISO strings (events are stored as JSON).
 * All events are at schemaVersion 1 (DISPUTE_EVENT_SCHEMA_VERSIONS).
 */

type Who = { userId: string; organisationId: string };

export type DisputeHandedOver = {
  type: 'DisputeHandedOver';
  data: DisputeRef & {
    from: Who | null;
    to: Who;
    reason: string;
    handedOverAt: string;
  };
};

export type IncidentDisturbanceStopped = {
  type: 'IncidentDisturbanceStopped';
  data: DisputeRef & { incidentId: string; stoppedAt: string };
};

/** An incident was linked to this dispute after it was opened (see LinkIncident). */
export type DisputeLinkedToIncident = {
  type: 'DisputeLinkedToIncident';
  data: DisputeRef & { incidentId: string; disturbanceStopped: boolean; linkedAt: string };
};

export type ResolutionRoutesNotified = {
  type: 'ResolutionRoutesNotified';
  data: DisputeRef & {
    routes: DisputeRoute[];
    method: string;
    note: string;
    notifiedAt: string;
    notifiedBy: Who;
  };
};

export type MediationReferred = {
  type: 'MediationReferred';
  data: DisputeRef & {
    attempt: number;
    kind: DisputeMediationKind;
    mediatorOrganisationId: string;
    referredAt: string;
    /** Administrative mediation: starts the 5-working-day acceptance clock (条例 第40条). Absent on older events. */
    clocks?: DisputeClockInstruction[];
  };
};

export type MediationRefusedByPatientSide = {
  type: 'MediationRefusedByPatientSide';
  data: DisputeRef & {
    reason: string;
    refusedAt: string;
    /** A referral not yet accepted is withdrawn with the refusal. */
    referralWithdrawn: boolean;
    /** The route the dispute is on afterwards: 'litigation' on events before remainingRoutes; now 'negotiation' until the patient side picks one. */
    route: DisputeRoute;
    /** The routes that remain open, offered to the patient side [S3 二(三)]. Absent on older events (then: litigation). */
    remainingRoutes?: DisputeRoute[];
    /** The mediation refused: a referral's kind, else people's mediation. Absent on older events. */
    refusedKind?: DisputeMediationKind;
    /** Stops a running acceptance clock of a withdrawn administrative referral (moot). */
    clocks?: DisputeClockInstruction[];
  };
};

export type MediationSessionHeld = {
  type: 'MediationSessionHeld';
  data: DisputeRef & {
    attempt: number;
    sessionId: string;
    heldAt: string;
    attendees: {
      name: string;
      side: 'patient' | 'hospital' | 'mediator' | 'other';
    }[];
    notes: string;
  };
};

export type AppraisalRequested = {
  type: 'AppraisalRequested';
  data: DisputeRef & {
    appraisalId: string;
    kind: 'medical_damage' | 'medical_accident';
    appraiser: string;
    requestedAt: string;
    clocks: DisputeClockInstruction[]; // pauses a running mediation clock: appraisal time does not count
  };
};

export type AppraisalCompleted = {
  type: 'AppraisalCompleted';
  data: DisputeRef & {
    appraisalId: string;
    outcome: 'concluded' | 'terminated';
    reportReference: string;
    terminationReason: string | null;
    completedAt: string;
    clocks: DisputeClockInstruction[]; // resumes the mediation clock it paused
  };
};

export type LiabilityDetermined = {
  type: 'LiabilityDetermined';
  data: DisputeRef & {
    basis: 'appraisal' | 'agreement';
    appraisalId: string | null;
    responsibility: Responsibility;
    summary: string;
    determinedAt: string;
  };
};

export type MediationExtended = {
  type: 'MediationExtended';
  data: DisputeRef & {
    attempt: number;
    workingDays: number;
    reason: string;
    /** Both parties' consent (条例 第38条). Absent only on events recorded before consent was required. */
    consent?: { patientPartyId: string; hospitalRepresentative: string; reference: string | null };
    extendedAt: string;
    clocks: DisputeClockInstruction[];
  };
};

export type AgreementJudiciallyConfirmed = {
  type: 'AgreementJudiciallyConfirmed';
  data: DisputeRef & {
    agreementId: string;
    courtId: string;
    rulingReference: string;
    confirmedAt: string;
  };
};

export type NegotiatedSettlementReached = {
  type: 'NegotiatedSettlementReached';
  data: DisputeRef & {
    agreementId: string;
    terms: string;
    compensation: CompensationItem[];
    totalFen: number;
    settledAt: string;
  };
};

export type LitigationFiled = {
  type: 'LitigationFiled';
  data: DisputeRef & { courtId: string; reference: string; filedAt: string };
};

export type CompensationPaid = {
  type: 'CompensationPaid';
  data: DisputeRef & {
    agreementId: string;
    paymentId: string;
    amountFen: number;
    payer: 'hospital' | 'insurer';
    paidAt: string;
    /** Paid so far under the agreement, this payment included. */
    paidTotalFen: number;
  };
};

export type AgreementPerformed = {
  type: 'AgreementPerformed';
  data: DisputeRef & { agreementId: string; note: string; performedAt: string };
};

export type RiskReviewRecorded = {
  type: 'RiskReviewRecorded';
  data: DisputeRef & {
    riskLevel: 'low' | 'medium' | 'high';
    findings: string;
    measures: string;
    reviewedAt: string;
    reviewedBy: Who;
    clocks: DisputeClockInstruction[]; // stops this review's clock and starts the next one
  };
};

export type DisputeEvent =
  | DisputeOpened
  | DisputeHandedOver
  | IncidentDisturbanceStopped
  | DisputeLinkedToIncident
  | ResolutionRoutesNotified
  | MediationReferred
  | MediationRefusedByPatientSide
  | DisputeMediationAccepted
  | MediationSessionHeld
  | AppraisalRequested
  | AppraisalCompleted
  | LiabilityDetermined
  | MediationExtended
  | DisputeMediationAgreed
  | AgreementJudiciallyConfirmed
  | DisputeMediationFailed
  | NegotiatedSettlementReached
  | LitigationFiled
  | CompensationPaid
  | AgreementPerformed
  | DisputeFlaggedAsEscalationRisk
  | DisputeEscalationRiskCleared
  | RiskReviewRecorded
  | DisputeClosed;

export type DisputeEventType = DisputeEvent['type'];

/** Current schema version per event type; an upcaster is needed before any of these changes. */
export const DISPUTE_EVENT_SCHEMA_VERSIONS = {
  DisputeOpened: 1,
  DisputeHandedOver: 1,
  IncidentDisturbanceStopped: 1,
  DisputeLinkedToIncident: 1,
  ResolutionRoutesNotified: 1,
  MediationReferred: 1,
  MediationRefusedByPatientSide: 1,
  MediationAccepted: 1,
  MediationSessionHeld: 1,
  AppraisalRequested: 1,
  AppraisalCompleted: 1,
  LiabilityDetermined: 1,
  MediationExtended: 1,
  MediationAgreed: 1,
  AgreementJudiciallyConfirmed: 1,
  MediationFailed: 1,
  NegotiatedSettlementReached: 1,
  LitigationFiled: 1,
  CompensationPaid: 1,
  AgreementPerformed: 1,
  DisputeFlaggedAsEscalationRisk: 1,
  DisputeEscalationRiskCleared: 1,
  RiskReviewRecorded: 1,
  DisputeClosed: 1,
} as const satisfies Record<DisputeEventType, number>;
