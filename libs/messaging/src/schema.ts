import type { Database } from '@pingan/event-store';

/** Schema names go into SQL text, so only plain identifiers. */
export function assertSchema(schema: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`invalid schema name: ${schema}`);
  return schema;
}

/**
 * The messaging tables of one service schema. Idempotent: safe at every start.
 * - inbox: which events a consumer group has already applied (written in the same transaction as the effect);
 * - relay_checkpoints: how far the outbox relay has published, and who holds the relay's lease.
 */
export async function migrateMessaging(db: Database, schema: string): Promise<void> {
  const s = assertSchema(schema);
  // Serialised: two `CREATE ... IF NOT EXISTS` of one table at once can still collide in the catalog.
  await db.transaction(async (query) => {
    await query(`SELECT pg_advisory_xact_lock(hashtext('pingan.migrate.' || $1))`, [s]);
    await query(`CREATE SCHEMA IF NOT EXISTS ${s}`);
    await query(`
    CREATE TABLE IF NOT EXISTS ${s}.inbox (
      consumer_group text NOT NULL,
      event_id       uuid NOT NULL,
      event_type     text NOT NULL,
      processed_at   timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (consumer_group, event_id)
    )`);
    await query(`
    CREATE TABLE IF NOT EXISTS ${s}.relay_checkpoints (
      relay_name      text PRIMARY KEY,
      transaction_id  xid8 NOT NULL DEFAULT '0',
      global_position bigint NOT NULL DEFAULT 0,
      updated_at      timestamptz NOT NULL DEFAULT now(),
      lease_owner     text,
      lease_until     timestamptz
    )`);
  });
}
