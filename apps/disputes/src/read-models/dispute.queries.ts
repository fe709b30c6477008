import { hasRole, regionPrefix, type Principal, type ReadScope } from '@pingan/access';
import type { Query } from '@pingan/event-store';
import { containsPattern, toPage, type Page } from '@pingan/platform';
import { DISPUTE_LIST_TABLE } from './dispute-list.projection.js';
import { DISPUTE_OUTCOMES_TABLE } from './dispute-statistics.projection.js';

export interface DisputeListFilter {
  status?: 'open' | 'closed';
  /** Narrow to one hospital / one region (within what the caller may see anyway). */
  hospitalId?: string;
  regionCode?: string;
  /** The hospital, or an organisation it was referred or taken to. */
  unit?: string;
  /** Opened at or after / before (ISO instants). */
  from?: string;
  to?: string;
  /** Free text over the case number and the summary. */
  q?: string;
  awaitingMe?: boolean;
  limit: number;
  offset: number;
}

export interface DisputeListItem {
  disputeId: string;
  caseNumber: string;
  hospitalId: string;
  regionCode: string;
  origin: string;
  incidentId: string | null;
  status: string;
  route: string;
  summary: string;
  mediation: { kind: string; phase: string; mediatorOrganisationId: string } | null;
  partyOrganisationIds: string[];
  escalationRisk: boolean;
  openedAt: string;
  closedAt: string | null;
  closeOutcome: string | null;
  lastEventAt: string;
}

export interface OutcomeStatisticsRow {
  month: string;
  regionCode: string;
  total: number;
  byCategory: Record<string, number>;
  mediationAttempts: number;
  mediationFailedOnExpiry: number;
  mediationFailedOther: number;
  liabilityDetermined: number;
  compensationAgreedFen: number;
  compensationPaidFen: number;
  escalationRiskFlagged: number;
}

/**
 * Visibility, as the policy says (libs/access readScope): the caller's own hospital, disputes it
 * is party to (referred mediation committee, commission, court), and its region for police and
 * health commissions. The same predicate for every list.
 */
const VISIBLE = `(hospital_id = $1 OR $1 = ANY(party_organisation_ids) OR ($2::text IS NOT NULL AND region_code LIKE $2 || '%'))`;

const iso = (value: unknown): string => (value instanceof Date ? value : new Date(String(value))).toISOString();

/** The disputes list (read model `disputes.dispute_list`), as far as `scope` sees. */
export async function listDisputes(
  query: Query,
  scope: ReadScope,
  filter: DisputeListFilter,
  principal: Principal,
): Promise<Page<DisputeListItem>> {
  const params: unknown[] = [scope.organisationId, scope.regionPrefix];
  const where = [VISIBLE];
  if (filter.status) where.push(`status = $${params.push(filter.status)}`);
  if (filter.hospitalId) where.push(`hospital_id = $${params.push(filter.hospitalId)}`);
  if (filter.regionCode) where.push(`region_code LIKE $${params.push(regionPrefix(filter.regionCode))} || '%'`);
  if (filter.unit) {
    const n = params.push(filter.unit);
    where.push(`(hospital_id = $${n} OR $${n} = ANY(party_organisation_ids))`);
  }
  if (filter.from) where.push(`opened_at >= $${params.push(filter.from)}`);
  if (filter.to) where.push(`opened_at < $${params.push(filter.to)}`);
  if (filter.q) {
    const n = params.push(containsPattern(filter.q));
    where.push(`(case_number ILIKE $${n} OR summary ILIKE $${n})`);
  }
  if (filter.awaitingMe) where.push(awaiting(principal, (v) => params.push(v)));
  const conditions = where.join(' AND ');
  const countParams = [...params];
  const rows = await query<Record<string, unknown>>(
    `SELECT *, count(*) OVER () AS total FROM ${DISPUTE_LIST_TABLE} WHERE ${conditions}
     ORDER BY opened_at DESC, dispute_id LIMIT $${params.push(filter.limit)} OFFSET $${params.push(filter.offset)}`,
    params,
  );
  return toPage(rows, filter, toItem, async () =>
    Number((await query<{ n: string }>(`SELECT count(*) AS n FROM ${DISPUTE_LIST_TABLE} WHERE ${conditions}`, countParams))[0].n),
  );
}

