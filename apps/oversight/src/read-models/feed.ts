import { readClassification, totalCasualties, type EventEnvelope, type IncidentClassification } from '@pingan/contracts';
import type { PostgresEventStore, Query } from '@pingan/event-store';
import {
  SYSTEM_ACTOR,
  breachStreamId,
  BREACH_ESCALATED,
  BREACH_ESCALATION_WITHDRAWN,
  BREACH_STREAM_TYPE,
  type BreachEscalatedData,
  type BreachEscalationWithdrawnData,
} from '@pingan/contracts';
import { HIGH_RISK_CONTEXT, addresseeRegion, factsOf, outcomeOf, shanghaiMonthOf, summaryOf } from '../domain/event-facts.js';
import { policeFactOf } from '../statistics/police-monthly.js';
import { S } from './schema.js';

type Data = Record<string, unknown>;
const str = (value: unknown): string | null => (typeof value === 'string' && value.length > 0 ? value : null);
const iso = (value: unknown): Date | null => {
  const s = str(value);
  if (!s) return null;
  const d = new Date(s);
  return Number.isNaN(d.getTime()) ? null : d;
};

const SNAPSHOT_TYPES = new Set([
  'DeadlineStarted',
  'DeadlineMet',
  'DeadlinePaused',
  'DeadlineResumed',
  'DeadlineExtended',
  'DeadlineCancelled',
  'DeadlineRescheduled', // a calendar load recounted the clock: new due and warning instants
]);

/**
 * The one handler of every context's events (inbox transaction `query`): the timeline line, the
 * case's facts (region, hospital, parties; for statistics category, outcome), the escalation inbox,
 * the deadline board, outcomes, and, on a breach, oversight's own `BreachEscalated` event,
 * appended in the same transaction, so it exists once per breach however often the breach arrives.
 */
