import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { withNames, type Principal } from '@pingan/access';
import { InjectRuntime, type Page, type ServiceRuntime } from '@pingan/platform';
import type { IncidentSummary } from '../../domain/index.js';
import { INCIDENTS_CONTEXT_NAME } from '../../incidents.context.js';
import { listIncidents, type IncidentListFilter } from '../../read-models/incident-list.query.js';

/** The incidents the caller may see, filtered as asked. */
export class ListIncidentsQuery extends Query<Page<IncidentSummary>> {
  constructor(
    readonly principal: Principal,
    readonly filter: IncidentListFilter,
  ) {
    super();
  }
}

@QueryHandler(ListIncidentsQuery)
export class ListIncidentsHandler implements IQueryHandler<ListIncidentsQuery> {
  constructor(@InjectRuntime(INCIDENTS_CONTEXT_NAME) private readonly runtime: ServiceRuntime) {}

  async execute({ principal, filter }: ListIncidentsQuery): Promise<Page<IncidentSummary>> {
    await this.runtime.catchUpProjections(); // the list is a read model: the caller sees its own report at once
    const page = await listIncidents(this.runtime.db.query, this.runtime.schema, principal, filter);
    // Names beside ids (issue 14, item 4): the hospital's from the directory copy, the region's.
    return { ...page, items: await withNames(page.items, this.runtime.directory, { hospitalId: 'hospitalName' }) };
  }
}
