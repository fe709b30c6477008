import { Inject, Injectable } from '@nestjs/common';
import { hasRole, regionPrefix, type Principal, type ReadScope } from '@pingan/access';
import type { Database } from '@pingan/event-store';
import { DATABASE, containsPattern, pageWindow, toPage, type Page } from '@pingan/platform';
import { CASE_LIST_TABLE, type CaseStage } from './case-list.projection.js';

export interface CaseListFilter {
  unit?: string;
  region?: string;
  kind?: string;
  status?: CaseStage;
  underSupervision?: boolean;
  /** Accepted at or after / before (ISO instants). */
  from?: string;
  to?: string;
  /** Free text over the case number, the hospital and the handling unit. */
  q?: string;
  awaitingMe?: boolean;
  limit?: number;
  offset?: number;
}

export interface CaseListItem {
  caseNumber: string;
  hospitalId: string;
  regionCode: string;
  kind: string;
  status: CaseStage;
  origin: string;
  incidentId: string | null;
  handlingUnitId: string;
  underSupervision: boolean;
  supervisorOrganisationId: string | null;
  suspectCount: number;
  acceptedAt: string;
  updatedAt: string;
}

interface Row {
  case_number: string;
  hospital_id: string;
  region_code: string;
  kind: string;
  stage: CaseStage;
  origin: string;
  incident_id: string | null;
  handling_unit_id: string;
  under_supervision: boolean;
  supervisor_organisation_id: string | null;
  suspect_count: number;
  accepted_at: Date | string;
  updated_at: Date | string;
}

const iso = (value: Date | string): string => new Date(value).toISOString();

/** Lists cases the caller may see (`readScope`: its region, or cases it is party to), newest first. */
@Injectable()
export class CaseListQueries {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  async list(scope: ReadScope, filter: CaseListFilter, principal: Principal): Promise<Page<CaseListItem>> {
    const params: unknown[] = [scope.organisationId];
    const visible = [`$1 = ANY(party_ids)`];
    if (scope.regionPrefix !== null) {
      params.push(`${scope.regionPrefix}%`);
      visible.push(`region_code LIKE $${params.length}`);
    }
    const where = [`(${visible.join(' OR ')})`];
    const add = (sql: (n: number) => string, value: unknown) => {
      params.push(value);
      where.push(sql(params.length));
    };
    if (filter.unit) add((n) => `handling_unit_id = $${n}`, filter.unit);
    if (filter.region) add((n) => `region_code LIKE $${n}`, `${regionPrefix(filter.region)}%`);
    if (filter.kind) add((n) => `kind = $${n}`, filter.kind);
    if (filter.status) add((n) => `stage = $${n}`, filter.status);
    if (filter.underSupervision !== undefined) add((n) => `under_supervision = $${n}`, filter.underSupervision);
    if (filter.from) add((n) => `accepted_at >= $${n}`, filter.from);
    if (filter.to) add((n) => `accepted_at < $${n}`, filter.to);
    if (filter.q) add((n) => `concat_ws(' ', case_number, hospital_id, handling_unit_id) ILIKE $${n}`, containsPattern(filter.q));
    if (filter.awaitingMe) add((n) => awaiting(principal, n), principal.organisationId);
    const conditions = where.join(' AND ');
    const countParams = [...params];
    const window = pageWindow(filter);
    params.push(window.limit, window.offset);
    const rows = await this.db.query<Row & { total: string }>(
      `SELECT *, count(*) OVER () AS total FROM ${CASE_LIST_TABLE} WHERE ${conditions}
       ORDER BY accepted_at DESC, case_number LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    );
    const count = async () =>
      Number((await this.db.query<{ n: string }>(`SELECT count(*) AS n FROM ${CASE_LIST_TABLE} WHERE ${conditions}`, countParams))[0].n);
    return toPage(rows, window, toItem, count);
  }
}

/**
 * What waits for the caller ($n: its organisation): the handling unit, a case still with the
 * police (accepted, filed); a procuratorate, a case under its review; a court, a case before it.
 */
function awaiting(principal: Principal, n: number): string {
  const waits: string[] = [];
  if (principal.organisationKind === 'police') waits.push(`(handling_unit_id = $${n} AND stage IN ('accepted', 'filed'))`);
  if (hasRole(principal, 'prosecutor')) waits.push(`($${n} = ANY(party_ids) AND stage = 'under_review')`);
  if (hasRole(principal, 'judge')) waits.push(`($${n} = ANY(party_ids) AND stage IN ('indicted', 'on_trial', 'judged'))`);
  return waits.length === 0 ? 'false' : `(${waits.join(' OR ')})`;
}

function toItem(r: Row): CaseListItem {
  return {
    caseNumber: r.case_number,
    hospitalId: r.hospital_id,
    regionCode: r.region_code,
    kind: r.kind,
    status: r.stage,
    origin: r.origin,
    incidentId: r.incident_id,
    handlingUnitId: r.handling_unit_id,
    underSupervision: r.under_supervision,
    supervisorOrganisationId: r.supervisor_organisation_id,
    suspectCount: Number(r.suspect_count),
    acceptedAt: iso(r.accepted_at),
    updatedAt: iso(r.updated_at),
  };
}
