import type { DisputeParty } from '@pingan/contracts';
import type { Query } from '@pingan/event-store';
import { SCHEMA } from './read-models/dispute-state.js';

/** A party's entry in the register `dispute_parties` (personal data, never in events; table: migrations/). */
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
