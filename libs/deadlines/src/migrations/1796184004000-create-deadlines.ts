import { sqlMigration } from '@pingan/event-store';

/** `<schema>.deadlines`: one row per clock (the states as they were when written: a new state is a new migration). */
export const CreateDeadlines1796184004000 = sqlMigration('CreateDeadlines1796184004000', (s) => [
  `
      CREATE TABLE ${s}.deadlines (
        id text PRIMARY KEY,
        subject text NOT NULL,
        rule_name text NOT NULL,
        rule jsonb NOT NULL,
        state text NOT NULL CHECK (state IN ('running', 'warned', 'paused', 'met', 'breached', 'cancelled')),
        started_at timestamptz NOT NULL,
        due_at timestamptz NOT NULL,
        warn_at timestamptz NOT NULL,
        next_fire_at timestamptz,
        provisional boolean NOT NULL,
        paused_at timestamptz,
        paused_from text,
        paused_ms bigint NOT NULL DEFAULT 0,
        completed_at timestamptz,
        warned_at timestamptz,
        breached_at timestamptz,
        responsible_organisation_id text,
        supervising_organisation_id text,
        extensions jsonb NOT NULL DEFAULT '[]'
      )`,
  // The sweeper's lookup: state = X AND next_fire_at < now ORDER BY next_fire_at.
  `CREATE INDEX deadlines_state_next_fire_at ON ${s}.deadlines (state, next_fire_at)`,
  `CREATE INDEX deadlines_subject ON ${s}.deadlines (subject)`,
]);
