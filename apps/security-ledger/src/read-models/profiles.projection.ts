import { SECURITY_PROFILE_STREAM_TYPE, type SecurityLedgerEvent, type SecurityProfile } from '@pingan/contracts';
import type { Projection, Query, StoredEvent } from '@pingan/event-store';
import { CreateProfiles1796184070000 } from '../migrations/1796184070000-create-profiles.js';

export const SCHEMA = 'security_ledger';

/** The latest profile of each hospital, for the region's ledger (one row per hospital). */
export const profilesProjection: Projection = {
  name: 'profiles',

  migrations: [CreateProfiles1796184070000],

  async reset(query: Query) {
    await query(`DELETE FROM ${SCHEMA}.profiles`);
  },

  async apply(stored: StoredEvent, query: Query) {
    if (stored.streamType !== SECURITY_PROFILE_STREAM_TYPE) return;
    const event = { type: stored.type, data: stored.data } as SecurityLedgerEvent;
    if (event.type !== 'SecurityProfileFiled') return;
    const d = event.data;
    await query(
      `INSERT INTO ${SCHEMA}.profiles (hospital_id, region_code, level, ownership, revision, profile, filed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (hospital_id) DO UPDATE SET region_code = $2, level = $3, ownership = $4, revision = $5, profile = $6, filed_at = $7`,
      [d.hospitalId, d.regionCode, d.level, d.ownership, d.revision, JSON.stringify(d.profile), d.filedAt],
    );
  },
};

export interface ProfileRow {
  hospitalId: string;
  regionCode: string;
  level: '一级' | '二级' | '三级' | null;
  ownership: 'public' | 'private' | null;
  revision: number;
  profile: SecurityProfile;
  filedAt: string;
}

/** The profiles filed by hospitals of a region and below. */
export async function profilesIn(query: Query, regionPrefix: string): Promise<ProfileRow[]> {
  const rows = await query<Record<string, unknown>>(
    `SELECT hospital_id, region_code, level, ownership, revision, profile, filed_at FROM ${SCHEMA}.profiles
      WHERE region_code LIKE $1 || '%' ORDER BY hospital_id`,
    [regionPrefix],
  );
  return rows.map((r) => ({
    hospitalId: r.hospital_id as string,
    regionCode: r.region_code as string,
    level: (r.level as ProfileRow['level']) ?? null,
    ownership: (r.ownership as ProfileRow['ownership']) ?? null,
    revision: r.revision as number,
    profile: (typeof r.profile === 'string' ? JSON.parse(r.profile) : r.profile) as SecurityProfile,
    filedAt: new Date(r.filed_at as string).toISOString(),
  }));
}
