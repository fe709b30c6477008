import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { isRegionCode, regionPrefix, type Principal } from '@pingan/access';
import { InjectRuntime, containsPattern, pageWindow, toPage, type Page, type ServiceRuntime } from '@pingan/platform';
import { OVERSIGHT_CLOCK } from '../oversight.clock.js';
import { oversightPrefix } from '../oversight-access.js';
import { S } from '../read-models/schema.js';

export interface BoardFilter {
  region?: string;
  body?: string;
  state?: string;
  rule?: string;
  /** Like `body`: clocks the organisation answers for or supervises. */
  unit?: string;
  /** Due at or after / before (ISO instants). */
  from?: string;
  to?: string;
  /** Free text over the case number and the rule. */
  q?: string;
  /** Running or warned clocks the caller's organisation answers for. */
  awaitingMe?: boolean;
  limit?: number;
  offset?: number;
}

export interface BoardEntry {
  context: string;
  deadlineId: string;
  caseNumber: string;
  regionCode: string | null;
  rule: string;
  ruleSource: string | null;
  clock: string | null;
  state: string;
  /** Still running or warned after its due instant, before a sweeper recorded the breach. */
  overdue: boolean;
  startedAt: string | null;
  dueAt: string;
  warnAt: string | null;
  provisional: boolean;
  completedAt: string | null;
  breachedAt: string | null;
  escalatedAt: string | null;
  responsibleOrganisationId: string | null;
  supervisingOrganisationId: string | null;
}

const isoOrNull = (value: unknown): string | null => (value ? new Date(value as string).toISOString() : null);

/**
 * Every clock of every context, one row each, as its last Deadline* event left it. Visible: the
 * clocks of the caller's region (commissions, police, political-legal officers) and those the
 * caller's organisation answers for, supervises or is party to.
 */
export class ListDeadlinesQuery extends Query<Page<BoardEntry>> {
  constructor(
    readonly principal: Principal,
    readonly filter: BoardFilter,
  ) {
    super();
  }
}

@QueryHandler(ListDeadlinesQuery)
export class ListDeadlinesHandler implements IQueryHandler<ListDeadlinesQuery> {
  constructor(
    @InjectRuntime('oversight') private readonly runtime: ServiceRuntime,
    @Inject(OVERSIGHT_CLOCK) private readonly clock: () => Date,
  ) {}

  async execute({ principal, filter }: ListDeadlinesQuery): Promise<Page<BoardEntry>> {
    const window = pageWindow(filter);
    const params: unknown[] = [principal.organisationId, oversightPrefix(principal)];
    const where = [
      `(($2::text IS NOT NULL AND c.region_code LIKE $2 || '%')
        OR b.responsible_organisation_id = $1 OR b.supervising_organisation_id = $1
        OR c.hospital_id = $1 OR $1 = ANY(c.party_ids))`,
    ];
    if (filter.region) {
      if (!isRegionCode(filter.region)) return { items: [], total: 0, ...window };
      params.push(regionPrefix(filter.region));
      where.push(`c.region_code LIKE $${params.length} || '%'`);
    }
    if (filter.body) {
      params.push(filter.body);
      where.push(`(b.responsible_organisation_id = $${params.length} OR b.supervising_organisation_id = $${params.length})`);
    }
    if (filter.state) {
      params.push(filter.state.split(','));
      where.push(`b.state = ANY($${params.length}::text[])`);
    }
    if (filter.rule) {
      params.push(filter.rule);
      where.push(`b.rule = $${params.length}`);
    }
    const add = (sql: (n: number) => string, value: unknown) => where.push(sql(params.push(value)));
    if (filter.unit) add((n) => `(b.responsible_organisation_id = $${n} OR b.supervising_organisation_id = $${n})`, filter.unit);
    if (filter.from) add((n) => `b.due_at >= $${n}`, filter.from);
    if (filter.to) add((n) => `b.due_at < $${n}`, filter.to);
    if (filter.q) add((n) => `concat_ws(' ', b.case_number, b.rule) ILIKE $${n}`, containsPattern(filter.q));
    if (filter.awaitingMe)
      add((n) => `(b.state IN ('running', 'warned') AND b.responsible_organisation_id = $${n})`, principal.organisationId);
    const from = `${S}.board b LEFT JOIN ${S}.cases c ON c.case_number = b.case_number WHERE ${where.join(' AND ')}`;
    const countParams = [...params];
    const rows = await this.runtime.db.query<Record<string, unknown>>(
      `SELECT b.*, c.region_code, count(*) OVER () AS total FROM ${from}
       ORDER BY b.due_at, b.context, b.deadline_id LIMIT $${params.push(window.limit)} OFFSET $${params.push(window.offset)}`,
      params,
    );
    const now = this.clock();
    const count = async () => Number((await this.runtime.db.query<{ n: string }>(`SELECT count(*) AS n FROM ${from}`, countParams))[0].n);
    return toPage(rows, window, (r) => toEntry(r, now), count);
  }
}

function toEntry(r: Record<string, unknown>, now: Date): BoardEntry {
  return {
    context: r.context as string,
    deadlineId: r.deadline_id as string,
    caseNumber: r.case_number as string,
    regionCode: (r.region_code as string | null) ?? null,
    rule: r.rule as string,
    ruleSource: (r.rule_source as string | null) ?? null,
    clock: (r.clock as string | null) ?? null,
    state: r.state as string,
    overdue: (r.state === 'running' || r.state === 'warned') && new Date(r.due_at as string) < now,
    startedAt: isoOrNull(r.started_at),
    dueAt: new Date(r.due_at as string).toISOString(),
    warnAt: isoOrNull(r.warn_at),
    provisional: r.provisional === true,
    completedAt: isoOrNull(r.completed_at),
    breachedAt: isoOrNull(r.breached_at),
    escalatedAt: isoOrNull(r.escalated_at),
    responsibleOrganisationId: (r.responsible_organisation_id as string | null) ?? null,
    supervisingOrganisationId: (r.supervising_organisation_id as string | null) ?? null,
  };
}
