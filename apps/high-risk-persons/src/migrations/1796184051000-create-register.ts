import { sqlMigration } from '@pingan/event-store';

/** The register read model (read-models/register.projection.ts). */
export const CreateRegister1796184051000 = sqlMigration('CreateRegister1796184051000', (s) => [
  `
      CREATE TABLE ${s}.register (
        person_id                 text PRIMARY KEY,
        region_code               text NOT NULL,
        status                    text NOT NULL,
        flag_no                   integer NOT NULL,
        categories                text[] NOT NULL,
        proposing_organisation_id text,
        approving_organisation_id text,
        activated_at              timestamptz,
        updated_at                timestamptz NOT NULL
      );
      CREATE INDEX register_region ON ${s}.register (region_code text_pattern_ops);`,
]);
