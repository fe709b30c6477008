import type { Projection, Query, StoredEvent } from '@pingan/event-store';
import { CreateDirectory1796184021000 } from '../migrations/index.js';
import type { OrganisationEvent } from '../domain/organisation.decider.js';
import type { UserEvent } from '../domain/user.decider.js';

const S = 'access';

/** The directory as tables, for lookups (login, token claims, admin screens); rebuilt from the events at will. */
export const directoryProjection: Projection = {
  name: 'directory',

  migrations: [CreateDirectory1796184021000],

  async reset(query: Query) {
    await query(`DELETE FROM ${S}.users`);
    await query(`DELETE FROM ${S}.organisations`);
  },

  async apply(stored: StoredEvent, query: Query) {
    const event = { type: stored.type, data: stored.data } as OrganisationEvent | UserEvent;
    const at = stored.occurredAt;
    switch (event.type) {
      case 'OrganisationRegistered': {
        const d = event.data;
        await query(
          `INSERT INTO ${S}.organisations (organisation_id, kind, name, region_code, parent_id, details, active, registered_at)
           VALUES ($1, $2, $3, $4, $5, $6, true, $7) ON CONFLICT (organisation_id) DO NOTHING`,
          [d.organisationId, d.kind, d.name, d.regionCode, d.parentId, JSON.stringify(d.details), at],
        );
        return;
      }
      case 'OrganisationDeactivated':
        await query(`UPDATE ${S}.organisations SET active = false, deactivated_at = $2 WHERE organisation_id = $1`, [
          event.data.organisationId,
          at,
        ]);
        return;
      case 'UserRegistered': {
        const d = event.data;
        await query(
          `INSERT INTO ${S}.users (user_id, username, display_name, phone, organisation_id, roles, active, registered_at)
           VALUES ($1, $2, $3, $4, $5, $6, true, $7) ON CONFLICT (user_id) DO NOTHING`,
          [d.userId, d.username, d.displayName, d.phone, d.organisationId, d.roles, at],
        );
        return;
      }
      case 'RolesAssigned':
        await query(`UPDATE ${S}.users SET roles = $2 WHERE user_id = $1`, [event.data.userId, event.data.roles]);
        return;
      case 'UserDeactivated':
        await query(`UPDATE ${S}.users SET active = false, deactivated_at = $2 WHERE user_id = $1`, [event.data.userId, at]);
        return;
      default:
        return; // PasswordSet, UsernameClaimed, SensitiveRecordRead: nothing to show here
    }
  },
};
