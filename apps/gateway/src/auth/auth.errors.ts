import { defineErrors } from '@pingan/platform';

/** Login and token errors. Stable codes: clients branch on them, never rename one. */
export class AuthError extends defineErrors({
  // One answer for every failed login, so usernames cannot be probed.
  InvalidCredentials: {
    code: 'ACCESS.INVALID_CREDENTIALS',
    status: 401,
    message: 'The username or password is wrong, or the account may not log in.',
  },
  LoginLocked: { code: 'ACCESS.LOGIN_LOCKED', status: 429 },
  LoginThrottled: { code: 'ACCESS.LOGIN_THROTTLED', status: 429 },
  RefreshTokenInvalid: { code: 'ACCESS.REFRESH_TOKEN_INVALID', status: 401, message: 'The refresh token is not valid; log in again.' },
  TooManyRequests: {
    code: 'ACCESS.TOO_MANY_REQUESTS',
    status: 429,
    message: 'Too many login attempts from this address; wait a minute.',
  },
}) {}

/** Wrong username or password, or an account that may not log in. */
export class InvalidCredentialsError extends AuthError {
  constructor() {
    super('ACCESS.INVALID_CREDENTIALS');
  }
}

/** Whole seconds until `until` (at least 1): the Retry-After the problem filter sends with a 429. */
const secondsUntil = (until: Date, now: Date): number => Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));

/** Too many failed logins for this account: locked until the lock runs out. */
export class LoginLockedError extends AuthError {
  readonly retryAfterSeconds: number;
  constructor(
    readonly lockedUntil: Date,
    now: Date,
  ) {
    super('ACCESS.LOGIN_LOCKED', `Too many failed logins for this account; try again after ${lockedUntil.toISOString()}.`);
    this.retryAfterSeconds = secondsUntil(lockedUntil, now);
  }
}

/** Too many failed logins from this address: it may try again after a short wait (Retry-After), every account alike. */
export class LoginThrottledError extends AuthError {
  readonly retryAfterSeconds: number;
  constructor(until: Date, now: Date) {
    const wait = secondsUntil(until, now);
    super('ACCESS.LOGIN_THROTTLED', `Too many failed logins from this address; try again in ${wait} s.`);
    this.retryAfterSeconds = wait;
  }
}

export class InvalidRefreshTokenError extends AuthError {
  constructor() {
    super('ACCESS.REFRESH_TOKEN_INVALID');
  }
}

/** Too many login requests from one address (LoginRateLimitGuard). */
export class TooManyRequestsError extends AuthError {
  constructor(readonly retryAfterSeconds: number) {
    super('ACCESS.TOO_MANY_REQUESTS');
  }
}
