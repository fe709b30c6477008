import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { AccessDeniedError, type Principal } from '@pingan/access';
import { InjectRuntime, type ServiceRuntime } from '@pingan/platform';
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
}

/** Supervisions of the caller's region, or its own. */
export class ListSupervisionsQuery extends Query<SupervisionView[]> {
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

  execute({ principal, filter }: ListSupervisionsQuery): Promise<SupervisionView[]> {
    return listSupervisions(this.runtime, principal, filter);
  }
}

@QueryHandler(GetSupervisionQuery)
export class GetSupervisionHandler implements IQueryHandler<GetSupervisionQuery> {
  constructor(@InjectRuntime('oversight') private readonly runtime: ServiceRuntime) {}

  async execute({ principal, supervisionId }: GetSupervisionQuery): Promise<SupervisionView> {
    const found = (await listSupervisions(this.runtime, principal, {})).find((r) => r.supervisionId === supervisionId);
    if (!found) throw new AccessDeniedError();
    return found;
  }
}

async function listSupervisions(runtime: ServiceRuntime, principal: Principal, filter: SupervisionFilter): Promise<SupervisionView[]> {
  await runtime.catchUpProjections(); // a read model: the caller sees its own supervision at once
  const params: unknown[] = [principal.organisationId, oversightPrefix(principal)];
  const where = [`(supervisor_organisation_id = $1 OR ($2::text IS NOT NULL AND region_code LIKE $2 || '%'))`];
  if (filter.status) {
    params.push(filter.status);
    where.push(`status = $${params.length}`);
  }
  if (filter.caseNumber) {
    params.push(filter.caseNumber);
    where.push(`case_number = $${params.length}`);
  }
  const rows = await runtime.db.query<Record<string, unknown>>(
    `SELECT s.*, b.state AS clock_state FROM ${S}.supervisions s
     LEFT JOIN ${S}.board b ON b.context = 'oversight' AND b.deadline_id = s.deadline_id
     WHERE ${where.join(' AND ')} ORDER BY due_at, supervision_id LIMIT 1000`,
    params,
  );
  return rows.map(toView);
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
