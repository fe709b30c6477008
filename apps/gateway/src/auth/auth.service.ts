import { Inject, Injectable, Logger } from '@nestjs/common';
import { ACCESS_CLOCK, AccessTokenSigner, type Clock, type PrincipalClaims } from '@pingan/access';
import { DirectoryLookups, type OrganisationRow, type UserRow } from '../directory/directory-lookups.js';
import { InvalidCredentialsError, InvalidRefreshTokenError, LoginLockedError, LoginThrottledError } from './auth.errors.js';
import { LoginLockout } from './login-lockout.js';
import { PasswordHasher } from './password-hasher.js';
import { RefreshTokens } from './refresh-tokens.js';

export const ACCESS_TOKEN_SIGNER = Symbol('pingan.gateway.AccessTokenSigner');

export interface TokenPair {
  tokenType: 'Bearer';
  accessToken: string;
  /** Seconds the access token lives. */
  expiresIn: number;
  accessTokenExpiresAt: string;
  refreshToken: string;
  refreshTokenExpiresAt: string;
}

/** Login, refresh and logout. Never logs a password or a token: only usernames, user ids and outcomes. */
@Injectable()
export class AuthService {
  private readonly logger = new Logger('Auth');

  constructor(
    private readonly directory: DirectoryLookups,
    private readonly hasher: PasswordHasher,
    private readonly lockout: LoginLockout,
    private readonly refreshTokens: RefreshTokens,
    @Inject(ACCESS_TOKEN_SIGNER) private readonly signer: AccessTokenSigner,
    @Inject(ACCESS_CLOCK) private readonly clock: Clock,
  ) {}

  async login(username: string, password: string, ip: string): Promise<TokenPair> {
    const hold = await this.lockout.heldUntil(username, ip);
    if (hold) {
      this.logger.warn({
        msg: hold.scope === 'account' ? 'login refused: account locked' : 'login refused: address throttled',
        username,
        ip,
      });
      const now = this.clock();
      throw hold.scope === 'account' ? new LoginLockedError(hold.until, now) : new LoginThrottledError(hold.until, now);
    }
    const user = await this.directory.userByUsername(username);
    const hash = user ? await this.directory.passwordHash(user.userId) : undefined;
    const passwordOk = await this.hasher.verify(password, hash);
    const organisation = user && passwordOk ? await this.directory.organisation(user.organisationId) : undefined;
    if (!user || !passwordOk || !user.active || !organisation?.active) {
      await this.lockout.recordFailure(username, ip);
      this.logger.warn({ msg: 'login failed', username, ip });
      throw new InvalidCredentialsError();
    }
    await this.lockout.recordSuccess(username);
    const refresh = await this.refreshTokens.issue(user.userId);
    this.logger.log({ msg: 'login succeeded', userId: user.userId, organisationId: user.organisationId });
    return this.pair(user, organisation, refresh);
  }

  async refresh(refreshToken: string): Promise<TokenPair> {
    const rotated = await this.refreshTokens.rotate(refreshToken);
    const user = await this.directory.user(rotated.userId);
    const organisation = user ? await this.directory.organisation(user.organisationId) : undefined;
    if (!user?.active || !organisation?.active) {
      await this.refreshTokens.revokeFamily(rotated.familyId);
      throw new InvalidRefreshTokenError();
    }
    // Claims come from the directory again: changed roles take effect at the next refresh.
    return this.pair(user, organisation, rotated);
  }

  async logout(userId: string, refreshToken?: string): Promise<void> {
    await this.refreshTokens.revoke(userId, refreshToken);
    this.logger.log({ msg: 'logout', userId, everywhere: refreshToken === undefined });
  }

  private async pair(user: UserRow, organisation: OrganisationRow, refresh: { token: string; expiresAt: Date }): Promise<TokenPair> {
    const access = await this.signer.sign(claimsOf(user, organisation));
    return {
      tokenType: 'Bearer',
      accessToken: access.token,
      expiresIn: this.signer.ttlSeconds,
      accessTokenExpiresAt: access.expiresAt.toISOString(),
      refreshToken: refresh.token,
      refreshTokenExpiresAt: refresh.expiresAt.toISOString(),
    };
  }
}

export function claimsOf(user: UserRow, organisation: OrganisationRow): PrincipalClaims {
  return {
    userId: user.userId,
    username: user.username,
    displayName: user.displayName,
    organisationId: organisation.organisationId,
    organisationKind: organisation.kind,
    organisationRegion: organisation.regionCode,
    roles: user.roles,
    ...(organisation.details.healthCommission ? { healthCommissionLevel: organisation.details.healthCommission.level } : {}),
    ...(organisation.details.police ? { policeUnitType: organisation.details.police.unitType } : {}),
  };
}