export async function feed(envelope: EventEnvelope, query: Query, store: PostgresEventStore): Promise<void> {
  const caseNumber = envelope.correlationId;
  const data = (envelope.data ?? {}) as Data;
  const facts = factsOf(envelope);

  await query(
    `INSERT INTO ${S}.cases (case_number, region_code, hospital_id, party_ids) VALUES ($1, $2, $3, $4)
     ON CONFLICT (case_number) DO UPDATE SET
       region_code = COALESCE(${S}.cases.region_code, EXCLUDED.region_code),
       hospital_id = COALESCE(${S}.cases.hospital_id, EXCLUDED.hospital_id),
       party_ids = ARRAY(SELECT DISTINCT unnest(${S}.cases.party_ids || EXCLUDED.party_ids))`,
    [caseNumber, facts.regionCode, facts.hospitalId, facts.partyIds],
  );

  // The record the event belongs to, and who may read it: a breach escalation belongs to its clock's record.
  const recordContext = str(data.sourceContext) ?? envelope.context;
  if (recordContext === envelope.context) {
    await query(
      `INSERT INTO ${S}.case_records (case_number, context, region_code, hospital_id, party_ids, political_legal_escalated)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (case_number, context) DO UPDATE SET
         region_code = COALESCE(${S}.case_records.region_code, EXCLUDED.region_code),
         hospital_id = COALESCE(${S}.case_records.hospital_id, EXCLUDED.hospital_id),
         party_ids = ARRAY(SELECT DISTINCT unnest(${S}.case_records.party_ids || EXCLUDED.party_ids)),
         political_legal_escalated = ${S}.case_records.political_legal_escalated OR EXCLUDED.political_legal_escalated`,
      [
        caseNumber,
        recordContext,
        facts.regionCode,
        facts.hospitalId,
        facts.partyIds,
        envelope.type === 'EscalationSubmitted' && data.chain === 'political_legal',
      ],
    );
  }

  await query(
    `INSERT INTO ${S}.timeline (event_id, context, type, stream_id, case_number, occurred_at, recorded_at,
       actor_user_id, actor_organisation_id, actor_role, region_code, hospital_id, high_risk, summary, record_context, actor_name)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) ON CONFLICT (event_id) DO NOTHING`,
    [
      envelope.eventId,
      envelope.context,
      envelope.type,
      envelope.streamId,
      caseNumber,
      envelope.occurredAt,
      envelope.recordedAt,
      envelope.actor.userId,
      envelope.actor.organisationId,
      envelope.actor.role,
      facts.regionCode,
      facts.hospitalId,
      envelope.context === HIGH_RISK_CONTEXT,
      summaryOf(envelope),
      recordContext,
      str(envelope.actor.name),
    ],
  );

  if (envelope.context === 'incidents') await incidentFacts(envelope, data, query);

  const outcome = outcomeOf(envelope);
  if (outcome) {
    const at = new Date(envelope.occurredAt);
    await query(
      `INSERT INTO ${S}.outcomes (event_id, case_number, area, outcome, at, month) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
      [envelope.eventId, caseNumber, outcome.area, outcome.outcome, at, shanghaiMonthOf(at)],
    );
  }

  // The police monthly return's coded facts (the timeline keeps only a summary line).
  const police = policeFactOf(envelope);
  if (police) {
    await query(
      `INSERT INTO ${S}.police_facts (event_id, case_number, type, unit_id, region_code, kind, persons, at, month)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING`,
      [envelope.eventId, caseNumber, police.type, police.unitId, facts.regionCode, police.kind, police.persons, police.at, police.month],
    );
  }

  if (SNAPSHOT_TYPES.has(envelope.type)) await snapshot(envelope, data, query);
  if (envelope.type === 'DeadlineMet' && data.breachCorrected === true) await withdrawBreach(envelope, data, query, store);
  if (envelope.type === 'DeadlineWarned' || envelope.type === 'DeadlineBreached' || envelope.type === 'DeadlineLapsed') {
    await sweepStep(envelope, data, query, store);
  }
  if (envelope.type === 'DeadlineReopened') await reopened(envelope, data, query, store);
}

/** A breach on a provisional count withdrawn by a calendar load: the board shows the clock again, the escalation is withdrawn. */
async function reopened(envelope: EventEnvelope, data: Data, query: Query, store: PostgresEventStore): Promise<void> {
  const deadlineId = str(data.deadlineId);
  const dueAt = iso(data.dueAt);
  if (!deadlineId || !dueAt) return;
  await query(
    `UPDATE ${S}.board SET state = $3, due_at = $4, warn_at = $5, provisional = $6, breached_at = NULL, escalated_at = NULL,
       completed_at = $7, updated_at = $8
     WHERE context = $1 AND deadline_id = $2`,
    [
      envelope.context,
      deadlineId,
      str(data.state) ?? 'running',
      dueAt,
      iso(data.warnAt),
      data.provisional === true,
      iso(data.completedAt),
      envelope.occurredAt,
    ],
  );
  await withdrawEscalation(envelope, deadlineId, query, store, {
    reason: str(data.reason) ?? 'the clock was recounted',
    state: str(data.state) ?? 'running',
    dueAt: dueAt.toISOString(),
    completedAt: iso(data.completedAt)?.toISOString() ?? null,
  });
}

async function incidentFacts(envelope: EventEnvelope, data: Data, query: Query): Promise<void> {
  const caseNumber = envelope.correlationId;
  switch (envelope.type) {
    case 'IncidentReported': {
      const occurredAt = iso(data.occurredAt) ?? new Date(envelope.occurredAt);
      const classification = data.classification as IncidentClassification | undefined;
      await query(
        `UPDATE ${S}.cases SET occurred_at = $2, month = $3, categories = $4, major = $5, casualties = $6 WHERE case_number = $1`,
        [
          caseNumber,
          occurredAt,
          shanghaiMonthOf(occurredAt),
          classification?.categories ?? [],
          data.major === true,
          classification ? JSON.stringify(totalCasualties(readClassification(classification).casualties)) : null,
        ],
      );
      return;
    }
    case 'IncidentReclassified':
    case 'InjuryAppraised': {
      // Both re-classify: an appraisal may end a suspected serious injury's majority.
      const after = data.after as IncidentClassification | undefined;
      await query(`UPDATE ${S}.cases SET categories = $2, major = $3, casualties = $4 WHERE case_number = $1`, [
        caseNumber,
        after?.categories ?? [],
        data.majorAfter === true,
        after ? JSON.stringify(totalCasualties(readClassification(after).casualties)) : null,
      ]);
      return;
    }
    case 'IncidentClosed':
      await query(`UPDATE ${S}.cases SET incident_outcome = $2 WHERE case_number = $1`, [caseNumber, str(data.outcome)]);
      return;
    case 'IncidentReopened':
      await query(`UPDATE ${S}.cases SET incident_outcome = NULL WHERE case_number = $1`, [caseNumber]);
      return;
    case 'IncidentClockStarted': {
      const deadlineId = str(data.deadlineId);
      const clock = str(data.clock);
      if (!deadlineId || !clock) return;
      await query(`INSERT INTO ${S}.clock_names (deadline_id, clock) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [deadlineId, clock]);
      await query(`UPDATE ${S}.board SET clock = $2 WHERE context = 'incidents' AND deadline_id = $1`, [deadlineId, clock]);
      return;
    }
    case 'EscalationSubmitted':
    case 'EscalationAcknowledged':
    case 'EscalationForwarded':
      await escalation(envelope, data, query);
      return;
  }
}

