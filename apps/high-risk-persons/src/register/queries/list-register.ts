import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { hasRole, regionPrefix, readScope, withNames, type Principal } from '@pingan/access';
import { HIGH_RISK_PERSONS_CONTEXT } from '@pingan/contracts';
import { InjectRuntime, pageWindow, type ServiceRuntime } from '@pingan/platform';
import { listRegister } from '../../read-models/register.projection.js';

/** Police and political-legal: the register of their region, pseudonymous (open a record for identity). */
export class ListRegisterQuery extends Query<Awaited<ReturnType<typeof listRegister>>> {
  constructor(
    readonly principal: Principal,
    readonly filter: {
      status?: string;
      unit?: string;
      from?: string;
      to?: string;
      q?: string;
      awaitingMe?: boolean;
      limit?: number;
      offset?: number;
    },
  ) {
    super();
  }
}

@QueryHandler(ListRegisterQuery)
export class ListRegisterHandler implements IQueryHandler<ListRegisterQuery> {
  constructor(@InjectRuntime(HIGH_RISK_PERSONS_CONTEXT) private readonly runtime: ServiceRuntime) {}

  async execute({ principal, filter }: ListRegisterQuery) {
    const prefix = readScope(principal).regionPrefix ?? regionPrefix(principal.organisationRegion);
    await this.runtime.catchUpProjections(); // the register is a read model: the caller sees its own proposal at once
    const { awaitingMe, ...rest } = filter;
    // Waiting for the caller: proposed flags its organisation did not propose, if it may decide them.
    const decides = hasRole(principal, 'station_chief', 'political_legal_officer');
    const page = await listRegister(this.runtime.db.query, {
      ...rest,
      regionPrefix: prefix,
      ...(awaitingMe ? { awaitingOrganisationId: decides ? principal.organisationId : null } : {}),
      ...pageWindow(filter),
    });
    // The region's name beside its code (issue 14, item 4); organisation names wait for a directory copy here.
    return { ...page, items: await withNames(page.items, null) };
  }
}
