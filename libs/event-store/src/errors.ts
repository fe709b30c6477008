/**
 * The stream was not at the version the caller expected: someone else wrote first.
 * The HTTP layer answers 409 problem+json with this code; a command handler may retry.
 */
export class ConcurrencyError extends Error {
  override readonly name = 'ConcurrencyError';
  readonly code = 'STREAM.CONCURRENCY_CONFLICT';
  constructor(
    readonly streamId: string,
    readonly expected: string,
  ) {
    super(`stream ${streamId} is not at the expected version (${expected})`);
  }
}
