import { defineErrors, type ErrorCode } from '@pingan/platform';

/** The assessment's refusals. Stable codes: clients branch on them, never rename one. */
export class AssessmentError extends defineErrors({
  NotAuthorised: { code: 'SECURITY_LEDGER.NOT_AUTHORISED', status: 403 },
  RegionOutsideScope: { code: 'SECURITY_LEDGER.REGION_OUTSIDE_SCOPE', status: 403 },
  InvalidSheet: { code: 'SECURITY_LEDGER.INVALID_ASSESSMENT_SHEET', status: 422 },
  InvalidAssessment: { code: 'SECURITY_LEDGER.INVALID_ASSESSMENT', status: 422 },
  AssessmentExists: { code: 'SECURITY_LEDGER.ASSESSMENT_EXISTS', status: 409 },
  AssessmentNotFound: { code: 'SECURITY_LEDGER.ASSESSMENT_NOT_FOUND', status: 404 },
}) {}

export const AssessmentErrorCode = AssessmentError.codes;
export type AssessmentErrorCode = ErrorCode<typeof AssessmentError>;
