export type DeadlineErrorCode =
  | 'DEADLINE.UNKNOWN_RULE'
  | 'DEADLINE.NOT_FOUND'
  | 'DEADLINE.FINAL'
  | 'DEADLINE.PAST_DUE'
  | 'DEADLINE.INVALID_TIME'
  | 'DEADLINE.EXTENSION_UNIT';

/** A request the clock cannot honour; `code` is stable for problem+json mapping. */
export class DeadlineError extends Error {
  constructor(
    readonly code: DeadlineErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DeadlineError';
  }
}
