import { Inject, Injectable } from '@nestjs/common';
import type { Database, Query } from '@pingan/event-store';
import { DATABASE } from '@pingan/platform';

export const SUSPECT_IDENTITIES_TABLE = 'prosecution.suspect_identities';

export interface SuspectIdentity {
  suspectId: string;
  name: string | null;
}

/**
 * Suspects' names (personal data), kept out of the events: events are immutable and published
 * to every subscriber, a name in them could never be corrected or erased. This table is the
 * only place a name lives; it is written in the same transaction as the SuspectAdded event, is
 * not a projection (it cannot be rebuilt from events: that is the point), and every read of it
 * goes through ReadAudit. Erasure (once the retention period ends) is a DELETE here.
 */
@Injectable()
export class SuspectIdentities {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  async record(query: Query, input: { caseNumber: string; suspectId: string; name: string; recordedAt: Date }): Promise<void> {
    await query(
      `INSERT INTO ${SUSPECT_IDENTITIES_TABLE} (case_number, suspect_id, name, recorded_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (case_number, suspect_id) DO NOTHING`,
      [input.caseNumber, input.suspectId, input.name.trim(), input.recordedAt],
    );
  }

  async namesOf(caseNumber: string): Promise<Map<string, string>> {
    const rows = await this.db.query<{ suspect_id: string; name: string }>(
      `SELECT suspect_id, name FROM ${SUSPECT_IDENTITIES_TABLE} WHERE case_number = $1`,
      [caseNumber],
    );
    return new Map(rows.map((r) => [r.suspect_id, r.name]));
  }
}
