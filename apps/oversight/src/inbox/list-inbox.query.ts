import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { hasRole, type Principal } from '@pingan/access';
import { InjectRuntime, containsPattern, toPage, type Page, type ServiceRuntime } from '@pingan/platform';
import { OVERSIGHT_CLOCK } from '../oversight.clock.js';
import { oversightPrefix } from '../oversight-access.js';
import { S } from '../read-models/schema.js';

export type InboxStatus = 'awaiting_acknowledgement' | 'acknowledged' | 'forwarded';

export interface InboxItem {
  caseNumber: string;
  chain: string;
  level: string;
  /** Region of the body the report waits for at this level. */
  addresseeRegion: string;
  regionCode: string;
  hospitalId: string;
  status: InboxStatus;
  major: boolean;
  waitingSince: string;
  /** Minutes since it reached this level (until acknowledged: then up to the acknowledgement). */
  waitingMinutes: number;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  forwardedAt: string | null;
  forwardedTo: string | null;
  timeline: string;
}

/**
 * 信息报送 as the receiving bodies see it: which reports wait at which level for whom, since when.
 * Acknowledging and forwarding are commands of the incidents context; this is its mirror.
 * - `mine`: what is addressed to the caller's own body (a commission: the health chain at its
 *   level and region; a political-legal committee: its chain, in its region);
 * - `region`: everything of the caller's chain(s) in its region.
 */
export class ListInboxQuery extends Query<Page<InboxItem>> {
  constructor(
    readonly principal: Principal,
    readonly scope: 'mine' | 'region',
    readonly statuses: InboxStatus[],
    readonly filter: { unit?: string; from?: string; to?: string; q?: string; limit: number; offset: number } = { limit: 100, offset: 0 },
  ) {
    super();
  }
}

@QueryHandler(ListInboxQuery)
export class ListInboxHandler implements IQueryHandler<ListInboxQuery> {
  constructor(
    @InjectRuntime('oversight') private readonly runtime: ServiceRuntime,
    @Inject(OVERSIGHT_CLOCK) private readonly clock: () => Date,
  ) {}

  async execute({ principal, scope, statuses, filter }: ListInboxQuery): Promise<Page<InboxItem>> {
    const window = { limit: filter.limit, offset: filter.offset };
    const none = { items: [], total: 0, ...window };
    const prefix = oversightPrefix(principal);
    if (prefix === null) return none;
    const chains: string[] = [];
    const params: unknown[] = [statuses, prefix];
    const where = [`status = ANY($1::text[])`, `region_code LIKE $2 || '%'`];
    if (principal.organisationKind === 'health_commission' && hasRole(principal, 'health_commission_official')) {
      chains.push('health');
      if (scope === 'mine') {
        params.push(principal.healthCommissionLevel ?? '', principal.organisationRegion);
        where.push(`(chain <> 'health' OR (level = $${params.length - 1} AND addressee_region = $${params.length}))`);
      }
    }
    if (principal.organisationKind === 'political_legal' && hasRole(principal, 'political_legal_officer')) chains.push('political_legal');
    if (chains.length === 0) return none;
    params.push(chains);
    where.push(`chain = ANY($${params.length}::text[])`);
    const add = (sql: (n: number) => string, value: unknown) => where.push(sql(params.push(value)));
    if (filter.unit) add((n) => `hospital_id = $${n}`, filter.unit);
    if (filter.from) add((n) => `waiting_since >= $${n}`, filter.from);
    if (filter.to) add((n) => `waiting_since < $${n}`, filter.to);
    if (filter.q) add((n) => `case_number ILIKE $${n}`, containsPattern(filter.q));
    const conditions = where.join(' AND ');
    const countParams = [...params];
    const rows = await this.runtime.db.query<Record<string, unknown>>(
      `SELECT *, count(*) OVER () AS total FROM ${S}.escalations WHERE ${conditions}
       ORDER BY major DESC, waiting_since, case_number LIMIT $${params.push(window.limit)} OFFSET $${params.push(window.offset)}`,
      params,
    );
    const now = this.clock().getTime();
    const iso = (v: unknown) => (v ? new Date(v as string).toISOString() : null);
    const count = async () =>
      Number(
        (await this.runtime.db.query<{ n: string }>(`SELECT count(*) AS n FROM ${S}.escalations WHERE ${conditions}`, countParams))[0].n,
      );
    return toPage(
      rows,
      window,
      (r) => {
        const since = new Date(r.waiting_since as string).getTime();
        const until = r.acknowledged_at ? new Date(r.acknowledged_at as string).getTime() : now;
        return {
          caseNumber: r.case_number as string,
          chain: r.chain as string,
          level: r.level as string,
          addresseeRegion: r.addressee_region as string,
          regionCode: r.region_code as string,
          hospitalId: r.hospital_id as string,
          status: r.status as InboxStatus,
          major: r.major === true,
          waitingSince: new Date(since).toISOString(),
          waitingMinutes: Math.max(0, Math.floor((until - since) / 60_000)),
          acknowledgedAt: iso(r.acknowledged_at),
          acknowledgedBy: (r.acknowledged_by as string | null) ?? null,
          forwardedAt: iso(r.forwarded_at),
          forwardedTo: (r.forwarded_to as string | null) ?? null,
          timeline: `/cases/${encodeURIComponent(r.case_number as string)}/timeline`,
        };
      },
      count,
    );
  }
}
