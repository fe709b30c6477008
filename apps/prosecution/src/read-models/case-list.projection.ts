import { POLICE_CASE_STREAM_TYPE, type ProsecutionEvent } from '@pingan/contracts';
import type { Projection, Query, StoredEvent } from '@pingan/event-store';
import { CreatePoliceCaseList1796184032000 } from '../migrations/index.js';

export const CASE_LIST_TABLE = 'prosecution.police_case_list';

/**
 * Where a case stands, for lists and statistics (the full state is the event stream's).
 * accepted → filed → under_review (⇄ supplementary_investigation, at most twice) → indicted | not_prosecuted
 * → on_trial → judged → final.
 */
export type CaseStage =
  'accepted' | 'filed' | 'under_review' | 'supplementary_investigation' | 'indicted' | 'not_prosecuted' | 'on_trial' | 'judged' | 'final';
export const CASE_STAGES: readonly CaseStage[] = [
  'accepted',
  'filed',
  'under_review',
  'supplementary_investigation',
  'indicted',
  'not_prosecuted',
  'on_trial',
  'judged',
  'final',
];

/**
 * The case list: one row per police case with what lists filter on (handling unit, region, kind,
 * stage, listed supervision) and the organisations party to it (procuratorates and courts it went
 * to, the supervising body), so `readScope` can be applied in SQL. No personal data.
 */
export const caseListProjection: Projection = {
  name: 'prosecution-case-list',
  migrations: [CreatePoliceCaseList1796184032000],
  async reset(query) {
    await query(`TRUNCATE ${CASE_LIST_TABLE}`);
  },
  async apply(stored: StoredEvent, query: Query) {
    if (stored.streamType !== POLICE_CASE_STREAM_TYPE) return;
    const event = stored as unknown as ProsecutionEvent & StoredEvent;
    const caseNumber = event.data.caseNumber;
    const at = stored.occurredAt;
    const set = (assignments: string, params: unknown[]) =>
      query(`UPDATE ${CASE_LIST_TABLE} SET ${assignments}, updated_at = $2 WHERE case_number = $1`, [caseNumber, at, ...params]);
    const addParty = (organisationId: string) =>
      set(`party_ids = CASE WHEN $3 = ANY(party_ids) THEN party_ids ELSE array_append(party_ids, $3) END`, [organisationId]);
    switch (event.type) {
      case 'CaseAccepted':
        await query(
          `INSERT INTO ${CASE_LIST_TABLE} (case_number, hospital_id, region_code, kind, stage, origin, incident_id, handling_unit_id, accepted_at, updated_at)
           VALUES ($1, $2, $3, $4, 'accepted', $5, $6, $7, $8, $8) ON CONFLICT (case_number) DO NOTHING`,
          [
            caseNumber,
            event.data.hospitalId,
            event.data.regionCode,
            event.data.kind,
            event.data.origin.source,
            event.data.origin.source === 'incident' ? event.data.origin.incidentId : null,
            event.data.handlingUnitId,
            event.data.acceptedAt,
          ],
        );
        return;
      case 'CriminalCaseFiled':
        await set(`stage = 'filed'`, []);
        return;
      case 'CaseConvertedToCriminal':
        await set(`kind = 'criminal'`, []);
        return;
      case 'SuspectAdded':
        await set(`suspect_count = suspect_count + 1`, []);
        return;
      case 'CaseTransferred':
        await set(`handling_unit_id = $3`, [event.data.toUnitId]);
        return;
      case 'ArrestApprovalRequested':
      case 'ProsecutorDesignated':
        await addParty(event.data.procuratorateId);
        return;
      case 'CaseTransferredForProsecution':
        await addParty(event.data.procuratorateId);
        await set(`stage = 'under_review'`, []);
        return;
      case 'CaseReturnedForSupplementaryInvestigation':
        await set(`stage = 'supplementary_investigation'`, []);
        return;
      case 'CaseResubmittedForProsecution':
        await set(`stage = 'under_review'`, []);
        return;
      case 'SuspectsIndicted':
        await addParty(event.data.courtId);
        await set(`stage = 'indicted'`, []);
        return;
      case 'NonProsecutionDecided':
        // Several suspects: an indictment of another one keeps the case 'indicted'.
        await set(`stage = CASE WHEN stage = 'under_review' THEN 'not_prosecuted' ELSE stage END`, []);
        return;
      case 'FirstInstanceTrialStarted':
        await set(`stage = 'on_trial'`, []);
        return;
      case 'FirstInstanceVerdictDelivered':
        await set(`stage = 'judged'`, []);
        return;
      case 'FinalJudgementRecorded':
        await addParty(event.data.courtId); // the appeal court, after an appeal
        await set(`stage = 'final'`, []);
        return;
      case 'ListedSupervisionStarted':
        await addParty(event.data.supervisorOrganisationId);
        await set(`under_supervision = true, supervisor_organisation_id = $3`, [event.data.supervisorOrganisationId]);
        return;
      case 'ListedSupervisionRemoved':
        // The former supervisor stays a party: it keeps reading the case it supervised.
        await set(`under_supervision = false`, []);
        return;
      default:
        return;
    }
  },
};
