import { defineErrors, type ErrorCode } from '@pingan/platform';

/** A high-risk register rule said no. Stable codes: clients branch on them, never rename one. Messages carry no personal data. */
export class HighRiskError extends defineErrors({
  NotFound: { code: 'HIGH_RISK.NOT_FOUND', status: 404 },
  PersonErased: { code: 'HIGH_RISK.PERSON_ERASED', status: 410 },
  InvalidIdNumber: { code: 'HIGH_RISK.INVALID_ID_NUMBER', status: 400 },
  InvalidIdentity: { code: 'HIGH_RISK.INVALID_IDENTITY', status: 400 },
  GroundsRequired: { code: 'HIGH_RISK.GROUNDS_REQUIRED', status: 422 },
  FlagAlreadyOpen: { code: 'HIGH_RISK.FLAG_ALREADY_OPEN', status: 409 },
  FlagNotProposed: { code: 'HIGH_RISK.FLAG_NOT_PROPOSED', status: 422 },
  FlagNotActive: { code: 'HIGH_RISK.FLAG_NOT_ACTIVE', status: 422 },
  FlagStillOpen: { code: 'HIGH_RISK.FLAG_STILL_OPEN', status: 422 },
  NotAuthorised: { code: 'HIGH_RISK.NOT_AUTHORISED', status: 403 },
  ApprovalByOwnOrganisation: { code: 'HIGH_RISK.APPROVAL_BY_OWN_ORGANISATION', status: 403 },
  ReasonRequired: { code: 'HIGH_RISK.REASON_REQUIRED', status: 422 },
  RemovalReasonRequired: { code: 'HIGH_RISK.REMOVAL_REASON_REQUIRED', status: 422 },
  TaskExists: { code: 'HIGH_RISK.TASK_EXISTS', status: 409 },
  TaskNotFound: { code: 'HIGH_RISK.TASK_NOT_FOUND', status: 404 },
  TaskAlreadyCompleted: { code: 'HIGH_RISK.TASK_ALREADY_COMPLETED', status: 422 },
  TreatmentNotApplicable: { code: 'HIGH_RISK.TREATMENT_NOT_APPLICABLE', status: 422 },
}) {}

/** The codes by name (`HighRiskErrorCode.NotFound`). */
export const HighRiskErrorCode = HighRiskError.codes;
export type HighRiskErrorCode = ErrorCode<typeof HighRiskError>;
