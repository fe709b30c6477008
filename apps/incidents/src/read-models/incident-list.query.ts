import { hasRole, readScope, regionPrefix, type Principal } from '@pingan/access';
import type { IncidentCategory } from '@pingan/contracts';
import type { Query } from '@pingan/event-store';
import { containsPattern, toPage, type Page } from '@pingan/platform';
import type { IncidentSummary } from '../domain/index.js';
import { HOSPITAL_ROLES, addresseeScope, escalationLevelOf, isPolice } from '../incidents/incident-access.js';
import { INCIDENT_LIST_TABLE } from './incident-list.projection.js';

export interface IncidentListFilter {
  hospitalId?: string;
  /** A region code: the incidents in it (a city's code lists its counties'). */
  regionCode?: string;
  category?: IncidentCategory;
  major?: boolean;
  status?: 'open' | 'closed';
  /** Occurred at or after / before (instants). */
  from?: Date;
  to?: Date;
  /** An organisation: the incidents of that hospital, or that it acted on (dispatched unit, a level of a chain). */
  unit?: string;
  /** Free text over what the list shows: case number, location, behaviour, description. */
  q?: string;
  /** Only the incidents waiting for the caller (see awaitingPredicate). */
  awaitingMe?: boolean;
  limit: number;
  offset: number;
}

const likePrefix = (prefix: string): string => `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The list, filtered by what the caller asked AND by what the caller may see (readScope: its
 * own and its parties' incidents, its region for police and commissions, and the region where an
 * escalation is addressed to it). Every filter is a bound parameter.
 */
export async function listIncidents(
  query: Query,
  schema: string,
  principal: Principal,
  filter: IncidentListFilter,
): Promise<Page<IncidentSummary>> {
  const params: unknown[] = [];
  const param = (value: unknown): string => {
    params.push(value);
    return `$${params.length}`;
  };
  const scope = readScope(principal);
  const visible = [`hospital_id = ${param(scope.organisationId)}`, `${param(scope.organisationId)} = ANY(party_ids)`];
  if (scope.regionPrefix !== null) visible.push(`region_code LIKE ${param(likePrefix(scope.regionPrefix))}`);
  const addressee = addresseeScope(principal);
  if (addressee)
    visible.push(`(${param(addressee.level)} = ANY(addressed) AND region_code LIKE ${param(likePrefix(addressee.regionPrefix))})`);
  const where = [`(${visible.join(' OR ')})`];
  if (filter.hospitalId !== undefined) where.push(`hospital_id = ${param(filter.hospitalId)}`);
  if (filter.regionCode !== undefined) where.push(`region_code LIKE ${param(likePrefix(regionPrefix(filter.regionCode)))}`);
  if (filter.category !== undefined) where.push(`${param(filter.category)} = ANY(categories)`);
  if (filter.major !== undefined) where.push(`major = ${param(filter.major)}`);
  if (filter.status !== undefined) where.push(`status = ${param(filter.status)}`);
  if (filter.from !== undefined) where.push(`occurred_at >= ${param(filter.from.toISOString())}`);
  if (filter.to !== undefined) where.push(`occurred_at < ${param(filter.to.toISOString())}`);
  if (filter.unit !== undefined) where.push(`(hospital_id = ${param(filter.unit)} OR ${param(filter.unit)} = ANY(party_ids))`);
  if (filter.q !== undefined) {
    const like = param(containsPattern(filter.q));
    where.push(
      `(case_number ILIKE ${like} OR concat_ws(' ', state->'intake'->>'description', state->'intake'->>'location',
         state->'intake'->>'behaviour', state->'particulars'->>'description', state->'particulars'->>'behaviour') ILIKE ${like})`,
    );
  }
  if (filter.awaitingMe) where.push(awaitingPredicate(principal, param));
  const table = `${schema}.${INCIDENT_LIST_TABLE}`;
  const conditions = where.join(' AND ');
  const window = { limit: filter.limit, offset: filter.offset };
  const countParams = [...params];
  const rows = await query<{ summary: IncidentSummary; total: string }>(
    `SELECT summary, count(*) OVER () AS total FROM ${table} WHERE ${conditions}
     ORDER BY occurred_at DESC, case_number DESC LIMIT ${param(filter.limit)} OFFSET ${param(filter.offset)}`,
    params,
  );
  return toPage(
    rows,
    window,
    (row) => row.summary,
    async () => Number((await query<{ n: string }>(`SELECT count(*) AS n FROM ${table} WHERE ${conditions}`, countParams))[0].n),
  );
}

/**
 * What waits for the caller: police, an open incident not yet reached or not yet under control;
 * a body of an escalation chain, a report that reached its level and is not acknowledged; the
 * hospital, a one-key alarm without its particulars or a major incident not yet reported up.
 */
function awaitingPredicate(principal: Principal, param: (value: unknown) => string): string {
  const waits: string[] = [];
  if (isPolice(principal)) waits.push(`(state->'police'->>'arrivedAt' IS NULL OR state->'police'->>'disturbanceStoppedAt' IS NULL)`);
  const level = escalationLevelOf(principal);
  if (level !== null) {
    const [chain, at] = level.split(':');
    waits.push(
      `(state->'escalation'->${param(chain)}->${param(at)} IS NOT NULL AND state->'escalation'->${param(chain)}->${param(at)}->>'acknowledgedAt' IS NULL)`,
    );
  }
  if (hasRole(principal, ...HOSPITAL_ROLES))
    waits.push(
      `(hospital_id = ${param(principal.organisationId)}
        AND ((summary->>'detailsPending')::boolean OR (major AND state->'escalation'->'health' = '{}'::jsonb)))`,
    );
  return waits.length === 0 ? 'false' : `(status = 'open' AND (${waits.join(' OR ')}))`;
}
