import { sqlMigration } from '@pingan/event-store';

/**
 * Per-case keys of the 110 callers' details (wrapped by the service's master key; NULL once
 * erased) and the retention period a system administrator sets (caller-data/).
 */
export const CreateCallerData1796184012000 = sqlMigration('CreateCallerData1796184012000', (s) => [
  `CREATE TABLE ${s}.caller_keys (
         record_id     text PRIMARY KEY,
         key_id        text NOT NULL,
         wrapped_key   text,
         master_key_id text NOT NULL,
         created_at    timestamptz NOT NULL,
         destroyed_at  timestamptz
       )`,
  `CREATE TABLE ${s}.caller_data_settings (
         id             boolean PRIMARY KEY DEFAULT true CHECK (id),
         retention_days integer NOT NULL,
         set_by         text NOT NULL,
         set_at         timestamptz NOT NULL
       )`,
]);
