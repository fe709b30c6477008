import type { DisputeParty } from '@pingan/contracts';
import type { Query } from '@pingan/event-store';
import { SCHEMA } from './read-models/dispute-state.js';

/**
 * The service's tables besides the event store and its read models, all in schema 'disputes':
 * - `dispute_parties`: the party register (names, contacts: personal data, never in events);
 * - `incident_facts` / `incident_disputes`: what the incidents topic told us, and which disputes
 *   an incident's case number opened (kept in the inbox transaction of the incident event);
 * - `case_number_sequences`: case numbers of disputes that start as complaints.
 */
export async function migrateDisputesTables(q: Query): Promise<void> {
  await q(`CREATE SCHEMA IF NOT EXISTS ${SCHEMA}`);
  await q(`CREATE TABLE IF NOT EXISTS ${SCHEMA}.dispute_parties (
      dispute_id text NOT NULL, party_id text NOT NULL, position integer NOT NULL, relation text NOT NULL,
      name text NOT NULL, contact text, recorded_at timestamptz NOT NULL, PRIMARY KEY (dispute_id, party_id))`);
  await q(`CREATE TABLE IF NOT EXISTS ${SCHEMA}.incident_facts (
      case_number text PRIMARY KEY, hospital_id text NOT NULL, region_code text NOT NULL, summary text NOT NULL,
      parties_count integer, police_dispatched boolean NOT NULL DEFAULT false, disturbance_stopped_at timestamptz)`);
  await q(`CREATE TABLE IF NOT EXISTS ${SCHEMA}.incident_disputes (
      case_number text NOT NULL, dispute_id text NOT NULL, linked_at timestamptz NOT NULL, PRIMARY KEY (case_number, dispute_id))`);
  await q(`CREATE TABLE IF NOT EXISTS ${SCHEMA}.case_number_sequences (
      region_code text NOT NULL, day text NOT NULL, last integer NOT NULL, PRIMARY KEY (region_code, day))`);
}

export interface PartyDetails {
  partyId: string;
  relation: DisputeParty['relation'];
  name: string;
  contact: string | null;
}

export async function recordParties(query: Query, disputeId: string, parties: PartyDetails[], at: Date): Promise<void> {
  for (const [position, p] of parties.entries()) {
    await query(
      `INSERT INTO ${SCHEMA}.dispute_parties (dispute_id, party_id, position, relation, name, contact, recorded_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING`,
      [disputeId, p.partyId, position, p.relation, p.name, p.contact, at],
    );
  }
}

export async function partiesOf(query: Query, disputeId: string): Promise<PartyDetails[]> {
  const rows = await query<{ party_id: string; relation: string; name: string; contact: string | null }>(
    `SELECT party_id, relation, name, contact FROM ${SCHEMA}.dispute_parties WHERE dispute_id = $1 ORDER BY position`,
    [disputeId],
  );
  return rows.map((r) => ({ partyId: r.party_id, relation: r.relation as DisputeParty['relation'], name: r.name, contact: r.contact }));
}
