import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { regionPrefix, readScope, type Principal } from '@pingan/access';
import { HIGH_RISK_PERSONS_CONTEXT } from '@pingan/contracts';
import { InjectRuntime, type ServiceRuntime } from '@pingan/platform';
import { listRegister } from '../../read-models/register.projection.js';

/** Police and political-legal: the register of their region, pseudonymous (open a record for identity). */
export class ListRegisterQuery extends Query<Awaited<ReturnType<typeof listRegister>>> {
  constructor(
    readonly principal: Principal,
    readonly filter: { status?: string; limit?: number },
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
    return listRegister(this.runtime.db.query, { regionPrefix: prefix, status: filter.status, limit: Math.min(filter.limit ?? 100, 500) });
  }
}
