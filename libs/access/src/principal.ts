import type { Actor } from '@pingan/contracts';
import type { HealthCommissionLevel, OrganisationKind, PoliceUnitType, Role } from './roles.js';

/** Who is calling: taken from a verified access token, never from anything else the caller sends. */
export interface Principal {
  userId: string;
  username: string;
  /** The user's display name (张伟), when the token carries one: written into the events they act in. */
  displayName?: string;
  organisationId: string;
  organisationKind: OrganisationKind;
  /** The organisation's region code (6 digits); jurisdiction and oversight follow it. */
  organisationRegion: string;
  roles: Role[];
  /** Health commissions only: county, city, province or national. */
  healthCommissionLevel?: HealthCommissionLevel;
  /** Police only: station, bureau, city bureau or hospital police office. */
  policeUnitType?: PoliceUnitType;
  /** The access token's id (jti) and expiry, for logs and audits. */
  tokenId: string;
  expiresAt: Date;
}

export const hasRole = (principal: Principal, ...roles: Role[]): boolean => roles.some((role) => principal.roles.includes(role));

/**
 * The actor written into events: the user, their organisation and the role they acted in
 * (the first of `preferred` they hold, else their first role).
 */
export function actorOf(principal: Principal, ...preferred: Role[]): Actor {
  const role = preferred.find((r) => principal.roles.includes(r)) ?? principal.roles[0] ?? 'none';
  return {
    userId: principal.userId,
    organisationId: principal.organisationId,
    role,
    ...(principal.displayName ? { name: principal.displayName } : {}),
  };
}
