import type { SchemaMigration } from '@pingan/event-store';
import { CreateDeadlines1796184004000 } from './1796184004000-create-deadlines.js';
import { AddDeadlinePauses1796193682000 } from './1796193682000-add-deadline-pauses.js';
import { AddLapsedState1796300000000 } from './1796300000000-add-lapsed-state.js';

/** The clocks' schema history, oldest first. */
export const deadlineMigrations: readonly SchemaMigration[] = [
  CreateDeadlines1796184004000,
  AddDeadlinePauses1796193682000,
  AddLapsedState1796300000000,
];
