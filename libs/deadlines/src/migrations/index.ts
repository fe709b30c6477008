import type { SchemaMigration } from '@pingan/event-store';
import { CreateDeadlines1796184004000 } from './1796184004000-create-deadlines.js';

/** The clocks' schema history, oldest first. */
export const deadlineMigrations: readonly SchemaMigration[] = [CreateDeadlines1796184004000];
