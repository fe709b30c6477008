import type { ClockInstruction } from '@pingan/contracts';
import type { Deadline, StartDeadline } from './deadline.js';
import type { DeadlineStore } from './deadline-store.js';
import type { DeadlineLength } from './rules.js';

/** One step of a legal clock, with instants as dates: what a DeadlineStore is asked to do. */
export type ClockStep =
  | ({ op: 'start' } & StartDeadline)
  | { op: 'met'; id: string; at: Date }
  | { op: 'pause'; id: string; at: Date }
  | { op: 'resume'; id: string; at: Date }
  | { op: 'extend'; id: string; by: DeadlineLength; reason: string; at: Date }
  | { op: 'cancel'; id: string; reason: string; at: Date };

/** What of an event its clock steps depend on (a stored event, or one just appended). */
export interface ClockSource {
  type?: string;
  data: Record<string, unknown>;
  correlationId?: string;
  occurredAt?: string | Date;
}

/** The clock instructions an event carries in `data.clocks` (none: the event moves no clock). */
export const clockInstructionsOf = (event: Pick<ClockSource, 'data'>): ClockInstruction[] =>
  Array.isArray(event.data.clocks) ? (event.data.clocks as ClockInstruction[]) : [];

/**
 * The one translation of clock instructions into steps. 'stop' is met (the work was done) unless
 * its outcome is 'moot' (the duty fell away without the work: cancelled, so nobody is credited
 * with compliance they did not achieve). A start's subject defaults to the event's correlation
 * id (the case number); an extension's instant to when the event occurred.
 */
export function clockStepsOf(instructions: readonly ClockInstruction[], event: ClockSource): ClockStep[] {
  return instructions.map((clock): ClockStep => {
    switch (clock.action) {
      case 'start':
        return {
          op: 'start',
          id: clock.deadlineId,
          subject: clock.subject ?? event.correlationId ?? '',
          rule: clock.rule,
          startedAt: new Date(clock.startedAt),
          dueAt: clock.dueAt === undefined ? undefined : new Date(clock.dueAt),
          responsibleOrganisationId: clock.responsibleOrganisationId,
          supervisingOrganisationId: clock.supervisingOrganisationId,
        };
      case 'stop':
        return clock.outcome === 'moot'
          ? { op: 'cancel', id: clock.deadlineId, reason: 'moot: the duty ended without the work', at: new Date(clock.at) }
          : { op: 'met', id: clock.deadlineId, at: new Date(clock.at) };
      case 'pause':
        return { op: 'pause', id: clock.deadlineId, at: new Date(clock.at) };
      case 'resume':
        return { op: 'resume', id: clock.deadlineId, at: new Date(clock.at) };
      case 'extend':
        return {
          op: 'extend',
          id: clock.deadlineId,
          by: clock.by,
          reason: clock.reason,
          at: new Date(clock.at ?? event.occurredAt ?? NaN),
        };
      case 'cancel':
        return { op: 'cancel', id: clock.deadlineId, reason: clock.reason, at: new Date(clock.at) };
    }
  });
}

/** The clock steps an event carries (`data.clocks`): the default `clocksFor` of a service. */
export const clockStepsFor = (event: ClockSource): ClockStep[] => clockStepsOf(clockInstructionsOf(event), event);

export function applyClockStep(deadlines: DeadlineStore, step: ClockStep): Promise<Deadline> {
  switch (step.op) {
    case 'start': {
      const { op: _op, ...input } = step;
      return deadlines.start(input);
    }
    case 'met':
      return deadlines.met(step.id, step.at);
    case 'pause':
      return deadlines.pause(step.id, step.at);
    case 'resume':
      return deadlines.resume(step.id, step.at);
    case 'extend':
      return deadlines.extend(step.id, step.by, step.reason, step.at);
    case 'cancel':
      return deadlines.cancel(step.id, step.at);
  }
}

/** When the step happened. */
export const clockStepAt = (step: ClockStep): Date => (step.op === 'start' ? step.startedAt : step.at);

/** Event types a context publishes about its clocks, so oversight can keep one board of them all. */
export const CLOCK_EVENT_TYPES = {
  start: 'DeadlineStarted',
  met: 'DeadlineMet',
  pause: 'DeadlinePaused',
  resume: 'DeadlineResumed',
  extend: 'DeadlineExtended',
  cancel: 'DeadlineCancelled',
} as const satisfies Record<ClockStep['op'], string>;

/**
 * A recompute's events (a calendar year loaded or corrected): `DeadlineRescheduled` carries the
 * clock as it now stands with `previousDueAt` and the reason; `DeadlineReopened` follows when a
 * breach on the old count is withdrawn (the clock runs again, or was met in time), so whoever
 * escalated the breach withdraws the escalation.
 */
export const DEADLINE_RESCHEDULED = 'DeadlineRescheduled';
export const DEADLINE_REOPENED = 'DeadlineReopened';

/** The clock as it stands after a step, as event data (instants as ISO strings). */
export function clockSnapshot(
  deadline: Deadline,
  step: ClockStep | { reason: string },
): Record<string, unknown> & { deadlineId: string; subject: string } {
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
    // Met in time after a breach had been recorded: readers withdraw what the breach set off.
    breachCorrected: deadline.state === 'met' && deadline.breachedAt !== null,
    breachedAt: deadline.breachedAt?.toISOString() ?? null,
    responsibleOrganisationId: deadline.responsibleOrganisationId,
    supervisingOrganisationId: deadline.supervisingOrganisationId,
    ...('reason' in step ? { reason: step.reason } : {}),
  };
}
