import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { isRegionCode, regionPrefix, type Principal } from '@pingan/access';
import { InjectRuntime, type ServiceRuntime } from '@pingan/platform';
import { OVERSIGHT_CLOCK } from '../oversight.clock.js';
import { oversightPrefix } from '../oversight-access.js';
import { S } from '../read-models/schema.js';

export interface BoardFilter {
  region?: string;
  body?: string;
  state?: string;
  rule?: string;
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
export class ListDeadlinesQuery extends Query<BoardEntry[]> {
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

  async execute({ principal, filter }: ListDeadlinesQuery): Promise<BoardEntry[]> {
    const params: unknown[] = [principal.organisationId, oversightPrefix(principal)];
    const where = [
      `(($2::text IS NOT NULL AND c.region_code LIKE $2 || '%')
        OR b.responsible_organisation_id = $1 OR b.supervising_organisation_id = $1
        OR c.hospital_id = $1 OR $1 = ANY(c.party_ids))`,
    ];
    if (filter.region) {
      if (!isRegionCode(filter.region)) return [];
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
    const rows = await this.runtime.db.query<Record<string, unknown>>(
      `SELECT b.*, c.region_code FROM ${S}.board b LEFT JOIN ${S}.cases c ON c.case_number = b.case_number
       WHERE ${where.join(' AND ')} ORDER BY b.due_at, b.context, b.deadline_id LIMIT 2000`,
      params,
    );
    const now = this.clock();
    return rows.map((r) => ({
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
    }));
  }
}
