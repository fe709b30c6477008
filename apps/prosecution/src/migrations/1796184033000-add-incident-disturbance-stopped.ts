import { sqlMigration } from '@pingan/event-store';

/** When the incident recorded its disturbance stopped (DisturbanceStopped): 治安调解 waits for it [S3 一(二)]. */
export const AddIncidentDisturbanceStopped1796184033000 = sqlMigration('AddIncidentDisturbanceStopped1796184033000', (s) => [
  `ALTER TABLE ${s}.incident_facts ADD COLUMN disturbance_stopped_at timestamptz`,
]);
