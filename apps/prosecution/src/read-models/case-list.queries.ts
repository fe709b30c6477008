import { Inject, Injectable } from '@nestjs/common';
import { regionPrefix, type ReadScope } from '@pingan/access';
import type { Database } from '@pingan/event-store';
import { DATABASE } from '@pingan/platform';
import { CASE_LIST_TABLE, type CaseStage } from './case-list.projection.js';

export interface CaseListFilter {
  unit?: string;
  region?: string;
  kind?: string;
  status?: CaseStage;
  underSupervision?: boolean;
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

  async list(scope: ReadScope, filter: CaseListFilter): Promise<CaseListItem[]> {
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
    params.push(filter.limit ?? 100, filter.offset ?? 0);
    const rows = await this.db.query<Row>(
      `SELECT * FROM ${CASE_LIST_TABLE} WHERE ${where.join(' AND ')}
       ORDER BY accepted_at DESC, case_number LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    );
    return rows.map((r) => ({
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
    }));
  }
}
