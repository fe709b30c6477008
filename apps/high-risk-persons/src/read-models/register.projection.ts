import type { HighRiskPersonEvent } from '@pingan/contracts';
import type { Projection, Query, StoredEvent } from '@pingan/event-store';
import { containsPattern, toPage, type Page } from '@pingan/platform';
import { CreateRegister1796184051000 } from '../migrations/index.js';

export const SCHEMA = 'high_risk_persons';

/**
 * The register as a table for police lists (region scope): pseudonymous by construction —
 * person id, region, status, categories, dates and organisations, never a personal field.
 * Identity is only ever read from the events, through the key, one audited record at a time.
 */
export const registerProjection: Projection = {
  name: 'register',

  migrations: [CreateRegister1796184051000],

  async reset(query: Query) {
    await query(`DELETE FROM ${SCHEMA}.register`);
  },

  async apply(stored: StoredEvent, query: Query) {
    if (stored.streamType !== 'high-risk-person') return;
    const event = { type: stored.type, data: stored.data } as HighRiskPersonEvent;
    const at = stored.occurredAt;
    const status = (s: string) =>
      query(`UPDATE ${SCHEMA}.register SET status = $2, updated_at = $3 WHERE person_id = $1`, [event.data.personId, s, at]);
    switch (event.type) {
      case 'FlagProposed': {
        const d = event.data;
        await query(
          `INSERT INTO ${SCHEMA}.register (person_id, region_code, status, flag_no, categories, proposing_organisation_id, updated_at)
           VALUES ($1, $2, 'proposed', $3, $4, $5, $6)
           ON CONFLICT (person_id) DO UPDATE SET status = 'proposed', flag_no = $3, categories = $4, proposing_organisation_id = $5,
             approving_organisation_id = NULL, activated_at = NULL, updated_at = $6`,
          [d.personId, d.regionCode, d.flagNo, d.categories.map((c) => c.category), d.proposingOrganisationId, at],
        );
        return;
      }
      case 'FlagApproved':
        await query(
          `UPDATE ${SCHEMA}.register SET status = 'active', approving_organisation_id = $2, activated_at = $3, updated_at = $3 WHERE person_id = $1`,
          [event.data.personId, event.data.approvingOrganisationId, at],
        );
        return;
      case 'FlagRejected':
        return void (await status('rejected'));
      case 'FlagRemoved':
        return void (await status('removed'));
      case 'FlagExpired':
        return void (await status('expired'));
      case 'PersonErased':
        return void (await status('erased'));
      default:
        return;
    }
  },
};

export interface RegisterRow {
  personId: string;
  regionCode: string;
  status: string;
  flagNo: number;
  categories: string[];
  proposingOrganisationId: string | null;
  approvingOrganisationId: string | null;
  activatedAt: string | null;
}

export interface RegisterFilter {
  regionPrefix: string;
  status?: string;
  /** The organisation that proposed or approved the flag. */
  unit?: string;
  /** Last changed at or after / before (ISO instants). */
  from?: string;
  to?: string;
  /** Free text over what the list shows (pseudonymous): person id, flag number, categories. */
  q?: string;
  /** Proposed flags another organisation than `awaitingOrganisationId` must approve or reject. */
  awaitingOrganisationId?: string | null;
  limit: number;
  offset: number;
}

export async function listRegister(query: Query, filter: RegisterFilter): Promise<Page<RegisterRow>> {
  const params: unknown[] = [filter.regionPrefix];
  const where = [`region_code LIKE $1 || '%'`];
  const add = (sql: (n: number) => string, value: unknown) => where.push(sql(params.push(value)));
  if (filter.status) add((n) => `status = $${n}`, filter.status);
  if (filter.unit) add((n) => `(proposing_organisation_id = $${n} OR approving_organisation_id = $${n})`, filter.unit);
  if (filter.from) add((n) => `updated_at >= $${n}`, filter.from);
  if (filter.to) add((n) => `updated_at < $${n}`, filter.to);
  if (filter.q)
    add((n) => `concat_ws(' ', person_id, flag_no::text, array_to_string(categories, ' ')) ILIKE $${n}`, containsPattern(filter.q));
  if (filter.awaitingOrganisationId !== undefined) {
    if (filter.awaitingOrganisationId === null) where.push('false');
    else add((n) => `(status = 'proposed' AND proposing_organisation_id IS DISTINCT FROM $${n})`, filter.awaitingOrganisationId);
  }
  const conditions = where.join(' AND ');
  const countParams = [...params];
  const rows = await query<Record<string, unknown>>(
    `SELECT person_id, region_code, status, flag_no, categories, proposing_organisation_id, approving_organisation_id, activated_at,
       count(*) OVER () AS total
       FROM ${SCHEMA}.register WHERE ${conditions} ORDER BY updated_at DESC, person_id LIMIT $${params.push(filter.limit)} OFFSET $${params.push(filter.offset)}`,
    params,
  );
  const count = async () =>
    Number((await query<{ n: string }>(`SELECT count(*) AS n FROM ${SCHEMA}.register WHERE ${conditions}`, countParams))[0].n);
  return toPage(rows, filter, toRow, count);
}

function toRow(r: Record<string, unknown>): RegisterRow {
  return {
    personId: r.person_id as string,
    regionCode: r.region_code as string,
    status: r.status as string,
    flagNo: r.flag_no as number,
    categories: r.categories as string[],
    proposingOrganisationId: (r.proposing_organisation_id as string | null) ?? null,
    approvingOrganisationId: (r.approving_organisation_id as string | null) ?? null,
    activatedAt: r.activated_at ? new Date(r.activated_at as string).toISOString() : null,
  };
}
