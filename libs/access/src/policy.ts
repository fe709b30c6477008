import { AccessDeniedError } from './errors.js';
import type { Principal } from './principal.js';
import { isRegionCode, regionContains, regionPrefix } from './regions.js';

export type AccessAction = 'read' | 'write';

/** The facts about a record that decide who may see or change it; services supply them. */
export interface ResourceFacts {
  /** The hospital the record belongs to (its incident, its complaint). */
  hospitalOrganisationId?: string;
  /** Where it happened (6-digit region code): police jurisdiction and health oversight follow it. */
  regionCode: string;
  /** Organisations the record was referred or transferred to (mediation committee, procuratorate, court, police unit). */
  partyOrganisationIds?: readonly string[];
  action: AccessAction;
}

export type AccessReason = 'party' | 'jurisdiction' | 'oversight' | 'none';

/**
 * THE policy (every service asks this, nobody re-implements it):
 * - an organisation that is party to the record (the hospital it belongs to, an organisation
 *   it was referred or transferred to) reads and writes it;
 * - a police unit reads and writes what happened in its jurisdiction: its region and below;
 * - a health commission READS its region and below (county: its county; city: its counties;
 *   province: its cities; national: everything) but writes only where it is a party;
 * - nobody else, whatever their role (system administrators run the directory, not cases).
 */
export function accessReason(principal: Principal, resource: ResourceFacts): AccessReason {
  const own = principal.organisationId;
  if (resource.hospitalOrganisationId === own || resource.partyOrganisationIds?.includes(own)) return 'party';
  if (!isRegionCode(resource.regionCode)) return 'none';
  const inRegion = regionContains(principal.organisationRegion, resource.regionCode);
  if (principal.organisationKind === 'police' && inRegion) return 'jurisdiction';
  if (principal.organisationKind === 'health_commission' && inRegion && resource.action === 'read') return 'oversight';
  return 'none';
}

export const canAccess = (principal: Principal, resource: ResourceFacts): boolean => accessReason(principal, resource) !== 'none';

/** Throws ACCESS.DENIED (403) unless `canAccess`; the message says nothing about the record. */
export function assertCanAccess(principal: Principal, resource: ResourceFacts): void {
  if (!canAccess(principal, resource)) throw new AccessDeniedError();
}

/**
 * For list queries: which records a principal may see besides those it is party to.
 * `regionPrefix` is the code prefix to match (`region_code LIKE prefix || '%'`), or null
 * when region gives it nothing (then only records where it is a party).
 */
export interface ReadScope {
  organisationId: string;
  regionPrefix: string | null;
}

export function readScope(principal: Principal): ReadScope {
  const byRegion = principal.organisationKind === 'police' || principal.organisationKind === 'health_commission';
  return {
    organisationId: principal.organisationId,
    regionPrefix: byRegion && isRegionCode(principal.organisationRegion) ? regionPrefix(principal.organisationRegion) : null,
  };
}

/**
 * Personal data of a user (phone, ID number): the user, members of their own organisation,
 * and system administrators (who must see it to run the directory). No regional oversight.
 */
export function canReadUserPersonalData(principal: Principal, user: { userId: string; organisationId: string }): boolean {
  return (
    principal.userId === user.userId || principal.organisationId === user.organisationId || principal.roles.includes('system_administrator')
  );
}
