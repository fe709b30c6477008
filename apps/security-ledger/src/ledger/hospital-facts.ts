import { DIRECTORY_TABLE, isRegionCode, regionName, regionPrefix, type DirectoryOrganisation, type Principal } from '@pingan/access';
import { securityProfileStreamId, type SecurityLedgerEvent } from '@pingan/contracts';
import { fold, type Query } from '@pingan/event-store';
import type { ServiceRuntime } from '@pingan/platform';
import { securityProfileDecider, type SecurityProfileState } from '../domain/security-profile.decider.js';
import type { HospitalFacts } from '../domain/standards.js';

type Level = HospitalFacts['level'];
type Ownership = HospitalFacts['ownership'];

/** Level and ownership as the directory's details give them (null: not known). */
export function directoryFacts(org: DirectoryOrganisation | undefined): { level: Level; ownership: Ownership } {
  const h = (org?.details as { hospital?: { level?: string; ownership?: string } } | undefined)?.hospital;
  const level = h?.level === '一级' || h?.level === '二级' || h?.level === '三级' ? h.level : null;
  const ownership = h?.ownership === 'public' || h?.ownership === 'private' ? h.ownership : null;
  return { level, ownership };
}

/** A hospital's profile stream, folded. */
export async function loadProfile(runtime: ServiceRuntime, hospitalId: string): Promise<SecurityProfileState> {
  const events = await runtime.store.readStream(securityProfileStreamId(hospitalId));
  return fold(securityProfileDecider, events as unknown as SecurityLedgerEvent[]);
}

/** The active hospitals the directory copy knows in a region and below. */
export async function directoryHospitalsIn(query: Query, schema: string, prefix: string): Promise<DirectoryOrganisation[]> {
  return query<DirectoryOrganisation>(
    `SELECT organisation_id AS "organisationId", kind, name, region_code AS "regionCode", parent_id AS "parentId", details, active
       FROM ${schema}.${DIRECTORY_TABLE} WHERE kind = 'hospital' AND active AND region_code LIKE $1 || '%' ORDER BY organisation_id`,
    [prefix],
  );
}

/** The region a ledger is asked for: the one given, or the caller's own. */
export const ledgerRegion = (principal: Principal, region: string | undefined): string =>
  region && isRegionCode(region) ? region : principal.organisationRegion;

export { regionName, regionPrefix };
