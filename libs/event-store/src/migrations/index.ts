import type { SchemaMigration } from '../schema-migrations.js';
import { CreateEventStore1796184000000 } from './1796184000000-create-event-store.js';
import { CreateProjectionCheckpoints1796184001000 } from './1796184001000-create-projection-checkpoints.js';

export { CreateEventStore1796184000000, CreateProjectionCheckpoints1796184001000 };

/** The event store's schema history, oldest first: streams and events, then projection checkpoints. */
export const eventStoreMigrations: readonly SchemaMigration[] = [CreateEventStore1796184000000, CreateProjectionCheckpoints1796184001000];
