import { readScope, regionPrefix, type Principal } from '@pingan/access';
import type { IncidentCategory } from '@pingan/contracts';
import type { Query } from '@pingan/event-store';
import type { IncidentSummary } from '../domain/index.js';
import { addresseeScope } from '../incidents/incident-access.js';
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
): Promise<IncidentSummary[]> {
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
  const rows = await query<{ summary: IncidentSummary }>(
    `SELECT summary FROM ${schema}.${INCIDENT_LIST_TABLE} WHERE ${where.join(' AND ')}
     ORDER BY occurred_at DESC, case_number DESC LIMIT ${param(filter.limit)} OFFSET ${param(filter.offset)}`,
    params,
  );
  return rows.map((row) => row.summary);
}
