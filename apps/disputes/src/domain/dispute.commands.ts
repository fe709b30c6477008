import type { Actor, DisputeClaim, DisputeCloseOutcome, DisputeMediationKind, DisputeParty, DisputeRoute } from '@pingan/contracts';

/** Degree of medical liability as appraisals and courts state it (全部/主要/同等/次要/轻微/无责任). */
export type Responsibility = 'full' | 'primary' | 'equal' | 'secondary' | 'minor' | 'none';

export type LiabilityFinding = {
  responsibility: Responsibility;
  summary: string;
};

/** One head of compensation (e.g. 医疗费, 误工费), in fen. */
export type CompensationItem = { head: string; amountFen: number };

/** Every command carries the instant from the injectable clock and who acts. */
type Base = { at: Date; actor: Actor };

/** A complaint received at a hospital; the receiver owns it (首诉负责制) [S1 四(一)]. */
export type ReceiveComplaint = Base & {
  type: 'ReceiveComplaint';
  disputeId: string;
  caseNumber: string;
  hospitalId: string;
  regionCode: string;
  summary: string;
  parties: DisputeParty[];
  claims: DisputeClaim[];
  /** The health commission over the hospital; supervises the risk-review clock. */
  supervisingOrganisationId?: string | null;
};

/** Issued by the service layer from an incident event; keeps the incident's case number. */
export type OpenDisputeFromIncident = Base & {
  type: 'OpenDisputeFromIncident';
  disputeId: string;
  caseNumber: string;
  incidentId: string;
  hospitalId: string;
  regionCode: string;
  summary: string;
  parties: DisputeParty[];
  claims: DisputeClaim[];
  disturbanceStopped: boolean;
  supervisingOrganisationId?: string | null;
};

export type HandOverDispute = Base & {
  type: 'HandOverDispute';
  to: { userId: string; organisationId: string };
  reason: string;
};

/** The linked incident's disturbance was stopped (learned from incident events) [S3 一(二)]. */
export type RecordIncidentDisturbanceStopped = Base & {
  type: 'RecordIncidentDisturbanceStopped';
  incidentId: string;
  stoppedAt: Date;
};

/** 多元化解告知 [S3 二(三)]: what the patient side was told, and how. */
export type NotifyResolutionRoutes = Base & {
  type: 'NotifyResolutionRoutes';
  routes: DisputeRoute[];
  method: 'in_person' | 'written' | 'phone' | 'other';
  note: string;
};

export type ReferToMediation = Base & {
  type: 'ReferToMediation';
  kind: DisputeMediationKind;
  mediatorOrganisationId: string;
};

/** The patient side refuses mediation; it is helped to a legal route [S3 二(三)]. */
export type RecordMediationRefused = Base & {
  type: 'RecordMediationRefused';
  reason: string;
};

export type AcceptMediation = Base & {
  type: 'AcceptMediation';
  /** Supervisor of the mediator for the clock (e.g. the justice bureau or a higher commission). */
  supervisingOrganisationId?: string | null;
};

export type RecordMediationSession = Base & {
  type: 'RecordMediationSession';
  sessionId: string;
  heldAt: Date;
  attendees: {
    name: string;
    side: 'patient' | 'hospital' | 'mediator' | 'other';
  }[];
  notes: string;
};

/** A technical appraisal (医疗损害鉴定 / 医疗事故技术鉴定): the mediation clock pauses. */
export type RequestAppraisal = Base & {
  type: 'RequestAppraisal';
  appraisalId: string;
  kind: 'medical_damage' | 'medical_accident';
  appraiser: string;
};

export type RecordAppraisalResult = Base & {
  type: 'RecordAppraisalResult';
  appraisalId: string;
  reportReference: string;
  result: { outcome: 'concluded'; liability: LiabilityFinding } | { outcome: 'terminated'; reason: string };
};

/** Liability the parties agree on without an appraisal (e.g. in negotiation or mediation). */
export type RecordLiabilityAgreement = Base & {
  type: 'RecordLiabilityAgreement';
  liability: LiabilityFinding;
};

/** The mediator and both sides agree to extend [law: 条例 第38条]. */
export type ExtendMediation = Base & {
  type: 'ExtendMediation';
  workingDays: number;
  reason: string;
};

export type RecordMediationAgreement = Base & {
  type: 'RecordMediationAgreement';
  agreementId: string;
  terms: string;
  compensation: CompensationItem[];
};

/** 司法确认 of a people's mediation agreement. */
export type ConfirmAgreementJudicially = Base & {
  type: 'ConfirmAgreementJudicially';
  courtId: string;
  rulingReference: string;
};

export type FailMediation = Base & {
  type: 'FailMediation';
  reason: 'no_agreement' | 'party_withdrew' | 'not_accepted' | 'other';
  note: string;
};

/** From a `DeadlineBreached` on the mediation clock; ignored unless that clock's mediation is still running. */
export type FailMediationOnExpiry = Base & {
  type: 'FailMediationOnExpiry';
  deadlineId: string;
};

/** 协商和解: the hospital and the patient side settle directly. */
export type RecordNegotiatedSettlement = Base & {
  type: 'RecordNegotiatedSettlement';
  agreementId: string;
  terms: string;
  compensation: CompensationItem[];
};

export type FileLitigation = Base & {
  type: 'FileLitigation';
  courtId: string;
  reference: string;
};

export type RecordCompensationPayment = Base & {
  type: 'RecordCompensationPayment';
  paymentId: string;
  amountFen: number;
  payer: 'hospital' | 'insurer';
};

export type RecordAgreementPerformed = Base & {
  type: 'RecordAgreementPerformed';
  note: string;
};

export type FlagEscalationRisk = Base & {
  type: 'FlagEscalationRisk';
  reasons: string[];
};

export type ClearEscalationRisk = Base & {
  type: 'ClearEscalationRisk';
  reason: string;
};

/** A periodic risk review (风险研判) [S1 四(三)]; restarts the review clock. */
export type RecordRiskReview = Base & {
  type: 'RecordRiskReview';
  riskLevel: 'low' | 'medium' | 'high';
  findings: string;
  measures: string;
};

export type CloseDispute = Base & {
  type: 'CloseDispute';
  outcome: DisputeCloseOutcome;
  note: string;
};

export type DisputeCommand =
  | ReceiveComplaint
  | OpenDisputeFromIncident
  | HandOverDispute
  | RecordIncidentDisturbanceStopped
  | NotifyResolutionRoutes
  | ReferToMediation
  | RecordMediationRefused
  | AcceptMediation
  | RecordMediationSession
  | RequestAppraisal
  | RecordAppraisalResult
  | RecordLiabilityAgreement
  | ExtendMediation
  | RecordMediationAgreement
  | ConfirmAgreementJudicially
  | FailMediation
  | FailMediationOnExpiry
  | RecordNegotiatedSettlement
  | FileLitigation
  | RecordCompensationPayment
  | RecordAgreementPerformed
  | FlagEscalationRisk
  | ClearEscalationRisk
  | RecordRiskReview
  | CloseDispute;
