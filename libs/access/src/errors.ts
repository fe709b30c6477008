import { defineErrors } from '@pingan/contracts';

/** Access errors of every service: a dotted code and a 4xx status, answered as problem+json. */
export class AccessError extends defineErrors({
  Unauthenticated: { code: 'ACCESS.UNAUTHENTICATED', status: 401, message: 'A valid access token is required.' },
  // The message never describes the record asked for.
  Denied: { code: 'ACCESS.DENIED', status: 403, message: 'You may not do this.' },
}) {}

/** No valid access token (missing, malformed, expired, wrong signature): 401. */
export class UnauthenticatedError extends AccessError {
  constructor(message?: string) {
    super('ACCESS.UNAUTHENTICATED', message);
  }
}

/** Authenticated, but not allowed: 403. */
export class AccessDeniedError extends AccessError {
  constructor(message?: string) {
    super('ACCESS.DENIED', message);
  }
}
