import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { AccessDeniedError, type Principal } from '@pingan/access';
import {
  SECURITY_LEDGER_CONTEXT,
  selfInspectionDeadlineId,
  selfInspectionReturnStreamId,
  type SecurityLedgerEvent,
  type SelfInspectionFilingStatus,
} from '@pingan/contracts';
import { fold } from '@pingan/event-store';
import { InjectRuntime, type ServiceRuntime } from '@pingan/platform';
import { SecurityLedgerError } from '../../domain/security-ledger.errors.js';
import { selfInspectionReturnDecider, type SelfInspectionReturnState } from '../../domain/self-inspection-return.decider.js';
import { canReadLedger } from '../../security-ledger.access.js';
import { regionName } from '../hospital-facts.js';

/** One return: each hospital of it filed on time / late, or not yet (pending) / overdue (missing), with its clock. */
export class GetReturnQuery extends Query<unknown> {
  constructor(
    readonly principal: Principal,
    readonly returnId: string,
  ) {
    super();
  }
}

/** Where a hospital stands on a return at `now`. */
export function filingStatus(state: SelfInspectionReturnState, hospitalId: string, now: Date): SelfInspectionFilingStatus {
  const filing = state.filings[hospitalId];
  if (filing) return filing.onTime ? 'on_time' : 'late';
  return now.getTime() > new Date(state.dueAt!).getTime() ? 'missing' : 'pending';
}

@QueryHandler(GetReturnQuery)
export class GetReturnHandler implements IQueryHandler<GetReturnQuery> {
  constructor(@InjectRuntime(SECURITY_LEDGER_CONTEXT) private readonly runtime: ServiceRuntime) {}

  async execute({ principal, returnId }: GetReturnQuery) {
    const events = await this.runtime.store.readStream(selfInspectionReturnStreamId(returnId));
    const state = fold(selfInspectionReturnDecider, events as unknown as SecurityLedgerEvent[]);
    const overseer = principal.organisationKind === 'police' || principal.organisationKind === 'health_commission';
    if (!state.set) {
      // Only those who oversee hospitals learn that a return does not exist.
      if (overseer) throw new SecurityLedgerError('SECURITY_LEDGER.RETURN_NOT_FOUND', `No return ${returnId}`);
      throw new AccessDeniedError();
    }
    // Police and commissions of the region or above see every hospital; a hospital of the return only its own row.
    const hospitalIds = canReadLedger(principal, state.regionCode!)
      ? state.hospitalIds
      : principal.organisationKind === 'hospital' && state.hospitalIds.includes(principal.organisationId)
        ? [principal.organisationId]
        : null;
    if (!hospitalIds) throw new AccessDeniedError();
    const now = this.runtime.clock();
    const names = new Map(
      (await Promise.all(hospitalIds.map((id) => this.runtime.directory?.find(id)))).flatMap((o) => (o ? [[o.organisationId, o]] : [])),
    );
    const hospitals = await Promise.all(
      hospitalIds.map(async (hospitalId) => {
        const filing = state.filings[hospitalId] ?? null;
        const clock = await this.runtime.deadlines?.get(selfInspectionDeadlineId(returnId, hospitalId));
        const org = names.get(hospitalId);
        return {
          hospitalId,
          name: org?.name ?? hospitalId,
          regionCode: org?.regionCode ?? null,
          regionName: org ? regionName(org.regionCode) : null,
          status: filingStatus(state, hospitalId, now),
          filedAt: filing?.filedAt ?? null,
          profileRevision: filing?.profileRevision ?? null,
          profile: filing?.profile ?? null,
          evidence: filing?.evidence ?? [],
          clock: clock
            ? { state: clock.state, dueAt: clock.dueAt.toISOString(), breachedAt: clock.breachedAt?.toISOString() ?? null }
            : null,
        };
      }),
    );
    const count = (s: SelfInspectionFilingStatus) => hospitals.filter((h) => h.status === s).length;
    return {
      returnId,
      title: state.title,
      commissionId: state.commissionId,
      regionCode: state.regionCode,
      regionName: regionName(state.regionCode!),
      asOf: state.asOf,
      dueOn: state.dueOn,
      dueAt: state.dueAt,
      setAt: state.setAt,
      counts: {
        hospitals: hospitals.length,
        on_time: count('on_time'),
        late: count('late'),
        missing: count('missing'),
        pending: count('pending'),
      },
      hospitals,
    };
  }
}
