import { sqlMigration } from '@pingan/event-store';

/** Per-person data keys, wrapped, and the keyed hash of the ID number (crypto/person-vault.ts). */
export const CreatePersonKeys1796184050000 = sqlMigration('CreatePersonKeys1796184050000', (s) => [
  `
      CREATE TABLE ${s}.person_keys (
        person_id     text PRIMARY KEY,
        key_id        text NOT NULL,
        wrapped_key   text,
        master_key_id text NOT NULL,
        id_hash       text,
        created_at    timestamptz NOT NULL,
        destroyed_at  timestamptz
      );
      CREATE UNIQUE INDEX person_keys_id_hash ON ${s}.person_keys (id_hash) WHERE id_hash IS NOT NULL;`,
]);
