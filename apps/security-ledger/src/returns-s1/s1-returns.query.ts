import { Query, QueryBus, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { Principal } from '@pingan/access';
import { SECURITY_LEDGER_CONTEXT } from '@pingan/contracts';
import { InjectRuntime, type ServiceRuntime } from '@pingan/platform';
import type { SecurityProfile } from '../domain/security-profile.js';
import { regionPrefix } from '../ledger/hospital-facts.js';
import type { RegionLedger } from '../ledger/export/ledger-return.js';
import { RegionLedgerQuery } from '../ledger/queries/region-ledger.js';
import { profilesIn } from '../read-models/profiles.projection.js';
import type { S1ReturnInput } from './s1-returns.js';

/** What S1's two returns are made of: the region's ledger, the profiles as filed, the caller's unit by name. */
export class S1ReturnQuery extends Query<Omit<S1ReturnInput, 'now'>> {
  constructor(
    readonly principal: Principal,
    readonly region: string | undefined,
  ) {
    super();
  }
}

@QueryHandler(S1ReturnQuery)
export class S1ReturnHandler implements IQueryHandler<S1ReturnQuery> {
  constructor(
    private readonly queries: QueryBus,
    @InjectRuntime(SECURITY_LEDGER_CONTEXT) private readonly runtime: ServiceRuntime,
  ) {}

  async execute({ principal, region }: S1ReturnQuery): Promise<Omit<S1ReturnInput, 'now'>> {
    // The ledger's query: its readers (403 otherwise), its hospitals, grades and evaluations.
    const ledger = (await this.queries.execute(new RegionLedgerQuery(principal, region, undefined))) as RegionLedger;
    const [rows, unit] = await Promise.all([
      profilesIn(this.runtime.db.query, regionPrefix(ledger.regionCode)),
      this.runtime.directory?.find(principal.organisationId),
    ]);
    const profiles: Record<string, SecurityProfile> = Object.fromEntries(rows.map((r) => [r.hospitalId, r.profile]));
    // An organisation the directory copy does not (yet) know shows as itself, never as nothing.
    return { ledger, profiles, unit: unit?.name ?? principal.organisationId };
  }
}
