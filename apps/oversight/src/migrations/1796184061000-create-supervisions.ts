import { sqlMigration } from '@pingan/event-store';

/** Supervisions (督办) as a table (read-models/supervisions.projection.ts). */
export const CreateSupervisions1796184061000 = sqlMigration('CreateSupervisions1796184061000', (s) => [
  `
      CREATE TABLE ${s}.supervisions (
        supervision_id text PRIMARY KEY,
        case_number    text NOT NULL,
        region_code    text NOT NULL,
        hospital_id    text,
        supervisor_organisation_id text NOT NULL,
        supervisor_kind text NOT NULL,
        instructions   text NOT NULL,
        due_at         timestamptz NOT NULL,
        started_at     timestamptz NOT NULL,
        started_by     text NOT NULL,
        deadline_id    text NOT NULL,
        status         text NOT NULL,
        progress       jsonb NOT NULL DEFAULT '[]',
        closed_at      timestamptz,
        conclusion     text,
        met_due_date   boolean
      )`,
  `CREATE INDEX supervisions_case ON ${s}.supervisions (case_number)`,
]);