/**
 * What waits for the caller: the hospital's complaints office, its open disputes not with a
 * mediator (notice, referral, settlement are its steps); a mediator (a committee, or a commission
 * for 行政调解), the disputes referred to it that are not yet agreed or failed.
 */
function awaiting(principal: Principal, push: (value: unknown) => number): string {
  const waits: string[] = [];
  const org = push(principal.organisationId);
  if (hasRole(principal, 'hospital_complaints_officer'))
    waits.push(`(hospital_id = $${org} AND (mediation_phase IS NULL OR mediation_phase NOT IN ('referred', 'accepted')))`);
  if (hasRole(principal, 'mediator', 'health_commission_official'))
    waits.push(`(mediator_organisation_id = $${org} AND mediation_phase IN ('referred', 'accepted'))`);
  return waits.length === 0 ? 'false' : `(status = 'open' AND (${waits.join(' OR ')}))`;
}

function toItem(r: Record<string, unknown>): DisputeListItem {
  return {
    disputeId: String(r.dispute_id),
    caseNumber: String(r.case_number),
    hospitalId: String(r.hospital_id),
    regionCode: String(r.region_code),
    origin: String(r.origin),
    incidentId: (r.incident_id as string | null) ?? null,
    status: String(r.status),
    route: String(r.route),
    summary: String(r.summary),
    mediation: r.mediation_kind
      ? { kind: String(r.mediation_kind), phase: String(r.mediation_phase), mediatorOrganisationId: String(r.mediator_organisation_id) }
      : null,
    partyOrganisationIds: r.party_organisation_ids as string[],
    escalationRisk: Boolean(r.escalation_risk),
    openedAt: iso(r.opened_at),
    closedAt: r.closed_at ? iso(r.closed_at) : null,
    closeOutcome: (r.close_outcome as string | null) ?? null,
    lastEventAt: iso(r.last_event_at),
  };
}

/** Counts by opening month and region code, restricted to the caller's region (a commission's). */
export async function outcomeStatistics(
  query: Query,
  regionPrefix: string,
  filter: { from?: string; to?: string },
): Promise<OutcomeStatisticsRow[]> {
  const params: unknown[] = [regionPrefix];
  const where = [`region_code LIKE $1 || '%'`];
  if (filter.from) where.push(`opened_month >= $${params.push(filter.from)}`);
  if (filter.to) where.push(`opened_month <= $${params.push(filter.to)}`);
  const rows = await query<Record<string, unknown>>(
    `SELECT opened_month, region_code, category, count(*)::int AS n,
       sum(mediation_attempts)::int AS attempts, sum(mediation_failed_expired)::int AS expired, sum(mediation_failed_other)::int AS failed_other,
       sum(CASE WHEN liability_determined THEN 1 ELSE 0 END)::int AS liability,
       sum(compensation_agreed_fen)::text AS agreed, sum(compensation_paid_fen)::text AS paid,
       sum(CASE WHEN escalation_risk_flagged THEN 1 ELSE 0 END)::int AS risk
     FROM ${DISPUTE_OUTCOMES_TABLE} WHERE ${where.join(' AND ')}
     GROUP BY opened_month, region_code, category ORDER BY opened_month, region_code, category`,
    params,
  );
  const out = new Map<string, OutcomeStatisticsRow>();
  for (const r of rows) {
    const key = `${r.opened_month}|${r.region_code}`;
    let row = out.get(key);
    if (!row) {
      row = {
        month: String(r.opened_month),
        regionCode: String(r.region_code),
        total: 0,
        byCategory: {},
        mediationAttempts: 0,
        mediationFailedOnExpiry: 0,
        mediationFailedOther: 0,
        liabilityDetermined: 0,
        compensationAgreedFen: 0,
        compensationPaidFen: 0,
        escalationRiskFlagged: 0,
      };
      out.set(key, row);
    }
    const n = Number(r.n);
    row.total += n;
    row.byCategory[String(r.category)] = n;
    row.mediationAttempts += Number(r.attempts);
    row.mediationFailedOnExpiry += Number(r.expired);
    row.mediationFailedOther += Number(r.failed_other);
    row.liabilityDetermined += Number(r.liability);
    row.compensationAgreedFen += Number(r.agreed);
    row.compensationPaidFen += Number(r.paid);
    row.escalationRiskFlagged += Number(r.risk);
  }
  return [...out.values()];
}
