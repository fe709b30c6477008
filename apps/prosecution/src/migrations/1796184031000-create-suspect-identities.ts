import { sqlMigration } from '@pingan/event-store';

/** Suspects' names, kept out of the events (read-models/suspect-identities.ts). */
export const CreateSuspectIdentities1796184031000 = sqlMigration('CreateSuspectIdentities1796184031000', (s) => [
  `CREATE TABLE ${s}.suspect_identities (
      case_number text NOT NULL,
      suspect_id text NOT NULL,
      name text NOT NULL,
      recorded_at timestamptz NOT NULL,
      PRIMARY KEY (case_number, suspect_id)
    )`,
]);
