import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { readScope, withNames, type Principal } from '@pingan/access';
import { DISPUTES_CONTEXT } from '@pingan/contracts';
import { InjectRuntime, type Page, type ServiceRuntime } from '@pingan/platform';
import { listDisputes, type DisputeListFilter, type DisputeListItem } from '../../read-models/dispute.queries.js';

/** The disputes the caller may see (own hospital, referred to it, its region), filtered as asked. */
export class ListDisputesQuery extends Query<Page<DisputeListItem>> {
  constructor(
    readonly principal: Principal,
    readonly filter: DisputeListFilter,
  ) {
    super();
  }
}

@QueryHandler(ListDisputesQuery)
export class ListDisputesHandler implements IQueryHandler<ListDisputesQuery> {
  constructor(@InjectRuntime(DISPUTES_CONTEXT) private readonly runtime: ServiceRuntime) {}

  async execute({ principal, filter }: ListDisputesQuery): Promise<Page<DisputeListItem>> {
    await this.runtime.catchUpProjections(); // the list is a read model: the caller sees its own step at once
    const page = await listDisputes(this.runtime.db.query, readScope(principal), filter, principal);
    // The region's name beside its code (issue 14, item 4); organisation names wait for a directory copy here.
    return { ...page, items: await withNames(page.items, null) };
  }
}
