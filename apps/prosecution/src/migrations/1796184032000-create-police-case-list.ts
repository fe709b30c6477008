import { sqlMigration } from '@pingan/event-store';

/** The police case list read model (read-models/case-list.projection.ts). */
export const CreatePoliceCaseList1796184032000 = sqlMigration('CreatePoliceCaseList1796184032000', (s) => [
  `CREATE TABLE ${s}.police_case_list (
      case_number text PRIMARY KEY,
      hospital_id text NOT NULL,
      region_code text NOT NULL,
      kind text NOT NULL,
      stage text NOT NULL,
      origin text NOT NULL,
      incident_id text,
      handling_unit_id text NOT NULL,
      party_ids text[] NOT NULL DEFAULT '{}',
      under_supervision boolean NOT NULL DEFAULT false,
      supervisor_organisation_id text,
      suspect_count integer NOT NULL DEFAULT 0,
      accepted_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL
    )`,
  `CREATE INDEX police_case_list_region ON ${s}.police_case_list (region_code text_pattern_ops)`,
]);
