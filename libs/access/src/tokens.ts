import { createPublicKey, randomUUID } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import { UnauthenticatedError } from './errors.js';
import type { Principal } from './principal.js';
import { isRegionCode } from './regions.js';
import {
  HEALTH_COMMISSION_LEVELS,
  POLICE_UNIT_TYPES,
  isOrganisationKind,
  isRole,
  type HealthCommissionLevel,
  type PoliceUnitType,
} from './roles.js';

export const ACCESS_TOKEN_ISSUER = 'pingan-gateway';
export const ACCESS_TOKEN_AUDIENCE = 'pingan';
export const ACCESS_TOKEN_ALGORITHM = 'ES256';
/** Short-lived: a deactivated user or a changed role takes effect within this time at worst. */
export const DEFAULT_ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
/**
 * The longest lifetime (exp − iat) a service accepts, whoever signed the token: a token without
 * `exp`, or one minted to live for days (a leaked key's, a misconfigured signer's), is refused, so
 * deactivation and role changes always take effect within this time. ACCESS_TOKEN_MAX_LIFETIME_SECONDS.
 */
export const DEFAULT_ACCESS_TOKEN_MAX_LIFETIME_SECONDS = 60 * 60;
export const ACCESS_TOKEN_MAX_LIFETIME_ENV = 'ACCESS_TOKEN_MAX_LIFETIME_SECONDS';

/** ACCESS_TOKEN_MAX_LIFETIME_SECONDS from the environment: a whole number of seconds, 60 to 86,400 (one day). */
export function maxTokenLifetimeFromEnv(env: NodeJS.ProcessEnv): number {
  const text = env[ACCESS_TOKEN_MAX_LIFETIME_ENV]?.trim();
  if (!text) return DEFAULT_ACCESS_TOKEN_MAX_LIFETIME_SECONDS;
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < 60 || value > 86_400) {
    throw new Error(`${ACCESS_TOKEN_MAX_LIFETIME_ENV} must be a whole number of seconds from 60 to 86400, got "${text}"`);
  }
  return value;
}

/** What the gateway puts in a token; the principal is rebuilt from it by every service. */
interface AccessTokenClaims {
  sub: string;
  usr: string;
  /** The display name, for the actor of events (optional: tokens signed before it lack it). */
  nam?: string;
  org: string;
  okd: string;
  reg: string;
  roles: string[];
  hcl?: string;
  put?: string;
  jti: string;
  iat: number;
  exp: number;
}

export type PrincipalClaims = Omit<Principal, 'tokenId' | 'expiresAt'>;

const seconds = (date: Date): number => Math.floor(date.getTime() / 1000);

/** Signs access tokens; lives only in the gateway, which alone holds the private key. */
export class AccessTokenSigner {
  private readonly jwt = new JwtService();
  constructor(
    private readonly privateKey: string,
    private readonly options: { clock: () => Date; ttlSeconds?: number; maxLifetimeSeconds?: number },
  ) {
    // Checked at start: tokens no service would accept must not be signed at all.
    const max = options.maxLifetimeSeconds ?? DEFAULT_ACCESS_TOKEN_MAX_LIFETIME_SECONDS;
    if (this.ttlSeconds > max) throw new Error(`access tokens would live ${this.ttlSeconds} s, longer than the maximum of ${max} s`);
  }

  get ttlSeconds(): number {
    return this.options.ttlSeconds ?? DEFAULT_ACCESS_TOKEN_TTL_SECONDS;
  }

