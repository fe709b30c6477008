import { sqlMigration } from '@pingan/event-store';

/**
 * - inbox: which events a consumer group has already applied (written in the same transaction as the effect);
 * - relay_checkpoints: how far the outbox relay has published, and who holds the relay's lease.
 */
export const CreateInboxAndRelayCheckpoints1796184002000 = sqlMigration('CreateInboxAndRelayCheckpoints1796184002000', (s) => [
  `
    CREATE TABLE ${s}.inbox (
      consumer_group text NOT NULL,
      event_id       uuid NOT NULL,
      event_type     text NOT NULL,
      processed_at   timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (consumer_group, event_id)
    )`,
  `
    CREATE TABLE ${s}.relay_checkpoints (
      relay_name      text PRIMARY KEY,
      transaction_id  xid8 NOT NULL DEFAULT '0',
      global_position bigint NOT NULL DEFAULT 0,
      updated_at      timestamptz NOT NULL DEFAULT now(),
      lease_owner     text,
      lease_until     timestamptz
    )`,
]);
