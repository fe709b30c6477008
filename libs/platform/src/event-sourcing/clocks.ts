import type { Query, StoredEvent } from '@pingan/event-store';
import type { Deadline, DeadlineLength, DeadlineStore, StartDeadline } from '@pingan/deadlines';

/**
 * What an event means for the service's legal clocks. Each service writes one pure function
 * `clocksFor(event) => ClockOp[]` (which event starts, pauses, extends or stops which clock);
 * the runtime applies the ops exactly once, in the same transaction as its checkpoint.
 */
export type ClockOp =
  | ({ op: 'start' } & StartDeadline)
  | { op: 'met'; id: string; at: Date }
  | { op: 'pause'; id: string; at: Date }
  | { op: 'resume'; id: string; at: Date }
  | { op: 'extend'; id: string; by: DeadlineLength; reason: string; at: Date }
  | { op: 'cancel'; id: string; reason: string; at: Date };

export type ClocksFor = (event: StoredEvent) => ClockOp[];

export function applyClockOp(deadlines: DeadlineStore, op: ClockOp): Promise<Deadline> {
  switch (op.op) {
    case 'start': {
      const { op: _op, ...input } = op;
      return deadlines.start(input);
    }
    case 'met':
      return deadlines.met(op.id, op.at);
    case 'pause':
      return deadlines.pause(op.id, op.at);
    case 'resume':
      return deadlines.resume(op.id, op.at);
    case 'extend':
      return deadlines.extend(op.id, op.by, op.reason, op.at);
    case 'cancel':
      return deadlines.cancel(op.id, op.at);
  }
}

/** When the step happened. */
export const clockOpAt = (op: ClockOp): Date => (op.op === 'start' ? op.startedAt : op.at);

/** Event types a context publishes about its clocks, so oversight can keep one board of them all. */
export const CLOCK_EVENT_TYPES = {
  start: 'DeadlineStarted',
  met: 'DeadlineMet',
  pause: 'DeadlinePaused',
  resume: 'DeadlineResumed',
  extend: 'DeadlineExtended',
  cancel: 'DeadlineCancelled',
} as const satisfies Record<ClockOp['op'], string>;

/** The clock as it stands after a step, as event data (instants as ISO strings). */
export function clockSnapshot(deadline: Deadline, op: ClockOp): Record<string, unknown> & { deadlineId: string; subject: string } {
  return {
    deadlineId: deadline.id,
    subject: deadline.subject,
    rule: deadline.rule.name,
    ruleSource: deadline.rule.source,
    state: deadline.state,
    startedAt: deadline.startedAt.toISOString(),
    dueAt: deadline.dueAt.toISOString(),
    warnAt: deadline.warnAt.toISOString(),
    provisional: deadline.provisional,
    completedAt: deadline.completedAt?.toISOString() ?? null,
    responsibleOrganisationId: deadline.responsibleOrganisationId,
    supervisingOrganisationId: deadline.supervisingOrganisationId,
    ...('reason' in op ? { reason: op.reason } : {}),
  };
}

export type { Query };
