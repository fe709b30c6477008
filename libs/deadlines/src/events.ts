import type { Query } from '@pingan/event-store';

/**
 * What the sweeper announces. `at` is the instant the threshold was crossed (the warning
 * instant, or the due instant), independent of when a sweeper noticed it (`detectedAt`).
 * Instants are ISO 8601 UTC strings so the event can go into an event store as JSON as is.
 */
export interface DeadlineEvent {
  /** DeadlineLapsed: a clock of an onExpiry 'lapse' rule ran out (its outcome, not a breach: never escalated). */
  type: 'DeadlineWarned' | 'DeadlineBreached' | 'DeadlineLapsed';
  deadlineId: string;
  subject: string;
  /** The rule's name; `ruleSource` cites where it comes from. */
  rule: string;
  ruleSource: string;
  dueAt: string;
  at: string;
  detectedAt: string;
  responsibleOrganisationId: string | null;
  /** A breach is escalated to this body (the one supervising the responsible organisation). */
  supervisingOrganisationId: string | null;
}

/**
 * Called inside the sweeper's transaction, with that transaction's `query`: append the event
 * to the service's event store (or outbox) with it, and the event exists if and only if the
 * clock's transition committed. Throwing rolls the transition back; the next sweep retries.
 */
export type DeadlineEventHandler = (event: DeadlineEvent, query: Query) => Promise<void>;
