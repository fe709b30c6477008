import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { AccessDeniedError, ReadAudit, type Principal } from '@pingan/access';
import { HIGH_RISK_PERSONS_CONTEXT } from '@pingan/contracts';
import { InjectRuntime, type ServiceRuntime } from '@pingan/platform';
import { loadPerson } from '../person-record.js';

/** Who read this person's record: members of an organisation that proposed a flag on them. */
export class ListPersonReadsQuery extends Query<Awaited<ReturnType<ReadAudit['listReads']>>> {
  constructor(
    readonly principal: Principal,
    readonly personId: string,
    readonly window: { limit?: number; offset?: number },
  ) {
    super();
  }
}

@QueryHandler(ListPersonReadsQuery)
export class ListPersonReadsHandler implements IQueryHandler<ListPersonReadsQuery> {
  private readonly readAudit: ReadAudit;

  constructor(@InjectRuntime(HIGH_RISK_PERSONS_CONTEXT) private readonly runtime: ServiceRuntime) {
    this.readAudit = new ReadAudit(runtime.store, runtime.clock);
  }

  async execute({ principal, personId, window }: ListPersonReadsQuery) {
    const { state } = await loadPerson(this.runtime.store, personId);
    if (!state.exists || !state.owners.includes(principal.organisationId)) throw new AccessDeniedError();
    return this.readAudit.listReads(principal.organisationId, { recordId: personId, ...window });
  }
}
