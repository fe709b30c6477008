import type { SupervisionClosedData, SupervisionProgressRecordedData, SupervisionStartedData } from '@pingan/contracts';
import type { Projection, Query, StoredEvent } from '@pingan/event-store';
import { CreateSupervisions1796184061000 } from '../migrations/index.js';
import { S } from './schema.js';

/** Supervisions (督办) as a table, from oversight's own events; rebuildable. */
export const supervisionsProjection: Projection = {
  name: 'supervisions',
  migrations: [CreateSupervisions1796184061000],
  async reset(query: Query) {
    await query(`DELETE FROM ${S}.supervisions`);
  },
  async apply(event: StoredEvent, query: Query) {
    switch (event.type) {
      case 'SupervisionStarted': {
        const d = event.data as unknown as SupervisionStartedData;
        await query(
          `INSERT INTO ${S}.supervisions (supervision_id, case_number, region_code, hospital_id, supervisor_organisation_id, supervisor_kind,
             instructions, due_at, started_at, started_by, deadline_id, status)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'open') ON CONFLICT DO NOTHING`,
          [
            d.supervisionId,
            d.caseNumber,
            d.regionCode,
            d.hospitalId,
            d.supervisorOrganisationId,
            d.supervisorKind,
            d.instructions,
            d.dueAt,
            d.startedAt,
            event.actor.userId,
            d.deadlineId,
          ],
        );
        return;
      }
      case 'SupervisionProgressRecorded': {
        const d = event.data as unknown as SupervisionProgressRecordedData;
        const entry = { note: d.note, recordedAt: d.recordedAt, by: event.actor.userId };
        await query(`UPDATE ${S}.supervisions SET progress = progress || $2::jsonb WHERE supervision_id = $1`, [
          d.supervisionId,
          JSON.stringify([entry]),
        ]);
        return;
      }
      case 'SupervisionClosed': {
        const d = event.data as unknown as SupervisionClosedData;
        await query(
          `UPDATE ${S}.supervisions SET status = 'closed', closed_at = $2, conclusion = $3, met_due_date = $4 WHERE supervision_id = $1`,
          [d.supervisionId, d.closedAt, d.conclusion, d.metDueDate],
        );
        return;
      }
      default:
        return;
    }
  },
};
