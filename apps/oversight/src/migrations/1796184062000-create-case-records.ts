import type { SchemaMigration } from '@pingan/event-store';

/**
 * Who may read each context's record of a case (read-models/feed.ts), so the timeline shows a
 * reader only the entries of records it may read: a case's incident, police case and dispute are
 * different records with different readers. `record_context` on a timeline line names the record
 * it belongs to (an oversight breach escalation belongs to the clock's context's record).
 */
export const CreateCaseRecords1796184062000: SchemaMigration = {
  name: 'CreateCaseRecords1796184062000',
  async up(query, s) {
    await query(`
      CREATE TABLE ${s}.case_records (
        case_number    text NOT NULL,
        context        text NOT NULL,
        region_code    text,
        hospital_id    text,
        party_ids      text[] NOT NULL DEFAULT '{}',
        political_legal_escalated boolean NOT NULL DEFAULT false,
        PRIMARY KEY (case_number, context)
      )`);
    await query(`ALTER TABLE ${s}.timeline ADD COLUMN record_context text`);
    await query(`UPDATE ${s}.timeline SET record_context = context`);
  },
};
