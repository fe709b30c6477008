import { DomainError, type FieldError } from '@pingan/platform';

/** Stable codes: clients branch on them, never rename one. */
export const DisputeErrorCode = {
  NotFound: 'DISPUTE.NOT_FOUND',
  AlreadyExists: 'DISPUTE.ALREADY_EXISTS',
  Closed: 'DISPUTE.CLOSED',
  Invalid: 'DISPUTE.INVALID',
  NotOwner: 'DISPUTE.NOT_OWNER',
  HandoverReasonRequired: 'DISPUTE.HANDOVER_REASON_REQUIRED',
  IncidentNotLinked: 'DISPUTE.INCIDENT_NOT_LINKED',
  RoutesNotNotified: 'DISPUTE.ROUTES_NOT_NOTIFIED',
  DisturbanceNotStopped: 'DISPUTE.DISTURBANCE_NOT_STOPPED',
  MediationInProgress: 'DISPUTE.MEDIATION_IN_PROGRESS',
  MediationNotReferred: 'DISPUTE.MEDIATION_NOT_REFERRED',
  MediationNotActive: 'DISPUTE.MEDIATION_NOT_ACTIVE',
  MediationExpired: 'DISPUTE.MEDIATION_EXPIRED',
  NotMediator: 'DISPUTE.NOT_MEDIATOR',
  ExtensionNotAllowed: 'DISPUTE.EXTENSION_NOT_ALLOWED',
  AppraisalPending: 'DISPUTE.APPRAISAL_PENDING',
  NoAppraisalPending: 'DISPUTE.NO_APPRAISAL_PENDING',
  LiabilityNotDetermined: 'DISPUTE.LIABILITY_NOT_DETERMINED',
  AgreementExists: 'DISPUTE.AGREEMENT_EXISTS',
  NoAgreement: 'DISPUTE.NO_AGREEMENT',
  JudicialConfirmationNotApplicable: 'DISPUTE.JUDICIAL_CONFIRMATION_NOT_APPLICABLE',
  PaymentExceedsAgreement: 'DISPUTE.PAYMENT_EXCEEDS_AGREEMENT',
  CompensationOutstanding: 'DISPUTE.COMPENSATION_OUTSTANDING',
  AgreementNotPerformed: 'DISPUTE.AGREEMENT_NOT_PERFORMED',
  RiskNotFlagged: 'DISPUTE.RISK_NOT_FLAGGED',
} as const;
export type DisputeErrorCode = (typeof DisputeErrorCode)[keyof typeof DisputeErrorCode];

const STATUS: Partial<Record<DisputeErrorCode, number>> = {
  'DISPUTE.NOT_FOUND': 404,
  'DISPUTE.ALREADY_EXISTS': 409,
  'DISPUTE.INVALID': 400,
  'DISPUTE.NOT_OWNER': 403,
  'DISPUTE.NOT_MEDIATOR': 403,
};

/** A dispute rule said no. 422 unless the code says otherwise (404, 409, 400, 403 above). */
export class DisputeError extends DomainError {
  declare readonly code: DisputeErrorCode;

  constructor(code: DisputeErrorCode, message: string, errors?: FieldError[]) {
    super(code, message, { status: STATUS[code] ?? 422, errors });
  }
}
