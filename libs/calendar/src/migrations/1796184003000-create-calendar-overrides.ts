import type { CalendarMigration } from './index.js';

/** The administrator's overrides of the China calendar and the schedules they were loaded from. */
export const CreateCalendarOverrides1796184003000: CalendarMigration = {
  name: 'CreateCalendarOverrides1796184003000',
  async up(query, s) {
    await query(`
      CREATE TABLE ${s}.calendar_schedules (
        year       integer     PRIMARY KEY,
        completed  boolean     NOT NULL,
        source     text        NOT NULL,
        loaded_by  text        NOT NULL,
        loaded_at  timestamptz NOT NULL
      )`);
    await query(`
      CREATE TABLE ${s}.calendar_overrides (
        date  date PRIMARY KEY,
        year  integer NOT NULL REFERENCES ${s}.calendar_schedules (year),
        kind  text NOT NULL CHECK (kind IN ('working', 'off')),
        note  text NOT NULL,
        CHECK (year = extract(year FROM date))
      )`);
  },
};
