import type { Projection, Query, StoredEvent } from '@pingan/event-store';
import { CreateDisputeList1796184041000 } from '../migrations/index.js';
import { SCHEMA, evolvedState, isDisputeEvent } from './dispute-state.js';

export const DISPUTE_LIST_TABLE = `${SCHEMA}.dispute_list`;

/**
 * One row per dispute for lists: who it belongs to (hospital, region, the organisations it was
 * referred to), where it stands. Parties' names are not here (they are in the party register).
 */
export const disputeListProjection: Projection = {
  name: 'dispute-list',
  migrations: [CreateDisputeList1796184041000],
  async reset(query: Query) {
    await query(`DELETE FROM ${DISPUTE_LIST_TABLE}`);
  },
  async apply(event: StoredEvent, query: Query) {
    if (!isDisputeEvent(event)) return;
    const state = await evolvedState(query, DISPUTE_LIST_TABLE, event);
    if (state.ref === null || state.openedAt === null) return;
    const data = event.data as Record<string, unknown>;
    const newParties = [data.mediatorOrganisationId, data.courtId].filter((id): id is string => typeof id === 'string');
    const summary = event.type === 'DisputeOpened' ? String(data.summary ?? '') : null;
    await query(
      `INSERT INTO ${DISPUTE_LIST_TABLE} AS l (dispute_id, case_number, hospital_id, region_code, origin, incident_id, status, route, summary,
         mediation_kind, mediation_phase, mediator_organisation_id, party_organisation_ids, escalation_risk, opened_at, closed_at, close_outcome,
         last_event_at, version, state)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, coalesce($9, ''), $10, $11, $12, $13::text[], $14, $15, $16, $17, $18, $19, $20)
       ON CONFLICT (dispute_id) DO UPDATE SET
         status = excluded.status, route = excluded.route, summary = coalesce($9, l.summary), incident_id = excluded.incident_id,
         mediation_kind = excluded.mediation_kind, mediation_phase = excluded.mediation_phase,
         mediator_organisation_id = excluded.mediator_organisation_id,
         party_organisation_ids = ARRAY(SELECT DISTINCT unnest(l.party_organisation_ids || excluded.party_organisation_ids)),
         escalation_risk = excluded.escalation_risk, closed_at = excluded.closed_at, close_outcome = excluded.close_outcome,
         last_event_at = excluded.last_event_at, version = excluded.version, state = excluded.state`,
      [
        state.ref.disputeId,
        state.ref.caseNumber,
        state.ref.hospitalId,
        state.ref.regionCode,
        state.origin,
        state.incident?.incidentId ?? null,
        state.status,
        state.route,
        summary,
        state.mediation?.kind ?? null,
        state.mediation?.phase ?? null,
        state.mediation?.mediatorOrganisationId ?? null,
        newParties,
        state.escalationRisk,
        state.openedAt,
        state.closedAt,
        state.closeOutcome,
        event.occurredAt,
        event.version,
        JSON.stringify(state),
      ],
    );
  },
};
