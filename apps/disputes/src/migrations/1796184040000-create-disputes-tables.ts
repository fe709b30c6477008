import { sqlMigration } from '@pingan/event-store';

/**
 * The service's tables besides the event store and its read models:
 * - `dispute_parties`: the party register (names, contacts: personal data, never in events);
 * - `incident_facts` / `incident_disputes`: what the incidents topic told us, and which disputes
 *   an incident's case number opened (kept in the inbox transaction of the incident event);
 * - `case_number_sequences`: case numbers of disputes that start as complaints.
 */
export const CreateDisputesTables1796184040000 = sqlMigration('CreateDisputesTables1796184040000', (s) => [
  `CREATE TABLE ${s}.dispute_parties (
        dispute_id text NOT NULL, party_id text NOT NULL, position integer NOT NULL, relation text NOT NULL,
        name text NOT NULL, contact text, recorded_at timestamptz NOT NULL, PRIMARY KEY (dispute_id, party_id))`,
  `CREATE TABLE ${s}.incident_facts (
        case_number text PRIMARY KEY, hospital_id text NOT NULL, region_code text NOT NULL, summary text NOT NULL,
        parties_count integer, police_dispatched boolean NOT NULL DEFAULT false, disturbance_stopped_at timestamptz)`,
  `CREATE TABLE ${s}.incident_disputes (
        case_number text NOT NULL, dispute_id text NOT NULL, linked_at timestamptz NOT NULL, PRIMARY KEY (case_number, dispute_id))`,
  `CREATE TABLE ${s}.case_number_sequences (
        region_code text NOT NULL, day text NOT NULL, last integer NOT NULL, PRIMARY KEY (region_code, day))`,
]);
