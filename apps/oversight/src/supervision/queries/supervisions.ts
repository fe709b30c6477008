import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { AccessDeniedError, type Principal } from '@pingan/access';
import { InjectRuntime, containsPattern, pageWindow, toPage, type Page, type ServiceRuntime } from '@pingan/platform';
import { oversightPrefix } from '../../oversight-access.js';
import { S } from '../../read-models/schema.js';

export interface SupervisionView {
  supervisionId: string;
  caseNumber: string;
  regionCode: string;
  supervisorOrganisationId: string;
  supervisorKind: string;
  instructions: string;
  dueAt: string | null;
  startedAt: string | null;
  status: string;
  deadlineId: string;
  clockState: string | null;
  progress: { note: string; recordedAt: string; by: string }[];
  closedAt: string | null;
  conclusion: string | null;
  metDueDate: boolean | null;
}

export interface SupervisionFilter {
  status?: string;
  caseNumber?: string;
  /** The supervising organisation. */
  unit?: string;
  /** Due at or after / before (ISO instants). */
  from?: string;
  to?: string;
  /** Free text over the case number and the instructions. */
  q?: string;
  /** Open supervisions the caller's organisation runs. */
  awaitingMe?: boolean;
  limit?: number;
  offset?: number;
}

/** Supervisions of the caller's region, or its own. */
export class ListSupervisionsQuery extends Query<Page<SupervisionView>> {
  constructor(
    readonly principal: Principal,
    readonly filter: SupervisionFilter,
  ) {
    super();
  }
}

/** One supervision with its progress, if the caller may see it. */
export class GetSupervisionQuery extends Query<SupervisionView> {
  constructor(
    readonly principal: Principal,
    readonly supervisionId: string,
  ) {
    super();
  }
}

@QueryHandler(ListSupervisionsQuery)
export class ListSupervisionsHandler implements IQueryHandler<ListSupervisionsQuery> {
  constructor(@InjectRuntime('oversight') private readonly runtime: ServiceRuntime) {}

  execute({ principal, filter }: ListSupervisionsQuery): Promise<Page<SupervisionView>> {
    return listSupervisions(this.runtime, principal, filter);
  }
}

@QueryHandler(GetSupervisionQuery)
export class GetSupervisionHandler implements IQueryHandler<GetSupervisionQuery> {
  constructor(@InjectRuntime('oversight') private readonly runtime: ServiceRuntime) {}

  async execute({ principal, supervisionId }: GetSupervisionQuery): Promise<SupervisionView> {
    const [found] = (await listSupervisions(this.runtime, principal, { supervisionId, limit: 1 })).items;
    if (!found) throw new AccessDeniedError();
    return found;
  }
}

async function listSupervisions(
  runtime: ServiceRuntime,
  principal: Principal,
  filter: SupervisionFilter & { supervisionId?: string },
): Promise<Page<SupervisionView>> {
  await runtime.catchUpProjections(); // a read model: the caller sees its own supervision at once
  const params: unknown[] = [principal.organisationId, oversightPrefix(principal)];
  const where = [`(supervisor_organisation_id = $1 OR ($2::text IS NOT NULL AND region_code LIKE $2 || '%'))`];
  if (filter.status) {
    params.push(filter.status);
    where.push(`s.status = $${params.length}`);
  }
  if (filter.caseNumber) {
    params.push(filter.caseNumber);
    where.push(`s.case_number = $${params.length}`);
  }
  const add = (sql: (n: number) => string, value: unknown) => where.push(sql(params.push(value)));
  if (filter.supervisionId) add((n) => `s.supervision_id = $${n}`, filter.supervisionId);
  if (filter.unit) add((n) => `supervisor_organisation_id = $${n}`, filter.unit);
  if (filter.from) add((n) => `s.due_at >= $${n}`, filter.from);
  if (filter.to) add((n) => `s.due_at < $${n}`, filter.to);
  if (filter.q) add((n) => `concat_ws(' ', s.case_number, s.instructions) ILIKE $${n}`, containsPattern(filter.q));
  if (filter.awaitingMe) add((n) => `(s.status = 'open' AND supervisor_organisation_id = $${n})`, principal.organisationId);
  const window = pageWindow(filter);
  const from = `${S}.supervisions s WHERE ${where.join(' AND ')}`;
  const countParams = [...params];
  const rows = await runtime.db.query<Record<string, unknown>>(
    `SELECT s.*, b.state AS clock_state, count(*) OVER () AS total FROM ${S}.supervisions s
     LEFT JOIN ${S}.board b ON b.context = 'oversight' AND b.deadline_id = s.deadline_id
     WHERE ${where.join(' AND ')} ORDER BY s.due_at, s.supervision_id LIMIT $${params.push(window.limit)} OFFSET $${params.push(window.offset)}`,
    params,
  );
  const count = async () => Number((await runtime.db.query<{ n: string }>(`SELECT count(*) AS n FROM ${from}`, countParams))[0].n);
  return toPage(rows, window, toView, count);
}

const iso = (v: unknown) => (v ? new Date(v as string).toISOString() : null);
const toView = (r: Record<string, unknown>): SupervisionView => ({
  supervisionId: r.supervision_id as string,
  caseNumber: r.case_number as string,
  regionCode: r.region_code as string,
  supervisorOrganisationId: r.supervisor_organisation_id as string,
  supervisorKind: r.supervisor_kind as string,
  instructions: r.instructions as string,
  dueAt: iso(r.due_at),
  startedAt: iso(r.started_at),
  status: r.status as string,
  deadlineId: r.deadline_id as string,
  clockState: (r.clock_state as string | null) ?? null,
  progress: r.progress as { note: string; recordedAt: string; by: string }[],
  closedAt: iso(r.closed_at),
  conclusion: (r.conclusion as string | null) ?? null,
  metDueDate: (r.met_due_date as boolean | null) ?? null,
});
