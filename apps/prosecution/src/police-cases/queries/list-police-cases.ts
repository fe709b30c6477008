import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { readScope, withNames, type Principal } from '@pingan/access';
import { PROSECUTION_CONTEXT } from '@pingan/contracts';
import { InjectRuntime, type Page, type ServiceRuntime } from '@pingan/platform';
import { CaseListQueries, type CaseListFilter, type CaseListItem } from '../../read-models/case-list.queries.js';

/** The cases the caller may see (`readScope`), filtered as asked. */
export class ListPoliceCasesQuery extends Query<Page<CaseListItem>> {
  constructor(
    readonly principal: Principal,
    readonly filter: CaseListFilter,
  ) {
    super();
  }
}

@QueryHandler(ListPoliceCasesQuery)
export class ListPoliceCasesHandler implements IQueryHandler<ListPoliceCasesQuery> {
  constructor(
    @InjectRuntime(PROSECUTION_CONTEXT) private readonly runtime: ServiceRuntime,
    private readonly list: CaseListQueries,
  ) {}

  async execute({ principal, filter }: ListPoliceCasesQuery): Promise<Page<CaseListItem>> {
    await this.runtime.catchUpProjections(); // the list is a read model: the caller sees its own write at once
    const page = await this.list.list(readScope(principal), filter, principal);
    // The region's name beside its code (issue 14, item 4); organisation names wait for a directory copy here.
    return { ...page, items: await withNames(page.items, null) };
  }
}
