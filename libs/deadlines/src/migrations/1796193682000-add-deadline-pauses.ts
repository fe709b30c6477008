import type { SchemaMigration } from '@pingan/event-store';

/**
 * What a clock's due instant is recomputed from when a calendar year is loaded: each pause
 * (`pauses`, [{ from, to }] as ISO strings, recorded on resume) and whether the due instant was set
 * for this one clock (`due_set`: a supervisor's date is not counted on the calendar). Clocks paused
 * before this migration have no pauses recorded and are left as they are by a recompute.
 */
export const AddDeadlinePauses1796193682000: SchemaMigration = {
  name: 'AddDeadlinePauses1796193682000',
  async up(query, s) {
    await query(
      `ALTER TABLE ${s}.deadlines ADD COLUMN pauses jsonb NOT NULL DEFAULT '[]', ADD COLUMN due_set boolean NOT NULL DEFAULT false`,
    );
    // A recompute looks only at provisional clocks that can still change.
    await query(`CREATE INDEX deadlines_provisional ON ${s}.deadlines (state) WHERE provisional`);
  },
};
