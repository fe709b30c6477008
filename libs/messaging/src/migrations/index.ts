import type { SchemaMigration } from '@pingan/event-store';
import { CreateInboxAndRelayCheckpoints1796184002000 } from './1796184002000-create-inbox-and-relay-checkpoints.js';

/** The messaging tables' schema history (inbox consumers and the outbox relay share it), oldest first. */
export const messagingMigrations: readonly SchemaMigration[] = [CreateInboxAndRelayCheckpoints1796184002000];
