import { sqlMigration } from '@pingan/event-store';

/**
 * Tables that are state, not history: secrets (password hashes, refresh-token hashes) must
 * be replaceable and erasable, which an immutable event is not; the events record THAT a
 * password was set, these tables hold the hash.
 */
export const CreateCredentialTables1796184020000 = sqlMigration('CreateCredentialTables1796184020000', (s) => [
  `
      CREATE TABLE ${s}.credentials (
        user_id       text PRIMARY KEY,
        password_hash text NOT NULL,
        set_at        timestamptz NOT NULL
      );
      CREATE TABLE ${s}.refresh_tokens (
        token_id     uuid PRIMARY KEY,
        family_id    uuid NOT NULL,
        user_id      text NOT NULL,
        secret_hash  text NOT NULL,
        family_started_at timestamptz NOT NULL,
        issued_at    timestamptz NOT NULL,
        expires_at   timestamptz NOT NULL,
        used_at      timestamptz,
        revoked_at   timestamptz
      );
      CREATE INDEX refresh_tokens_user ON ${s}.refresh_tokens (user_id) WHERE revoked_at IS NULL;
      CREATE INDEX refresh_tokens_family ON ${s}.refresh_tokens (family_id);
      CREATE TABLE ${s}.login_failures (
        scope            text NOT NULL,
        key              text NOT NULL,
        failures         integer NOT NULL,
        first_failure_at timestamptz NOT NULL,
        locked_until     timestamptz,
        PRIMARY KEY (scope, key)
      );`,
]);
