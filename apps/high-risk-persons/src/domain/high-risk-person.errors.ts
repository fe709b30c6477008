import { DomainError, type FieldError } from '@pingan/platform';

/** Stable codes: clients branch on them, never rename one. */
export const HighRiskErrorCode = {
  NotFound: 'HIGH_RISK.NOT_FOUND',
  PersonErased: 'HIGH_RISK.PERSON_ERASED',
  InvalidIdNumber: 'HIGH_RISK.INVALID_ID_NUMBER',
  InvalidIdentity: 'HIGH_RISK.INVALID_IDENTITY',
  GroundsRequired: 'HIGH_RISK.GROUNDS_REQUIRED',
  FlagAlreadyOpen: 'HIGH_RISK.FLAG_ALREADY_OPEN',
  FlagNotProposed: 'HIGH_RISK.FLAG_NOT_PROPOSED',
  FlagNotActive: 'HIGH_RISK.FLAG_NOT_ACTIVE',
  FlagStillOpen: 'HIGH_RISK.FLAG_STILL_OPEN',
  NotAuthorised: 'HIGH_RISK.NOT_AUTHORISED',
  ApprovalByOwnOrganisation: 'HIGH_RISK.APPROVAL_BY_OWN_ORGANISATION',
  ReasonRequired: 'HIGH_RISK.REASON_REQUIRED',
  RemovalReasonRequired: 'HIGH_RISK.REMOVAL_REASON_REQUIRED',
  TaskExists: 'HIGH_RISK.TASK_EXISTS',
  TaskNotFound: 'HIGH_RISK.TASK_NOT_FOUND',
  TaskAlreadyCompleted: 'HIGH_RISK.TASK_ALREADY_COMPLETED',
  TreatmentNotApplicable: 'HIGH_RISK.TREATMENT_NOT_APPLICABLE',
} as const;
export type HighRiskErrorCode = (typeof HighRiskErrorCode)[keyof typeof HighRiskErrorCode];

const STATUS: Partial<Record<HighRiskErrorCode, number>> = {
  'HIGH_RISK.NOT_FOUND': 404,
  'HIGH_RISK.PERSON_ERASED': 410,
  'HIGH_RISK.INVALID_ID_NUMBER': 400,
  'HIGH_RISK.INVALID_IDENTITY': 400,
  'HIGH_RISK.FLAG_ALREADY_OPEN': 409,
  'HIGH_RISK.NOT_AUTHORISED': 403,
  'HIGH_RISK.APPROVAL_BY_OWN_ORGANISATION': 403,
  'HIGH_RISK.TASK_EXISTS': 409,
  'HIGH_RISK.TASK_NOT_FOUND': 404,
};

/** A high-risk register rule said no. 422 unless the code says otherwise. Messages carry no personal data. */
export class HighRiskError extends DomainError {
  declare readonly code: HighRiskErrorCode;

  constructor(code: HighRiskErrorCode, message: string, errors?: FieldError[]) {
    super(code, message, { status: STATUS[code] ?? 422, errors });
  }
}
