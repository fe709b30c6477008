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

/**
 * A clock step as a decider writes it into an event's `data.clocks` (instants as ISO strings).
 * Each context's contract narrows it (its rule names, the actions it uses).
 */
export type ClockInstruction =
  | {
      action: 'start';
      deadlineId: string;
      subject: string;
      rule: string;
      startedAt: string;
      responsibleOrganisationId?: string | null;
      supervisingOrganisationId?: string | null;
    }
  | { action: 'stop'; deadlineId: string; at: string }
  | { action: 'pause'; deadlineId: string; at: string }
  | { action: 'resume'; deadlineId: string; at: string }
  | { action: 'extend'; deadlineId: string; at: string; by: DeadlineLength; reason: string }
  | { action: 'cancel'; deadlineId: string; at: string; reason: string };

/**
 * The clock steps an event carries in `data.clocks`, in order, as ClockOps ('stop' = met: the
 * work the clock waited for was done). Events without `clocks` move no clock.
 */
export function clockOpsFromInstructions(data: Record<string, unknown>): ClockOp[] {
  const clocks = data.clocks;
  if (!Array.isArray(clocks)) return [];
  return (clocks as ClockInstruction[]).map((clock): ClockOp => {
    switch (clock.action) {
      case 'start':
        return {
          op: 'start',
          id: clock.deadlineId,
          subject: clock.subject,
          rule: clock.rule,
          startedAt: new Date(clock.startedAt),
          responsibleOrganisationId: clock.responsibleOrganisationId,
          supervisingOrganisationId: clock.supervisingOrganisationId,
        };
      case 'stop':
        return { op: 'met', id: clock.deadlineId, at: new Date(clock.at) };
      case 'pause':
        return { op: 'pause', id: clock.deadlineId, at: new Date(clock.at) };
      case 'resume':
        return { op: 'resume', id: clock.deadlineId, at: new Date(clock.at) };
      case 'extend':
        return { op: 'extend', id: clock.deadlineId, by: clock.by, reason: clock.reason, at: new Date(clock.at) };
      case 'cancel':
        return { op: 'cancel', id: clock.deadlineId, reason: clock.reason, at: new Date(clock.at) };
    }
  });
}

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
