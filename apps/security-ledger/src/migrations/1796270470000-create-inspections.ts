import { sqlMigration } from '@pingan/event-store';

/** Inspections and their rectification items, for the region's ledger and a hospital's list (read-models/inspections.projection.ts). */
export const CreateInspections1796270470000 = sqlMigration('CreateInspections1796270470000', (s) => [
  `
      CREATE TABLE ${s}.inspections (
        inspection_id             text PRIMARY KEY,
        hospital_id               text NOT NULL,
        region_code               text NOT NULL,
        kind                      text NOT NULL,
        inspected_at              timestamptz NOT NULL,
        inspector_organisation_id text NOT NULL,
        inspector_kind            text NOT NULL,
        findings                  integer NOT NULL,
        circulars                 integer NOT NULL DEFAULT 0,
        interviews                integer NOT NULL DEFAULT 0
      );
      CREATE INDEX inspections_hospital ON ${s}.inspections (hospital_id, inspected_at);
      CREATE INDEX inspections_region ON ${s}.inspections (region_code text_pattern_ops);
      CREATE TABLE ${s}.rectification_items (
        inspection_id  text NOT NULL,
        item_id        text NOT NULL,
        hospital_id    text NOT NULL,
        region_code    text NOT NULL,
        requirement    text NOT NULL,
        due_at         timestamptz NOT NULL,
        status         text NOT NULL,
        signed_off_at  timestamptz,
        on_time        boolean,
        PRIMARY KEY (inspection_id, item_id)
      );
      CREATE INDEX rectification_items_region ON ${s}.rectification_items (region_code text_pattern_ops);`,
]);
