import type { SchemaMigration } from '@pingan/event-store';

/** The state 'lapsed': a clock of an onExpiry 'lapse' rule that ran out (a window's outcome, not a breach). */
export const AddLapsedState1796300000000: SchemaMigration = {
  name: 'AddLapsedState1796300000000',
  async up(query, s) {
    await query(
      `ALTER TABLE ${s}.deadlines DROP CONSTRAINT deadlines_state_check,
         ADD CONSTRAINT deadlines_state_check
           CHECK (state IN ('running', 'warned', 'paused', 'met', 'breached', 'lapsed', 'cancelled'))`,
    );
  },
};
