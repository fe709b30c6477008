import { sqlMigration } from '@pingan/event-store';

/** The incident list read model (read-models/incident-list.projection.ts). */
export const CreateIncidentList1796184011000 = sqlMigration('CreateIncidentList1796184011000', (s) => [
  `CREATE TABLE ${s}.incident_list (
         case_number text PRIMARY KEY,
         hospital_id text NOT NULL,
         region_code text NOT NULL,
         status text NOT NULL,
         major boolean NOT NULL,
         categories text[] NOT NULL,
         occurred_at timestamptz NOT NULL,
         reported_at timestamptz NOT NULL,
         party_ids text[] NOT NULL,
         addressed text[] NOT NULL,
         state jsonb NOT NULL,
         summary jsonb NOT NULL
       )`,
  `CREATE INDEX incident_list_region ON ${s}.incident_list (region_code text_pattern_ops, occurred_at DESC)`,
  `CREATE INDEX incident_list_hospital ON ${s}.incident_list (hospital_id, occurred_at DESC)`,
]);
