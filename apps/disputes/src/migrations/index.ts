import type { SchemaMigration } from '@pingan/event-store';
import { CreateDisputesTables1796184040000 } from './1796184040000-create-disputes-tables.js';

export { CreateDisputeList1796184041000 } from './1796184041000-create-dispute-list.js';
export { CreateDisputeOutcomes1796184042000 } from './1796184042000-create-dispute-outcomes.js';

/** The disputes service's own tables, oldest first (its projections declare theirs). */
export const disputesMigrations: readonly SchemaMigration[] = [CreateDisputesTables1796184040000];