async function escalation(envelope: EventEnvelope, data: Data, query: Query): Promise<void> {
  const caseNumber = envelope.correlationId;
  const chain = str(data.chain);
  const region = str(data.regionCode);
  const hospitalId = str(data.hospitalId) ?? '';
  if (!chain || !region) return;
  const major = data.major === true;
  if (chain === 'political_legal') {
    await query(`UPDATE ${S}.cases SET political_legal_escalated = true WHERE case_number = $1`, [caseNumber]);
  }
  const waiting = async (level: string, since: Date) =>
    query(
      `INSERT INTO ${S}.escalations (case_number, chain, level, region_code, addressee_region, hospital_id, status, major, waiting_since)
       VALUES ($1, $2, $3, $4, $5, $6, 'awaiting_acknowledgement', $7, $8) ON CONFLICT (case_number, chain, level) DO NOTHING`,
      [caseNumber, chain, level, region, addresseeRegion(chain, level, region), hospitalId, major, since],
    );
  switch (envelope.type) {
    case 'EscalationSubmitted': {
      const level = str(data.level);
      if (level) await waiting(level, iso(data.submittedAt) ?? new Date(envelope.occurredAt));
      return;
    }
    case 'EscalationAcknowledged': {
      const level = str(data.level);
      if (!level) return;
      const at = iso(data.acknowledgedAt) ?? new Date(envelope.occurredAt);
      await waiting(level, at); // an acknowledgement seen before its submission still files the row
      await query(
        `UPDATE ${S}.escalations SET status = CASE WHEN status = 'forwarded' THEN status ELSE 'acknowledged' END,
           acknowledged_at = $4, acknowledged_by = $5, major = major OR $6
         WHERE case_number = $1 AND chain = $2 AND level = $3`,
        [caseNumber, chain, level, at, str(data.organisationId), major],
      );
      return;
    }
    case 'EscalationForwarded': {
      const from = str(data.fromLevel);
      const to = str(data.toLevel);
      if (!from || !to) return;
      const at = iso(data.forwardedAt) ?? new Date(envelope.occurredAt);
      await waiting(from, at);
      await query(
        `UPDATE ${S}.escalations SET status = 'forwarded', forwarded_at = $4, forwarded_to = $5
         WHERE case_number = $1 AND chain = $2 AND level = $3`,
        [caseNumber, chain, from, at, to],
      );
      await waiting(to, at);
      return;
    }
  }
}

