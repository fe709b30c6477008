import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ReadAudit, type Principal } from '@pingan/access';
import { PROSECUTION_CONTEXT } from '@pingan/contracts';
import { InjectRuntime, type ServiceRuntime } from '@pingan/platform';
import { SuspectIdentities } from '../../read-models/suspect-identities.js';
import { assertCanReadSuspects } from '../case-access.js';
import { caseForCaller, caseStateOf } from '../loaded-case.js';

export const SUSPECT_RECORD_TYPE = 'police-case-suspects';

export interface CaseSuspects {
  caseNumber: string;
  suspects: { suspectId: string; name: string | null; custody: string }[];
}

/** The case's suspects with their names (personal data): need-to-know, and every read audited. */
export class GetCaseSuspectsQuery extends Query<CaseSuspects> {
  constructor(
    readonly principal: Principal,
    readonly caseNumber: string,
    /** Why the names are read (the read audit records it). */
    readonly purpose: string | undefined,
  ) {
    super();
  }
}

@QueryHandler(GetCaseSuspectsQuery)
export class GetCaseSuspectsHandler implements IQueryHandler<GetCaseSuspectsQuery> {
  private readonly audit: ReadAudit;

  constructor(
    @InjectRuntime(PROSECUTION_CONTEXT) private readonly runtime: ServiceRuntime,
    private readonly identities: SuspectIdentities,
  ) {
    this.audit = new ReadAudit(runtime.store, () => runtime.clock());
  }

  async execute({ principal, caseNumber, purpose }: GetCaseSuspectsQuery): Promise<CaseSuspects> {
    const history = await this.runtime.store.readStream(caseNumber);
    const loaded = caseForCaller(principal, caseNumber, caseStateOf(history), history);
    assertCanReadSuspects(principal, loaded);
    // Recorded before anything is returned; if the audit fails, the read fails.
    await this.audit.record({
      principal,
      recordType: SUSPECT_RECORD_TYPE,
      recordId: caseNumber,
      ownerOrganisationIds: [loaded.state.handlingUnitId],
      purpose,
      correlationId: caseNumber,
    });
    const names = await this.identities.namesOf(caseNumber);
    return {
      caseNumber,
      suspects: Object.values(loaded.state.suspects).map((s) => ({
        suspectId: s.suspectId,
        name: names.get(s.suspectId) ?? null,
        custody: s.custody,
      })),
    };
  }
}
