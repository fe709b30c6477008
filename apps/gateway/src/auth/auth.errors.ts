import { AccessError } from '@pingan/access';

/** Wrong username or password, or an account that may not log in: one answer for all, so usernames cannot be probed. */
export class InvalidCredentialsError extends AccessError {
  constructor() {
    super('ACCESS.INVALID_CREDENTIALS', 'The username or password is wrong, or the account may not log in.', 401);
  }
}

/** Too many failed logins for this account or from this address. */
export class LoginLockedError extends AccessError {
  constructor(readonly lockedUntil: Date) {
    super('ACCESS.LOGIN_LOCKED', `Too many failed logins; try again after ${lockedUntil.toISOString()}.`, 429);
  }
}

export class InvalidRefreshTokenError extends AccessError {
  constructor() {
    super('ACCESS.REFRESH_TOKEN_INVALID', 'The refresh token is not valid; log in again.', 401);
  }
}
