import { SECURITY_INSPECTION_STREAM_TYPE, type SecurityLedgerEvent } from '@pingan/contracts';
import type { Projection, Query, StoredEvent } from '@pingan/event-store';
import { CreateInspections1796270470000 } from '../migrations/1796270470000-create-inspections.js';
import { SCHEMA } from './profiles.projection.js';

/** Each inspection and its rectification items, one row each: the ledger's counts and a hospital's list. */
export const inspectionsProjection: Projection = {
  name: 'inspections',

  migrations: [CreateInspections1796270470000],

  async reset(query: Query) {
    await query(`DELETE FROM ${SCHEMA}.rectification_items`);
    await query(`DELETE FROM ${SCHEMA}.inspections`);
  },

  async apply(stored: StoredEvent, query: Query) {
    if (stored.streamType !== SECURITY_INSPECTION_STREAM_TYPE) return;
    const event = { type: stored.type, data: stored.data } as SecurityLedgerEvent;
    switch (event.type) {
      case 'InspectionRecorded': {
        const d = event.data;
        await query(
          `INSERT INTO ${SCHEMA}.inspections
             (inspection_id, hospital_id, region_code, kind, inspected_at, inspector_organisation_id, inspector_kind, findings)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (inspection_id) DO NOTHING`,
          [
            d.inspectionId,
            d.hospitalId,
            d.regionCode,
            d.kind,
            d.inspectedAt,
            d.inspector.organisationId,
            d.inspector.organisationKind,
            d.findings.length,
          ],
        );
        return;
      }
      case 'RectificationItemIssued': {
        const d = event.data;
        await query(
          `INSERT INTO ${SCHEMA}.rectification_items (inspection_id, item_id, hospital_id, region_code, requirement, due_at, status)
           VALUES ($1, $2, $3, $4, $5, $6, 'issued') ON CONFLICT (inspection_id, item_id) DO NOTHING`,
          [d.inspectionId, d.itemId, d.hospitalId, d.regionCode, d.requirement, d.dueAt],
        );
        return;
      }
      case 'RectificationReported':
      case 'RectificationSentBack': {
        const d = event.data;
        const status = event.type === 'RectificationReported' ? 'reported' : 'sent_back';
        await query(`UPDATE ${SCHEMA}.rectification_items SET status = $3 WHERE inspection_id = $1 AND item_id = $2`, [
          d.inspectionId,
          d.itemId,
          status,
        ]);
        return;
      }
      case 'RectificationSignedOff': {
        const d = event.data;
        await query(
          `UPDATE ${SCHEMA}.rectification_items SET status = 'signed_off', signed_off_at = $3, on_time = $4
            WHERE inspection_id = $1 AND item_id = $2`,
          [d.inspectionId, d.itemId, d.signedOffAt, d.onTime],
        );
        return;
      }
      case 'CircularIssued':
      case 'InterviewHeld': {
        const column = event.type === 'CircularIssued' ? 'circulars' : 'interviews';
        await query(`UPDATE ${SCHEMA}.inspections SET ${column} = ${column} + 1 WHERE inspection_id = $1`, [event.data.inspectionId]);
        return;
      }
      default:
        return;
    }
  },
};

/** Where a hospital stands on rectification, for the region's ledger. */
export interface InspectionTally {
  lastInspectedAt: string | null;
  /** Items not signed off. */
  openItems: number;
  /** Items not signed off whose due instant has passed. */
  overdueItems: number;
  /** Items signed off after their due instant. */
  lateItems: number;
}

export const noInspections = (): InspectionTally => ({ lastInspectedAt: null, openItems: 0, overdueItems: 0, lateItems: 0 });

/** Each hospital of a region and below that has been inspected, with its items counted at `now`. */
export async function inspectionTallies(query: Query, regionPrefix: string, now: Date): Promise<Map<string, InspectionTally>> {
  const [inspected, items] = await Promise.all([
    query<{ hospital_id: string; last: string }>(
      `SELECT hospital_id, max(inspected_at) AS last FROM ${SCHEMA}.inspections WHERE region_code LIKE $1 || '%' GROUP BY hospital_id`,
      [regionPrefix],
    ),
    query<{ hospital_id: string; open: string; overdue: string; late: string }>(
      `SELECT hospital_id,
              count(*) FILTER (WHERE status <> 'signed_off') AS open,
              count(*) FILTER (WHERE status <> 'signed_off' AND due_at < $2) AS overdue,
              count(*) FILTER (WHERE status = 'signed_off' AND NOT on_time) AS late
         FROM ${SCHEMA}.rectification_items WHERE region_code LIKE $1 || '%' GROUP BY hospital_id`,
      [regionPrefix, now.toISOString()],
    ),
  ]);
  const tallies = new Map<string, InspectionTally>();
  for (const r of inspected) tallies.set(r.hospital_id, { ...noInspections(), lastInspectedAt: new Date(r.last).toISOString() });
  for (const r of items)
    tallies.set(r.hospital_id, {
      ...(tallies.get(r.hospital_id) ?? noInspections()),
      openItems: Number(r.open),
      overdueItems: Number(r.overdue),
      lateItems: Number(r.late),
    });
  return tallies;
}

/** A hospital's inspections, the latest first, with their items counted. */
export async function inspectionsOf(query: Query, hospitalId: string, now: Date) {
  const rows = await query<Record<string, unknown>>(
    `SELECT i.inspection_id, i.kind, i.inspected_at, i.inspector_organisation_id, i.inspector_kind, i.findings, i.circulars, i.interviews,
            count(r.item_id) AS items,
            count(r.item_id) FILTER (WHERE r.status <> 'signed_off') AS open,
            count(r.item_id) FILTER (WHERE r.status <> 'signed_off' AND r.due_at < $2) AS overdue,
            count(r.item_id) FILTER (WHERE r.status = 'signed_off' AND NOT r.on_time) AS late
       FROM ${SCHEMA}.inspections i LEFT JOIN ${SCHEMA}.rectification_items r ON r.inspection_id = i.inspection_id
      WHERE i.hospital_id = $1
      GROUP BY i.inspection_id ORDER BY i.inspected_at DESC, i.inspection_id`,
    [hospitalId, now.toISOString()],
  );
  return rows.map((r) => ({
    inspectionId: r.inspection_id as string,
    kind: r.kind as string,
    inspectedAt: new Date(r.inspected_at as string).toISOString(),
    inspectorOrganisationId: r.inspector_organisation_id as string,
    inspectorKind: r.inspector_kind as string,
    findings: Number(r.findings),
    circulars: Number(r.circulars),
    interviews: Number(r.interviews),
    items: { total: Number(r.items), open: Number(r.open), overdue: Number(r.overdue), late: Number(r.late) },
  }));
}
