import type { SchemaMigration } from '@pingan/event-store';
import { CreateNotifications1796184070000 } from './1796184070000-create-notifications.js';

/** The notifications service's own tables, oldest first. */
export const notificationsMigrations: readonly SchemaMigration[] = [CreateNotifications1796184070000];
