import { defineErrors, type ErrorCode } from '@pingan/platform';

/** A security-ledger rule said no. Stable codes: clients branch on them, never rename one. */
export class SecurityLedgerError extends defineErrors({
  NotFound: { code: 'SECURITY_LEDGER.NOT_FOUND', status: 404 },
  NotAuthorised: { code: 'SECURITY_LEDGER.NOT_AUTHORISED', status: 403 },
  NotOwnHospital: { code: 'SECURITY_LEDGER.NOT_OWN_HOSPITAL', status: 403 },
  NotAHospital: { code: 'SECURITY_LEDGER.NOT_A_HOSPITAL', status: 422 },
  InvalidProfile: { code: 'SECURITY_LEDGER.INVALID_PROFILE', status: 422 },
  RegionOutsideScope: { code: 'SECURITY_LEDGER.REGION_OUTSIDE_SCOPE', status: 403 },
}) {}

export const SecurityLedgerErrorCode = SecurityLedgerError.codes;
export type SecurityLedgerErrorCode = ErrorCode<typeof SecurityLedgerError>;