/** DeadlineStarted/Met/Paused/Resumed/Extended/Cancelled carry the whole clock: take it as it is. */
async function snapshot(envelope: EventEnvelope, data: Data, query: Query): Promise<void> {
  const deadlineId = str(data.deadlineId);
  const dueAt = iso(data.dueAt);
  if (!deadlineId || !dueAt) return;
  await query(
    `INSERT INTO ${S}.board (context, deadline_id, case_number, rule, rule_source, clock, state, started_at, due_at, warn_at,
       provisional, completed_at, responsible_organisation_id, supervising_organisation_id, updated_at)
     VALUES ($1, $2, $3, $4, $5, (SELECT clock FROM ${S}.clock_names WHERE deadline_id = $2 AND $1 = 'incidents'),
       $6, $7, $8, $9, $10, $11, $12, $13, $14)
     ON CONFLICT (context, deadline_id) DO UPDATE SET
       rule = EXCLUDED.rule, rule_source = EXCLUDED.rule_source,
       -- a warning or breach already recorded by the sweeper outranks an older snapshot's state,
       -- unless the snapshot corrects it (the work was done in time, entered late)
       state = CASE WHEN ${S}.board.state = 'breached' AND NOT $15 THEN 'breached' ELSE EXCLUDED.state END,
       breached_at = CASE WHEN $15 THEN NULL ELSE ${S}.board.breached_at END,
       escalated_at = CASE WHEN $15 THEN NULL ELSE ${S}.board.escalated_at END,
       started_at = EXCLUDED.started_at, due_at = EXCLUDED.due_at, warn_at = EXCLUDED.warn_at,
       provisional = EXCLUDED.provisional, completed_at = EXCLUDED.completed_at,
       responsible_organisation_id = EXCLUDED.responsible_organisation_id,
       supervising_organisation_id = EXCLUDED.supervising_organisation_id, updated_at = EXCLUDED.updated_at`,
    [
      envelope.context,
      deadlineId,
      str(data.subject) ?? envelope.correlationId,
      str(data.rule) ?? 'unknown',
      str(data.ruleSource),
      str(data.state) ?? 'running',
      iso(data.startedAt),
      dueAt,
      iso(data.warnAt),
      data.provisional === true,
      iso(data.completedAt),
      str(data.responsibleOrganisationId),
      str(data.supervisingOrganisationId),
      envelope.occurredAt,
      data.breachCorrected === true,
    ],
  );
}

/**
 * A breach corrected (DeadlineMet in time after the breach was recorded): the escalation is
 * withdrawn, on the breach's stream, in the same transaction, so its supervisor is told.
 */
async function withdrawBreach(envelope: EventEnvelope, data: Data, query: Query, store: PostgresEventStore): Promise<void> {
  const deadlineId = str(data.deadlineId);
  if (!deadlineId) return;
  await withdrawEscalation(envelope, deadlineId, query, store, {
    reason: 'the work was done in time and entered late',
    state: 'met',
    completedAt: str(data.completedAt) ?? envelope.occurredAt,
  });
}

/** Withdraws the clock's breach escalation if it stands (the last event of its stream), once. */
async function withdrawEscalation(
  envelope: EventEnvelope,
  deadlineId: string,
  query: Query,
  store: PostgresEventStore,
  correction: { reason: string; state: string; dueAt?: string; completedAt: string | null },
): Promise<void> {
  const local = store.using(query);
  const streamId = breachStreamId(envelope.context, deadlineId);
  const stream = await local.readStream(streamId);
  const last = stream.at(-1);
  if (last?.type !== BREACH_ESCALATED) return; // never escalated, or withdrawn already
  const escalated = last.data as BreachEscalatedData;
  const withdrawn: BreachEscalationWithdrawnData = {
    deadlineId,
    sourceContext: envelope.context,
    caseNumber: envelope.correlationId,
    rule: escalated.rule,
    reason: correction.reason,
    state: correction.state,
    dueAt: correction.dueAt ?? escalated.dueAt,
    completedAt: correction.completedAt,
    supervisingOrganisationId: escalated.supervisingOrganisationId,
    responsibleOrganisationId: escalated.responsibleOrganisationId,
    correctionEventId: envelope.eventId,
  };
  await local.append(streamId, [{ type: BREACH_ESCALATION_WITHDRAWN, data: withdrawn, occurredAt: new Date(envelope.occurredAt) }], {
    streamType: BREACH_STREAM_TYPE,
    expectedVersion: last.version,
    actor: SYSTEM_ACTOR,
    correlationId: envelope.correlationId,
    causationId: envelope.eventId,
  });
}

