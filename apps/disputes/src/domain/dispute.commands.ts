import type { Command } from '@pingan/platform';
import type { DisputeClaim, DisputeCloseOutcome, DisputeMediationKind, DisputeParty, DisputeRoute } from '@pingan/contracts';

/** Degree of medical liability as appraisals and courts state it (全部/主要/同等/次要/轻微/无责任). */
export type Responsibility = 'full' | 'primary' | 'equal' | 'secondary' | 'minor' | 'none';

export type LiabilityFinding = {
  responsibility: Responsibility;
  summary: string;
};

/** One head of compensation (e.g. 医疗费, 误工费), in fen. */
export type CompensationItem = { head: string; amountFen: number };

/**
 * Commands on one dispute, in the one command shape `{ type, data, metadata: { actor, now } }`:
 * `metadata.now` is when the system records it (the injectable clock), `metadata.actor` who acts.
 * Instants of things that happened elsewhere (a session held, an incident's disturbance stopped,
 * a clock's breach) are data fields.
 */
type CommandOf<Type extends string, Data> = Command<Type, Data>;

/** A complaint received at a hospital; the receiver owns it (首诉负责制) [S1 四(一)]. */
export type ReceiveComplaint = CommandOf<
  'ReceiveComplaint',
  {
    disputeId: string;
    caseNumber: string;
    hospitalId: string;
    regionCode: string;
    summary: string;
    parties: DisputeParty[];
    claims: DisputeClaim[];
    /** The health commission over the hospital; supervises the risk-review clock. */
    supervisingOrganisationId?: string | null;
  }
>;

/** Issued by the service layer from an incident event; keeps the incident's case number. */
export type OpenDisputeFromIncident = CommandOf<
  'OpenDisputeFromIncident',
  {
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
    /** When the incident was referred (closed as 转医疗纠纷处理): the dispute is open from then. */
    referredAt: Date;
  }
>;

export type HandOverDispute = CommandOf<
  'HandOverDispute',
  {
    to: { userId: string; organisationId: string };
    reason: string;
  }
>;

/** The linked incident's disturbance was stopped (learned from incident events) [S3 一(二)]. */
export type RecordIncidentDisturbanceStopped = CommandOf<
  'RecordIncidentDisturbanceStopped',
  {
    incidentId: string;
    stoppedAt: Date;
  }
>;

/**
 * A dispute opened on its own (a complaint) turns out to belong to an incident (the incident was
 * linked to it): from then on its mediation waits for that incident's disturbance to be recorded as
 * stopped, as one opened from the incident would [S3 一(二)]. `disturbanceStopped` is what the
 * disputes service has heard of the incident (police dispatched and not yet stopped: false).
 */
export type LinkIncident = CommandOf<'LinkIncident', { incidentId: string; disturbanceStopped: boolean; linkedAt: Date }>;

/** 多元化解告知 [S3 二(三)]: what the patient side was told, and how. */
export type NotifyResolutionRoutes = CommandOf<
  'NotifyResolutionRoutes',
  {
    routes: DisputeRoute[];
    method: 'in_person' | 'written' | 'phone' | 'other';
    note: string;
  }
>;

export type ReferToMediation = CommandOf<
  'ReferToMediation',
  {
    kind: DisputeMediationKind;
    mediatorOrganisationId: string;
    /** Administrative mediation: who supervises the commission for its 5-working-day acceptance clock. */
    supervisingOrganisationId?: string | null;
  }
>;

/** The patient side refuses mediation; it is helped to a legal route [S3 二(三)]. */
export type RecordMediationRefused = CommandOf<
  'RecordMediationRefused',
  {
    reason: string;
    /** Which mediation the patient side refuses when none was referred; default people's mediation. */
    kind?: DisputeMediationKind;
  }
>;

export type AcceptMediation = CommandOf<
  'AcceptMediation',
  {
    /** Supervisor of the mediator for the clock (e.g. the justice bureau or a higher commission). */
    supervisingOrganisationId?: string | null;
  }
>;

export type RecordMediationSession = CommandOf<
  'RecordMediationSession',
  {
    sessionId: string;
    heldAt: Date;
    attendees: {
      name: string;
      side: 'patient' | 'hospital' | 'mediator' | 'other';
    }[];
    notes: string;
  }
