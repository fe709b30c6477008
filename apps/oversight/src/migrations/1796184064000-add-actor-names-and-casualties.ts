import type { SchemaMigration } from '@pingan/event-store';

/**
 * Printed timelines name people and the harm done: the actor's name as their event carried it
 * (`actor.name`, null for events written before actors carried one, and for the system), and
 * the incident's casualties summed over the groups, by grade (null before its report was read).
 */
export const AddActorNamesAndCasualties1796184064000: SchemaMigration = {
  name: 'AddActorNamesAndCasualties1796184064000',
  async up(query, s) {
    await query(`ALTER TABLE ${s}.timeline ADD COLUMN actor_name text`);
    await query(`ALTER TABLE ${s}.cases ADD COLUMN casualties jsonb`);
  },
};
