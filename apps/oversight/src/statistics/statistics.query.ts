import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { AccessDeniedError, hasRole, isRegionCode, regionContains, regionPrefix, type Principal } from '@pingan/access';
import { shanghaiMonthOf, shanghaiMonthRange } from '@pingan/contracts';
import { InjectRuntime, type ServiceRuntime } from '@pingan/platform';
import { OversightError } from '../domain/oversight.errors.js';
import { OVERSIGHT_CLOCK } from '../oversight.clock.js';
import { S } from '../read-models/schema.js';
import {
  ALL_SECTIONS,
  POLICE_SECTIONS,
  computeStatistics,
  type CaseFactsRow,
  type ClockRow,
  type OutcomeRow,
  type Statistics,
} from './statistics.js';
import type { HealthCaseRow, HealthClockRow, HealthOutcomeRow } from './health-monthly.js';
import type { PoliceClockRow, PoliceFactRow } from './police-monthly.js';

/**
 * The month and region a caller asks for, checked: commissions and political-legal officers read
 * their region and below; station chiefs the police figures of theirs.
 */
export function statisticsScope(principal: Principal, query: { month?: string; region?: string }, now: Date) {
  const month = query.month ?? shanghaiMonthOf(now);
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw new OversightError('OVERSIGHT.BAD_MONTH', 'month must be YYYY-MM');
  const region = query.region ?? principal.organisationRegion;
  const oversees =
    principal.organisationKind === 'health_commission' ||
    principal.organisationKind === 'political_legal' ||
    principal.organisationKind === 'police';
  if (!oversees || !isRegionCode(region) || !regionContains(principal.organisationRegion, region)) throw new AccessDeniedError();
  const sections = hasRole(principal, 'health_commission_official', 'political_legal_officer') ? ALL_SECTIONS : POLICE_SECTIONS;
  return { month, region, sections, prefix: regionPrefix(region) };
}

/** Monthly figures (Asia/Shanghai months) for a region the caller oversees. */
export class StatisticsQuery extends Query<Statistics> {
  constructor(
    readonly principal: Principal,
    readonly filter: { month?: string; region?: string },
  ) {
    super();
  }
}

@QueryHandler(StatisticsQuery)
export class StatisticsHandler implements IQueryHandler<StatisticsQuery> {
  constructor(
    @InjectRuntime('oversight') private readonly runtime: ServiceRuntime,
    @Inject(OVERSIGHT_CLOCK) private readonly clock: () => Date,
  ) {}

  async execute({ principal, filter: query }: StatisticsQuery): Promise<Statistics> {
    const now = this.clock();
    const { month, region, sections } = statisticsScope(principal, query, now);
    const prefix = regionPrefix(region);
    const q = this.runtime.db.query;
    const cases = await q<CaseFactsRow>(
      `SELECT case_number, hospital_id, categories, incident_outcome, major FROM ${S}.cases WHERE month = $1 AND region_code LIKE $2 || '%'`,
      [month, prefix],
    );
    // Clocks count in the Asia/Shanghai month they started: its instants, from the one date helper.
    const { from, to } = shanghaiMonthRange(month);
    const clocks = await q<ClockRow>(
      `SELECT b.rule, b.clock, b.state, b.due_at, b.completed_at FROM ${S}.board b JOIN ${S}.cases c ON c.case_number = b.case_number
       WHERE c.region_code LIKE $1 || '%' AND COALESCE(b.started_at, b.due_at) >= $2 AND COALESCE(b.started_at, b.due_at) < $3`,
      [prefix, from.toISOString(), to.toISOString()],
    );
    const outcomes = await q<OutcomeRow>(
      `SELECT o.area, o.outcome FROM ${S}.outcomes o JOIN ${S}.cases c ON c.case_number = o.case_number
       WHERE o.month = $1 AND c.region_code LIKE $2 || '%'`,
      [month, prefix],
    );
    return computeStatistics({ month, region, sections, now }, cases, clocks, outcomes);
  }
}

/** The health commission's monthly return for a region (see health-monthly.ts), as rows from the read models. */
export class HealthMonthlyQuery extends Query<{
  month: string;
  region: string;
  cases: HealthCaseRow[];
  clocks: HealthClockRow[];
  outcomes: HealthOutcomeRow[];
}> {
  constructor(
    readonly principal: Principal,
    readonly filter: { month?: string; region?: string },
  ) {
    super();
  }
}

