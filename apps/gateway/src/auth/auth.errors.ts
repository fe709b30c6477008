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

/** Too many failed logins for this account or from this address. */
export class LoginLockedError extends AuthError {
  constructor(readonly lockedUntil: Date) {
    super('ACCESS.LOGIN_LOCKED', `Too many failed logins; try again after ${lockedUntil.toISOString()}.`);
  }
}

export class InvalidRefreshTokenError extends AuthError {
  constructor() {
    super('ACCESS.REFRESH_TOKEN_INVALID');
  }
}

/** Too many login requests from one address (LoginRateLimitGuard). */
export class TooManyRequestsError extends AuthError {
  constructor() {
    super('ACCESS.TOO_MANY_REQUESTS');
  }
}
