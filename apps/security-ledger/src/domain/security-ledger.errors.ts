import { defineErrors, type ErrorCode } from '@pingan/platform';

/** A security-ledger rule said no. Stable codes: clients branch on them, never rename one. */
export class SecurityLedgerError extends defineErrors({
  NotFound: { code: 'SECURITY_LEDGER.NOT_FOUND', status: 404 },
  NotAuthorised: { code: 'SECURITY_LEDGER.NOT_AUTHORISED', status: 403 },
  NotOwnHospital: { code: 'SECURITY_LEDGER.NOT_OWN_HOSPITAL', status: 403 },
  NotAHospital: { code: 'SECURITY_LEDGER.NOT_A_HOSPITAL', status: 422 },
  InvalidProfile: { code: 'SECURITY_LEDGER.INVALID_PROFILE', status: 422 },
  RegionOutsideScope: { code: 'SECURITY_LEDGER.REGION_OUTSIDE_SCOPE', status: 403 },
  // Self-inspection returns.
  ReturnNotFound: { code: 'SECURITY_LEDGER.RETURN_NOT_FOUND', status: 404 },
  ReturnExists: { code: 'SECURITY_LEDGER.RETURN_EXISTS', status: 409 },
  InvalidReturn: { code: 'SECURITY_LEDGER.INVALID_RETURN', status: 422 },
  NotInReturn: { code: 'SECURITY_LEDGER.NOT_IN_RETURN', status: 403 },
  AlreadyFiled: { code: 'SECURITY_LEDGER.ALREADY_FILED', status: 409 },
  NoProfile: { code: 'SECURITY_LEDGER.NO_PROFILE', status: 422 },
  // Inspections and rectification.
  InspectionNotFound: { code: 'SECURITY_LEDGER.INSPECTION_NOT_FOUND', status: 404 },
  InspectionExists: { code: 'SECURITY_LEDGER.INSPECTION_EXISTS', status: 409 },
  InvalidInspection: { code: 'SECURITY_LEDGER.INVALID_INSPECTION', status: 422 },
  InvalidRectification: { code: 'SECURITY_LEDGER.INVALID_RECTIFICATION', status: 422 },
  ItemNotFound: { code: 'SECURITY_LEDGER.ITEM_NOT_FOUND', status: 404 },
  ItemExists: { code: 'SECURITY_LEDGER.ITEM_EXISTS', status: 409 },
  ItemNotOpen: { code: 'SECURITY_LEDGER.ITEM_NOT_OPEN', status: 409 },
  ItemNotReported: { code: 'SECURITY_LEDGER.ITEM_NOT_REPORTED', status: 409 },
}) {}

export const SecurityLedgerErrorCode = SecurityLedgerError.codes;
export type SecurityLedgerErrorCode = ErrorCode<typeof SecurityLedgerError>;