@QueryHandler(HealthMonthlyQuery)
export class HealthMonthlyHandler implements IQueryHandler<HealthMonthlyQuery> {
  constructor(
    @InjectRuntime('oversight') private readonly runtime: ServiceRuntime,
    @Inject(OVERSIGHT_CLOCK) private readonly clock: () => Date,
  ) {}

  async execute({ principal, filter }: HealthMonthlyQuery) {
    const { month, region, prefix } = statisticsScope(principal, filter, this.clock());
    const q = this.runtime.db.query;
    const cases = await q<HealthCaseRow>(
      `SELECT case_number, hospital_id, categories, major FROM ${S}.cases WHERE month = $1 AND region_code LIKE $2 || '%'`,
      [month, prefix],
    );
    const { from, to } = shanghaiMonthRange(month);
    const clocks = await q<HealthClockRow>(
      `SELECT b.rule, b.clock, b.state, b.due_at, b.completed_at, c.hospital_id FROM ${S}.board b JOIN ${S}.cases c ON c.case_number = b.case_number
       WHERE c.region_code LIKE $1 || '%' AND COALESCE(b.started_at, b.due_at) >= $2 AND COALESCE(b.started_at, b.due_at) < $3`,
      [prefix, from.toISOString(), to.toISOString()],
    );
    const outcomes = await q<HealthOutcomeRow>(
      `SELECT c.hospital_id, o.outcome FROM ${S}.outcomes o JOIN ${S}.cases c ON c.case_number = o.case_number
       WHERE o.area = 'mediation' AND o.month = $1 AND c.region_code LIKE $2 || '%'`,
      [month, prefix],
    );
    return { month, region, cases, clocks, outcomes };
  }
}

/** The police monthly return for a region (see police-monthly.ts), as rows from the read models. */
export class PoliceMonthlyQuery extends Query<{
  month: string;
  region: string;
  facts: PoliceFactRow[];
  caseUnits: Record<string, string>;
  clocks: PoliceClockRow[];
}> {
  constructor(
    readonly principal: Principal,
    readonly filter: { month?: string; region?: string },
  ) {
    super();
  }
}

@QueryHandler(PoliceMonthlyQuery)
export class PoliceMonthlyHandler implements IQueryHandler<PoliceMonthlyQuery> {
  constructor(
    @InjectRuntime('oversight') private readonly runtime: ServiceRuntime,
    @Inject(OVERSIGHT_CLOCK) private readonly clock: () => Date,
  ) {}

  async execute({ principal, filter }: PoliceMonthlyQuery) {
    const { month, region, prefix } = statisticsScope(principal, filter, this.clock());
    const q = this.runtime.db.query;
    const facts = await q<PoliceFactRow>(
      `SELECT case_number, type, unit_id, kind, persons FROM ${S}.police_facts WHERE month = $1 AND region_code LIKE $2 || '%'`,
      [month, prefix],
    );
    // A case's unit, whenever it took the case: the procuratorate's decisions count for it.
    const units = await q<{ case_number: string; unit_id: string }>(
      `SELECT DISTINCT ON (case_number) case_number, unit_id FROM ${S}.police_facts
       WHERE case_number = ANY($1) AND type IN ('CaseAccepted', 'CaseTransferred') AND unit_id IS NOT NULL
       ORDER BY case_number, at DESC, event_id DESC`,
      [[...new Set(facts.map((f) => f.case_number))]],
    );
    const { from, to } = shanghaiMonthRange(month);
    const clocks = await q<PoliceClockRow>(
      `SELECT b.rule, b.clock, b.state, b.due_at, b.completed_at, b.responsible_organisation_id FROM ${S}.board b
       JOIN ${S}.cases c ON c.case_number = b.case_number
       WHERE b.context = 'prosecution' AND c.region_code LIKE $1 || '%' AND COALESCE(b.started_at, b.due_at) >= $2 AND COALESCE(b.started_at, b.due_at) < $3`,
      [prefix, from.toISOString(), to.toISOString()],
    );
    return { month, region, facts, caseUnits: Object.fromEntries(units.map((u) => [u.case_number, u.unit_id])), clocks };
  }
}
