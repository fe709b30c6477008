import type { CasualtyCounts } from '@pingan/contracts';
import type { Query } from '@pingan/event-store';
import type { CaseAccessFacts } from '../oversight-access.js';
import { S } from './schema.js';

export interface CaseRow {
  case_number: string;
  region_code: string | null;
  hospital_id: string | null;
  party_ids: string[];
  political_legal_escalated: boolean;
  /** The incident's particulars, once its IncidentReported was read (exports print them). */
  occurred_at?: Date | null;
  categories?: string[];
  major?: boolean;
  incident_outcome?: string | null;
  casualties?: CasualtyCounts | null;
}

export const accessFactsOf = (row: CaseRow): CaseAccessFacts => ({
  regionCode: row.region_code,
  hospitalId: row.hospital_id,
  partyIds: row.party_ids ?? [],
  politicalLegalEscalated: row.political_legal_escalated,
});

export async function findCase(query: Query, caseNumber: string): Promise<CaseRow | null> {
  const rows = await query<CaseRow>(`SELECT * FROM ${S}.cases WHERE case_number = $1`, [caseNumber]);
  return rows[0] ?? null;
}

export interface CaseRecordRow {
  context: string;
  region_code: string | null;
  hospital_id: string | null;
  party_ids: string[];
  political_legal_escalated: boolean;
}

/** Each context's record of the case, with the facts that decide who may read it. */
export async function caseRecords(query: Query, caseNumber: string): Promise<Map<string, CaseAccessFacts>> {
  const rows = await query<CaseRecordRow>(`SELECT * FROM ${S}.case_records WHERE case_number = $1`, [caseNumber]);
  return new Map(rows.map((row) => [row.context, accessFactsOf({ case_number: caseNumber, ...row })]));
}