  async sign(principal: PrincipalClaims): Promise<{ token: string; tokenId: string; expiresAt: Date }> {
    const iat = seconds(this.options.clock());
    const exp = iat + this.ttlSeconds;
    const tokenId = randomUUID();
    const claims: AccessTokenClaims = {
      sub: principal.userId,
      usr: principal.username,
      ...(principal.displayName ? { nam: principal.displayName } : {}),
      org: principal.organisationId,
      okd: principal.organisationKind,
      reg: principal.organisationRegion,
      roles: [...principal.roles],
      ...(principal.healthCommissionLevel ? { hcl: principal.healthCommissionLevel } : {}),
      ...(principal.policeUnitType ? { put: principal.policeUnitType } : {}),
      jti: tokenId,
      iat,
      exp,
    };
    const token = await this.jwt.signAsync(claims, {
      privateKey: this.privateKey,
      algorithm: ACCESS_TOKEN_ALGORITHM,
      issuer: ACCESS_TOKEN_ISSUER,
      audience: ACCESS_TOKEN_AUDIENCE,
    });
    return { token, tokenId, expiresAt: new Date(exp * 1000) };
  }
}

/** Verifies access tokens with the public key; every service has one (the global guard uses it). */
export class AccessTokenVerifier {
  private readonly jwt = new JwtService();
  /**
   * Parsed once: given the PEM text, jsonwebtoken parses it again on every request (about 4 % of a
   * service's CPU under load). It takes a KeyObject as it is; @nestjs/jwt only types string | Buffer.
   */
  private readonly key: string;
  constructor(
    publicKey: string,
    private readonly clock: () => Date = () => new Date(),
    private readonly maxLifetimeSeconds = DEFAULT_ACCESS_TOKEN_MAX_LIFETIME_SECONDS,
  ) {
    this.key = createPublicKey(publicKey) as unknown as string;
  }

  /** The principal of a valid token; UnauthenticatedError (401) for anything else, without saying why. */
  async verify(token: string): Promise<Principal> {
    let claims: AccessTokenClaims;
    try {
      claims = await this.jwt.verifyAsync<AccessTokenClaims>(token, {
        publicKey: this.key,
        algorithms: [ACCESS_TOKEN_ALGORITHM], // never 'none' or HS256 with the public key as secret
        issuer: ACCESS_TOKEN_ISSUER,
        audience: ACCESS_TOKEN_AUDIENCE,
        clockTimestamp: seconds(this.clock()),
      });
    } catch {
      throw new UnauthenticatedError();
    }
    // jsonwebtoken checks `exp` only when present: a token without one would never expire.
    if (!Number.isInteger(claims.exp) || !Number.isInteger(claims.iat) || claims.exp - claims.iat > this.maxLifetimeSeconds) {
      throw new UnauthenticatedError();
    }
    return principalOf(claims);
  }
}

const str = (value: unknown): value is string => typeof value === 'string' && value.length > 0;

function principalOf(claims: AccessTokenClaims): Principal {
  const roles = Array.isArray(claims.roles) ? claims.roles : [];
  // A correctly signed token with a wrong shape means a bug or an old key: refuse it.
  if (
    !str(claims.sub) ||
    !str(claims.usr) ||
    !str(claims.org) ||
    !isOrganisationKind(claims.okd) ||
    !isRegionCode(claims.reg) ||
    !str(claims.jti) ||
    (claims.nam !== undefined && !str(claims.nam)) ||
    !roles.every(isRole) ||
    (claims.hcl !== undefined && !(HEALTH_COMMISSION_LEVELS as readonly string[]).includes(claims.hcl)) ||
    (claims.put !== undefined && !(POLICE_UNIT_TYPES as readonly string[]).includes(claims.put))
  ) {
    throw new UnauthenticatedError();
  }
  return {
    userId: claims.sub,
    username: claims.usr,
    ...(claims.nam ? { displayName: claims.nam } : {}),
    organisationId: claims.org,
    organisationKind: claims.okd,
    organisationRegion: claims.reg,
    roles: roles.filter(isRole),
    ...(claims.hcl ? { healthCommissionLevel: claims.hcl as HealthCommissionLevel } : {}),
    ...(claims.put ? { policeUnitType: claims.put as PoliceUnitType } : {}),
    tokenId: claims.jti,
    expiresAt: new Date(claims.exp * 1000),
  };
}
