/**
 * Public events of the oversight context (监督: supervision of cases, escalation of breached
 * deadlines), published on `pingan.oversight.events`. The correlation id is the case number.
 * Instants are ISO 8601 UTC strings. Every event below is at schemaVersion 1.
 */

export const OVERSIGHT_CONTEXT = 'oversight';

/** 督办: one supervision of one case by one supervising body; stream `supervision-<id>`. */
export const SUPERVISION_STREAM_TYPE = 'supervision';
export const supervisionStreamId = (supervisionId: string): string => `supervision-${supervisionId}`;

/** The case reference, as the other contexts' events carry it. */
export type SupervisedCaseRef = {
  supervisionId: string;
  caseNumber: string;
  regionCode: string;
  hospitalId: string | null;
};

/** A health commission or political-legal committee puts a case under supervision with a due date. */
export type SupervisionStartedData = SupervisedCaseRef & {
  supervisorOrganisationId: string;
  supervisorKind: 'health_commission' | 'political_legal';
  instructions: string;
  dueAt: string;
  startedAt: string;
  /** The oversight clock that runs to `dueAt` (board, breach escalation). */
  deadlineId: string;
};
export type SupervisionProgressRecordedData = SupervisedCaseRef & { note: string; recordedAt: string };
export type SupervisionClosedData = SupervisedCaseRef & { conclusion: string; closedAt: string; metDueDate: boolean };

/**
 * A legal clock of any context breached (DeadlineBreached), escalated to the body that supervises
 * the responsible one (null when the clock names none: then regional oversight sees it on the
 * board). Appended once per breached clock; stream `breach-<context>-<deadlineId>`.
 */
export const BREACH_ESCALATED = 'BreachEscalated';
export const BREACH_STREAM_TYPE = 'breach-escalation';
export const breachStreamId = (context: string, deadlineId: string): string => `breach-${context}-${deadlineId}`;
export type BreachEscalatedData = {
  deadlineId: string;
  /** The context whose clock breached. */
  sourceContext: string;
  caseNumber: string;
  rule: string;
  ruleSource: string | null;
  dueAt: string;
  breachedAt: string;
  responsibleOrganisationId: string | null;
  supervisingOrganisationId: string | null;
  /** The DeadlineBreached event escalated. */
  breachEventId: string;
};

/**
 * A breach escalation withdrawn: the clock was not breached after all — a calendar load
 * recounted it (DeadlineReopened), or the work was done in time and entered late, with the
 * instant it happened (DeadlineMet correcting the breach). The supervising body that was told of
 * the breach is told of its withdrawal by this event, on the breach's stream; a later breach of
 * the clock is escalated again.
 */
export const BREACH_ESCALATION_WITHDRAWN = 'BreachEscalationWithdrawn';
export type BreachEscalationWithdrawnData = {
  deadlineId: string;
  sourceContext: string;
  caseNumber: string;
  rule: string;
  reason: string;
  /** The clock's state after the correction: running, warned or met. */
  state: string;
  dueAt: string;
  /** When the work was done, where it was (a late entry of work done in time). */
  completedAt: string | null;
  supervisingOrganisationId: string | null;
  responsibleOrganisationId: string | null;
  /** The DeadlineReopened or DeadlineMet event that corrected the breach. */
  correctionEventId: string;
};

export type OversightEvent =
  | { type: 'SupervisionStarted'; data: SupervisionStartedData }
  | { type: 'SupervisionProgressRecorded'; data: SupervisionProgressRecordedData }
  | { type: 'SupervisionClosed'; data: SupervisionClosedData }
  | { type: 'BreachEscalated'; data: BreachEscalatedData }
  | { type: 'BreachEscalationWithdrawn'; data: BreachEscalationWithdrawnData };

export const OVERSIGHT_EVENT_SCHEMA_VERSIONS = {
  SupervisionStarted: 1,
  SupervisionProgressRecorded: 1,
  SupervisionClosed: 1,
  BreachEscalated: 1,
  BreachEscalationWithdrawn: 1,
} as const satisfies Record<OversightEvent['type'], number>;
