import { defineErrors, type ErrorCode } from '@pingan/platform';

/** A dispute rule said no. Stable codes: clients branch on them, never rename one. */
export class DisputeError extends defineErrors({
  NotFound: { code: 'DISPUTE.NOT_FOUND', status: 404 },
  AlreadyExists: { code: 'DISPUTE.ALREADY_EXISTS', status: 409 },
  Closed: { code: 'DISPUTE.CLOSED', status: 422 },
  Invalid: { code: 'DISPUTE.INVALID', status: 400 },
  NotOwner: { code: 'DISPUTE.NOT_OWNER', status: 403 },
  HandoverReasonRequired: { code: 'DISPUTE.HANDOVER_REASON_REQUIRED', status: 422 },
  IncidentNotLinked: { code: 'DISPUTE.INCIDENT_NOT_LINKED', status: 422 },
  RoutesNotNotified: { code: 'DISPUTE.ROUTES_NOT_NOTIFIED', status: 422 },
  DisturbanceNotStopped: { code: 'DISPUTE.DISTURBANCE_NOT_STOPPED', status: 422 },
  MediationInProgress: { code: 'DISPUTE.MEDIATION_IN_PROGRESS', status: 422 },
  MediationNotReferred: { code: 'DISPUTE.MEDIATION_NOT_REFERRED', status: 422 },
  MediationNotActive: { code: 'DISPUTE.MEDIATION_NOT_ACTIVE', status: 422 },
  MediationExpired: { code: 'DISPUTE.MEDIATION_EXPIRED', status: 422 },
  NotMediator: { code: 'DISPUTE.NOT_MEDIATOR', status: 403 },
  ExtensionNotAllowed: { code: 'DISPUTE.EXTENSION_NOT_ALLOWED', status: 422 },
  ExtensionConsentRequired: { code: 'DISPUTE.EXTENSION_CONSENT_REQUIRED', status: 422 },
  AppraisalPending: { code: 'DISPUTE.APPRAISAL_PENDING', status: 422 },
  NoAppraisalPending: { code: 'DISPUTE.NO_APPRAISAL_PENDING', status: 422 },
  LiabilityNotDetermined: { code: 'DISPUTE.LIABILITY_NOT_DETERMINED', status: 422 },
  AgreementExists: { code: 'DISPUTE.AGREEMENT_EXISTS', status: 422 },
  NoAgreement: { code: 'DISPUTE.NO_AGREEMENT', status: 422 },
  JudicialConfirmationNotApplicable: { code: 'DISPUTE.JUDICIAL_CONFIRMATION_NOT_APPLICABLE', status: 422 },
  PaymentExceedsAgreement: { code: 'DISPUTE.PAYMENT_EXCEEDS_AGREEMENT', status: 422 },
  CompensationOutstanding: { code: 'DISPUTE.COMPENSATION_OUTSTANDING', status: 422 },
  AgreementNotPerformed: { code: 'DISPUTE.AGREEMENT_NOT_PERFORMED', status: 422 },
  RiskNotFlagged: { code: 'DISPUTE.RISK_NOT_FLAGGED', status: 422 },
  LitigationAccepted: { code: 'DISPUTE.LITIGATION_ACCEPTED', status: 422 },
}) {}

/** The codes by name (`DisputeErrorCode.NotFound`), as the decider spells them. */
export const DisputeErrorCode = DisputeError.codes;
export type DisputeErrorCode = ErrorCode<typeof DisputeError>;
