import { DISPUTES_CONTEXT } from '@pingan/contracts';
import type { ServiceRuntimeOptions } from '@pingan/platform';
import { DISPUTE_DEADLINE_RULES } from './domain/deadline-rules.js';
import { disputesMigrations } from './migrations/index.js';
import { disputeListProjection } from './read-models/dispute-list.projection.js';
import { disputeStatisticsProjection } from './read-models/dispute-statistics.projection.js';

/** The context's runtime: exported so tests can build it with a controlled clock. */
export const DISPUTES_RUNTIME_OPTIONS: ServiceRuntimeOptions = {
  context: DISPUTES_CONTEXT,
  migrations: disputesMigrations,
  projections: [disputeListProjection, disputeStatisticsProjection],
  deadlines: { rules: DISPUTE_DEADLINE_RULES },
  // Mediators, courts and the supervising bodies come from the service's copy of the access directory.
  directory: true,
};
