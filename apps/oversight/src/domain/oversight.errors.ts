import { defineErrors, type ErrorCode } from '@pingan/platform';

/** The oversight context's errors. Stable codes: clients branch on them, never rename one. */
export class OversightError extends defineErrors({
  SupervisionAlreadyStarted: { code: 'SUPERVISION.ALREADY_STARTED', status: 409 },
  SupervisionNotFound: { code: 'SUPERVISION.NOT_FOUND', status: 404 },
  SupervisionClosed: { code: 'SUPERVISION.CLOSED', status: 409 },
  SupervisionDueTooSoon: { code: 'SUPERVISION.DUE_TOO_SOON', status: 422 },
  CaseNotFound: { code: 'OVERSIGHT.CASE_NOT_FOUND', status: 404 },
  BadMonth: { code: 'OVERSIGHT.BAD_MONTH', status: 400 },
  // 503: the service is up but cannot draw Chinese until the font is installed (a deployment fault, not the caller's).
  FontMissing: { code: 'OVERSIGHT.FONT_MISSING', status: 503 },
}) {}

export type OversightErrorCode = ErrorCode<typeof OversightError>;
