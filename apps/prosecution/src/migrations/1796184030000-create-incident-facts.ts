import { sqlMigration } from '@pingan/event-store';

/** What earlier incident events said, for the handover consumer (incidents/incident-handover.consumer.ts). */
export const CreateIncidentFacts1796184030000 = sqlMigration('CreateIncidentFacts1796184030000', (s) => [
  `CREATE TABLE ${s}.incident_facts (
      case_number text PRIMARY KEY,
      incident_stream_id text NOT NULL,
      hospital_id text NOT NULL,
      region_code text NOT NULL,
      classification jsonb,
      major boolean NOT NULL DEFAULT false,
      summary text,
      dispatched_unit_id text,
      police_system_number text,
      updated_at timestamptz NOT NULL
    )`,
]);
