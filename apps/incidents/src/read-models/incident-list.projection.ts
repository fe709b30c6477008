import { INCIDENT_STREAM_TYPE, type IncidentEvent } from '@pingan/contracts';
import type { Projection, Query, StoredEvent } from '@pingan/event-store';
import { CreateIncidentList1796184011000, StripListCallers1796184012500 } from '../migrations/index.js';
import { evolve, initialState, toIncidentSummary, type IncidentState } from '../domain/index.js';
import { NO_PARTIES, withParties, type IncidentParties } from '../incidents/incident-access.js';
import { withCaller } from '../caller-data/caller-view.js';

/**
 * The list carries no caller (not even ciphertext): lists are read by everyone who may see the
 * incident, and a plain caller of an event written before sealing must not be copied here.
 */
const withoutCaller = (state: IncidentState): IncidentState =>
  state.status === 'none' ? state : withCaller(state, { name: null, phone: null });

export const INCIDENT_LIST_TABLE = 'incident_list';

/**
 * The incident list (read model): one row per incident with the columns lists filter on, the
 * folded state (so each event is applied to the row, not the stream re-read) and the summary.
 * Parties and escalation addressees are kept too, so access is decided with the same facts as a
 * single read.
 */
export function incidentListProjection(schema: string): Projection {
  const table = `${schema}.${INCIDENT_LIST_TABLE}`;
  return {
    name: 'incident-list',
    migrations: [CreateIncidentList1796184011000, StripListCallers1796184012500],
    async reset(query: Query) {
      await query(`TRUNCATE ${table}`);
    },
    async apply(stored: StoredEvent, query: Query) {
      if (stored.streamType !== INCIDENT_STREAM_TYPE) return;
      const caseNumber = stored.correlationId;
      const event = { type: stored.type, data: stored.data } as IncidentEvent;
      const [row] = await query<{ state: IncidentState; party_ids: string[]; addressed: string[] }>(
        `SELECT state, party_ids, addressed FROM ${table} WHERE case_number = $1`,
        [caseNumber],
      );
      const state = evolve(row?.state ?? initialState(), event);
      const summary = toIncidentSummary(state);
      if (state.status === 'none' || summary === null) return; // nothing before the report
      const parties: IncidentParties = withParties(
        row ? { partyOrganisationIds: row.party_ids, addressed: row.addressed } : NO_PARTIES,
        event,
      );
      await query(
        `INSERT INTO ${table} (case_number, hospital_id, region_code, status, major, categories, occurred_at, reported_at, party_ids, addressed, state, summary)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
         ON CONFLICT (case_number) DO UPDATE SET
           status = EXCLUDED.status, major = EXCLUDED.major, categories = EXCLUDED.categories,
           party_ids = EXCLUDED.party_ids, addressed = EXCLUDED.addressed, state = EXCLUDED.state, summary = EXCLUDED.summary`,
        [
          caseNumber,
          summary.hospitalId,
          summary.regionCode,
          summary.status,
          summary.major,
          summary.categories,
          summary.occurredAt,
          summary.reportedAt,
          parties.partyOrganisationIds,
          parties.addressed,
          JSON.stringify(withoutCaller(state)),
          JSON.stringify(summary),
        ],
      );
    },
  };
}
