import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { AccessDeniedError, ReadAudit, type Principal } from '@pingan/access';
import { HIGH_RISK_PERSONS_CONTEXT } from '@pingan/contracts';
import { InjectRuntime, type ServiceRuntime } from '@pingan/platform';
import { KeyDestroyedError, PersonVault } from '../../crypto/person-vault.js';
import { personViewFor } from '../../high-risk-persons.access.js';
import { fullView, limitedView } from '../../read-models/person-view.js';
import { HIGH_RISK_RECORD_TYPE, erased, factsOf, loadPerson, notFound } from '../person-record.js';

/** One record, as much as the caller may see, audited before it is returned. */
export class GetPersonQuery extends Query<unknown> {
  constructor(
    readonly principal: Principal,
    readonly personId: string,
    /** Why the record is read (the read audit records it). */
    readonly purpose: string | undefined,
  ) {
    super();
  }
}

@QueryHandler(GetPersonQuery)
export class GetPersonHandler implements IQueryHandler<GetPersonQuery> {
  private readonly readAudit: ReadAudit;

  constructor(
    @InjectRuntime(HIGH_RISK_PERSONS_CONTEXT) private readonly runtime: ServiceRuntime,
    private readonly vault: PersonVault,
  ) {
    this.readAudit = new ReadAudit(runtime.store, runtime.clock);
  }

  async execute({ principal, personId, purpose }: GetPersonQuery): Promise<unknown> {
    const { events, state } = await loadPerson(this.runtime.store, personId);
    if (!state.exists) {
      // Only those who could ever see a record learn that this one does not exist.
      if (['police', 'political_legal'].includes(principal.organisationKind)) throw notFound();
      throw new AccessDeniedError();
    }
    const view = personViewFor(principal, factsOf(state));
    if (view === 'none') throw new AccessDeniedError();
    if (state.erased) throw erased();
    await this.readAudit.record({
      principal,
      recordType: HIGH_RISK_RECORD_TYPE,
      recordId: personId,
      ownerOrganisationIds: state.owners,
      purpose,
      correlationId: personId,
    });
    if (view === 'limited') return limitedView(state);
    // The review clock was started in the approval's own transaction: no catch-up needed to read it.
    const reviewDeadline = state.flag?.reviewDeadlineId
      ? await this.runtime.deadlines?.get(state.flag.reviewDeadlineId).catch(() => null)
      : null;
    try {
      const opened = (await this.vault.openAll(this.runtime.db.query, personId, fullView(state, events))) as Record<string, unknown>;
      return { ...opened, reviewDueAt: state.flag?.status === 'active' ? (reviewDeadline?.dueAt.toISOString() ?? null) : null };
    } catch (error) {
      if (error instanceof KeyDestroyedError) throw erased();
      throw error;
    }
  }
}
