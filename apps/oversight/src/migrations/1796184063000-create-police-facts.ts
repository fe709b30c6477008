import type { SchemaMigration } from '@pingan/event-store';

/**
 * The prosecution events' figures the police monthly return counts (statistics/police-monthly.ts):
 * one row per counted event, with the police unit it is counted for, what it counts (case kind,
 * penalty or measure kind, arrest outcome) and how many persons. The timeline keeps only a summary
 * line; these are the coded facts, kept by the same feed, so the return is computed, not typed in.
 */
export const CreatePoliceFacts1796184063000: SchemaMigration = {
  name: 'CreatePoliceFacts1796184063000',
  async up(query, s) {
    await query(`
      CREATE TABLE ${s}.police_facts (
        event_id       text PRIMARY KEY,
        case_number    text NOT NULL,
        type           text NOT NULL,
        unit_id        text,
        region_code    text,
        kind           text,
        persons        integer NOT NULL DEFAULT 1,
        at             timestamptz NOT NULL,
        month          text NOT NULL
      )`);
    await query(`CREATE INDEX police_facts_month ON ${s}.police_facts (month, region_code)`);
    await query(`CREATE INDEX police_facts_case ON ${s}.police_facts (case_number)`);
  },
};