/**
 * DeadlineWarned / DeadlineBreached / DeadlineLapsed from a sweeper: the state moves; a breach is
 * escalated once. A lapse (a window whose running out is its outcome, e.g. mediation 视为调解不成)
 * is final like a breach but nobody's failure: no breachedAt, no escalation.
 */
async function sweepStep(envelope: EventEnvelope, data: Data, query: Query, store: PostgresEventStore): Promise<void> {
  const deadlineId = str(data.deadlineId);
  const dueAt = iso(data.dueAt);
  if (!deadlineId || !dueAt) return;
  const breached = envelope.type === 'DeadlineBreached';
  const state = breached ? 'breached' : envelope.type === 'DeadlineLapsed' ? 'lapsed' : 'warned';
  const at = iso(data.at) ?? new Date(envelope.occurredAt);
  await query(
    `INSERT INTO ${S}.board (context, deadline_id, case_number, rule, rule_source, state, due_at,
       responsible_organisation_id, supervising_organisation_id, updated_at, warned_at, breached_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
     ON CONFLICT (context, deadline_id) DO UPDATE SET
       state = CASE WHEN $6 IN ('breached', 'lapsed') THEN $6
                    WHEN ${S}.board.state IN ('met', 'breached', 'lapsed', 'cancelled') THEN ${S}.board.state ELSE 'warned' END,
       warned_at = COALESCE(EXCLUDED.warned_at, ${S}.board.warned_at),
       breached_at = COALESCE(EXCLUDED.breached_at, ${S}.board.breached_at),
       updated_at = EXCLUDED.updated_at`,
    [
      envelope.context,
      deadlineId,
      str(data.subject) ?? envelope.correlationId,
      str(data.rule) ?? 'unknown',
      str(data.ruleSource),
      state,
      dueAt,
      str(data.responsibleOrganisationId),
      str(data.supervisingOrganisationId),
      envelope.occurredAt,
      state === 'warned' ? at : null,
      breached ? at : null,
    ],
  );
  if (!breached) return;

  // Escalated once per breach: the inbox skips a redelivered event, and the stream of the
  // escalation exists once per clock, so even a second breach event of the same clock adds nothing
  // — unless a calendar load withdrew the escalation and the clock has breached again since.
  const streamId = breachStreamId(envelope.context, deadlineId);
  const local = store.using(query);
  const history = await local.readStream(streamId);
  if (history.length > 0 && history.at(-1)!.type !== BREACH_ESCALATION_WITHDRAWN) return;
  const escalated: BreachEscalatedData = {
    deadlineId,
    sourceContext: envelope.context,
    caseNumber: envelope.correlationId,
    rule: str(data.rule) ?? 'unknown',
    ruleSource: str(data.ruleSource),
    dueAt: dueAt.toISOString(),
    breachedAt: at.toISOString(),
    responsibleOrganisationId: str(data.responsibleOrganisationId),
    supervisingOrganisationId: str(data.supervisingOrganisationId),
    breachEventId: envelope.eventId,
  };
  await local.append(streamId, [{ type: BREACH_ESCALATED, data: escalated, occurredAt: at }], {
    streamType: BREACH_STREAM_TYPE,
    expectedVersion: history.length === 0 ? 'no_stream' : history.at(-1)!.version,
    actor: SYSTEM_ACTOR,
    correlationId: envelope.correlationId,
    causationId: envelope.eventId,
  });
  await query(`UPDATE ${S}.board SET escalated_at = $3 WHERE context = $1 AND deadline_id = $2`, [envelope.context, deadlineId, at]);
}
