import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { AccessDeniedError, readScope, regionContains, regionPrefix, type Principal } from '@pingan/access';
import { DISPUTES_CONTEXT } from '@pingan/contracts';
import { InjectRuntime, type ServiceRuntime } from '@pingan/platform';
import { outcomeStatistics, type OutcomeStatisticsRow } from '../../read-models/dispute.queries.js';

export interface DisputeStatistics {
  regionPrefix: string;
  months: OutcomeStatisticsRow[];
}

/** Outcome statistics by opening month and region, within the caller's (a commission's) region. */
export class DisputeStatisticsQuery extends Query<DisputeStatistics> {
  constructor(
    readonly principal: Principal,
    /** Narrow to a region within the caller's. */
    readonly regionCode: string | undefined,
    readonly months: { from?: string; to?: string },
  ) {
    super();
  }
}

@QueryHandler(DisputeStatisticsQuery)
export class DisputeStatisticsHandler implements IQueryHandler<DisputeStatisticsQuery> {
  constructor(@InjectRuntime(DISPUTES_CONTEXT) private readonly runtime: ServiceRuntime) {}

  async execute({ principal, regionCode, months }: DisputeStatisticsQuery): Promise<DisputeStatistics> {
    const scope = readScope(principal);
    if (scope.regionPrefix === null) throw new AccessDeniedError();
    let prefix = scope.regionPrefix;
    if (regionCode) {
      if (!regionContains(principal.organisationRegion, regionCode)) throw new AccessDeniedError();
      prefix = regionPrefix(regionCode);
    }
    await this.runtime.catchUpProjections(); // a read model: the caller's own steps are counted at once
    return { regionPrefix: prefix, months: await outcomeStatistics(this.runtime.db.query, prefix, months) };
  }
}
