import { sqlMigration } from '@pingan/event-store';

/** Each hospital's latest filed profile (read-models/profiles.projection.ts); the standards are evaluated on read. */
export const CreateProfiles1796184070000 = sqlMigration('CreateProfiles1796184070000', (s) => [
  `
      CREATE TABLE ${s}.profiles (
        hospital_id text PRIMARY KEY,
        region_code text NOT NULL,
        level       text,
        ownership   text,
        revision    integer NOT NULL,
        profile     jsonb NOT NULL,
        filed_at    timestamptz NOT NULL
      );
      CREATE INDEX profiles_region ON ${s}.profiles (region_code text_pattern_ops);`,
]);
