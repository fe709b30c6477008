import { sqlMigration } from '@pingan/event-store';

/**
 * One row per (caller, method, path, key): the request's fingerprint, who holds it while it runs
 * (`claim`), and once it succeeded the answer to replay. The body is text, not jsonb, so a replay
 * sends the fields in the order the first answer had.
 */
export const CreateIdempotencyKeys1796214810000 = sqlMigration('CreateIdempotencyKeys1796214810000', (s) => [
  `CREATE TABLE ${s}.idempotency_keys (
     caller text NOT NULL,
     method text NOT NULL,
     path text NOT NULL,
     key text NOT NULL,
     fingerprint text NOT NULL,
     claim uuid NOT NULL,
     claimed_at timestamptz NOT NULL,
     completed_at timestamptz,
     status integer,
     headers jsonb,
     body text,
     expires_at timestamptz NOT NULL,
     PRIMARY KEY (caller, method, path, key)
   )`,
  `CREATE INDEX idempotency_keys_expiry ON ${s}.idempotency_keys (expires_at)`,
]);
