import type { Projection, Query, StoredEvent } from '@pingan/event-store';
import { SCHEMA, evolvedState, isDisputeEvent } from './dispute-state.js';

export const DISPUTE_LIST_TABLE = `${SCHEMA}.dispute_list`;

/**
 * One row per dispute for lists: who it belongs to (hospital, region, the organisations it was
 * referred to), where it stands. Parties' names are not here (they are in the party register).
 */
export const disputeListProjection: Projection = {
  name: 'dispute-list',
  async migrate(query: Query) {
    await query(`CREATE TABLE IF NOT EXISTS ${DISPUTE_LIST_TABLE} (
      dispute_id text PRIMARY KEY,
      case_number text NOT NULL,
      hospital_id text NOT NULL,
      region_code text NOT NULL,
      origin text NOT NULL,
      incident_id text,
      status text NOT NULL,
      route text NOT NULL,
      summary text NOT NULL,
      mediation_kind text,
      mediation_phase text,
      mediator_organisation_id text,
      -- every organisation the dispute was referred or taken to (mediators, courts): access follows
      party_organisation_ids text[] NOT NULL DEFAULT '{}',
      escalation_risk boolean NOT NULL DEFAULT false,
      opened_at timestamptz NOT NULL,
      closed_at timestamptz,
      close_outcome text,
      last_event_at timestamptz NOT NULL,
      version integer NOT NULL,
      state jsonb NOT NULL)`);
    await query(`CREATE INDEX IF NOT EXISTS dispute_list_hospital ON ${DISPUTE_LIST_TABLE} (hospital_id, opened_at DESC)`);
    await query(`CREATE INDEX IF NOT EXISTS dispute_list_region ON ${DISPUTE_LIST_TABLE} (region_code text_pattern_ops)`);
    await query(`CREATE INDEX IF NOT EXISTS dispute_list_parties ON ${DISPUTE_LIST_TABLE} USING gin (party_organisation_ids)`);
  },
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
         status = excluded.status, route = excluded.route, summary = coalesce($9, l.summary),
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