>;

/** A technical appraisal (医疗损害鉴定 / 医疗事故技术鉴定): the mediation clock pauses. */
export type RequestAppraisal = CommandOf<
  'RequestAppraisal',
  {
    appraisalId: string;
    kind: 'medical_damage' | 'medical_accident';
    appraiser: string;
  }
>;

export type RecordAppraisalResult = CommandOf<
  'RecordAppraisalResult',
  {
    appraisalId: string;
    reportReference: string;
    result: { outcome: 'concluded'; liability: LiabilityFinding } | { outcome: 'terminated'; reason: string };
  }
>;

/** Liability the parties agree on without an appraisal (e.g. in negotiation or mediation). */
export type RecordLiabilityAgreement = CommandOf<
  'RecordLiabilityAgreement',
  {
    liability: LiabilityFinding;
  }
>;

/** The mediator and both sides agree to extend [law: 条例 第38条]. */
export type ExtendMediation = CommandOf<
  'ExtendMediation',
  {
    workingDays: number;
    reason: string;
    /** Both parties agreed the extension with the committee (条例 第38条): who, on each side. */
    consent?: ExtensionConsent;
  }
>;

/**
 * Who consented to extending a people's mediation. The patient side by its party id (names stay
 * in the party register), the hospital by the staff member who agreed; `reference` is the signed
 * record of the agreement to extend, if any.
 */
export type ExtensionConsent = {
  patientPartyId: string;
  hospitalRepresentative: string;
  reference?: string;
};

export type RecordMediationAgreement = CommandOf<
  'RecordMediationAgreement',
  {
    agreementId: string;
    terms: string;
    compensation: CompensationItem[];
  }
>;

/** 司法确认 of a people's mediation agreement. */
export type ConfirmAgreementJudicially = CommandOf<
  'ConfirmAgreementJudicially',
  {
    courtId: string;
    rulingReference: string;
  }
>;

export type FailMediation = CommandOf<
  'FailMediation',
  {
    reason: 'no_agreement' | 'party_withdrew' | 'not_accepted' | 'other';
    note: string;
  }
>;

/** From a `DeadlineLapsed` on the mediation clock; ignored unless that clock's mediation is still running. */
export type FailMediationOnExpiry = CommandOf<
  'FailMediationOnExpiry',
  {
    deadlineId: string;
    /** The instant the clock lapsed (its due instant): the mediation failed then, however late this is recorded. */
    expiredAt: Date;
  }
>;

/** 协商和解: the hospital and the patient side settle directly. */
export type RecordNegotiatedSettlement = CommandOf<
  'RecordNegotiatedSettlement',
  {
    agreementId: string;
    terms: string;
    compensation: CompensationItem[];
  }
>;

export type FileLitigation = CommandOf<
  'FileLitigation',
  {
    courtId: string;
    reference: string;
  }
>;

export type RecordCompensationPayment = CommandOf<
  'RecordCompensationPayment',
  {
    paymentId: string;
    amountFen: number;
    payer: 'hospital' | 'insurer';
  }
>;

export type RecordAgreementPerformed = CommandOf<
  'RecordAgreementPerformed',
  {
    note: string;
  }
>;

export type FlagEscalationRisk = CommandOf<
  'FlagEscalationRisk',
  {
    reasons: string[];
  }
>;

export type ClearEscalationRisk = CommandOf<
  'ClearEscalationRisk',
  {
    reason: string;
  }
>;

/** A periodic risk review (风险研判) [S1 四(三)]; restarts the review clock. */
export type RecordRiskReview = CommandOf<
  'RecordRiskReview',
  {
    riskLevel: 'low' | 'medium' | 'high';
    findings: string;
    measures: string;
  }
>;

export type CloseDispute = CommandOf<
  'CloseDispute',
  {
    outcome: DisputeCloseOutcome;
    note: string;
  }
>;

export type DisputeCommand =
  | ReceiveComplaint
  | OpenDisputeFromIncident
  | HandOverDispute
  | RecordIncidentDisturbanceStopped
  | LinkIncident
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
