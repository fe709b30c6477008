/**
 * Access errors carry a dotted code and a 4xx status, which is all the platform's problem+json
 * filter needs; they do not extend the platform's DomainError because libs/platform installs
 * this library's guard (a dependency the other way round would be a cycle).
 */
export class AccessError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** No valid access token (missing, malformed, expired, wrong signature): 401. */
export class UnauthenticatedError extends AccessError {
  constructor(message = 'A valid access token is required.') {
    super('ACCESS.UNAUTHENTICATED', message, 401);
  }
}

/** Authenticated, but not allowed: 403. The message never describes the record asked for. */
export class AccessDeniedError extends AccessError {
  constructor(message = 'You may not do this.') {
    super('ACCESS.DENIED', message, 403);
  }
}
