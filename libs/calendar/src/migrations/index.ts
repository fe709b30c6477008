import type { SqlQuery } from '../calendar-override.repository.js';
import { CreateCalendarOverrides1796184003000 } from './1796184003000-create-calendar-overrides.js';

/**
 * A step of the calendar tables' history: the shape of `SchemaMigration` (@pingan/event-store,
 * whose runner applies it), spelt out so that this library keeps no dependency on the store.
 */
export interface CalendarMigration {
  readonly name: string;
  up(query: SqlQuery, schema: string): Promise<void>;
}

/** The calendar override tables' schema history, oldest first. */
export const calendarMigrations: readonly CalendarMigration[] = [CreateCalendarOverrides1796184003000];
