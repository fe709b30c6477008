import { dueFrom, extendDue, resumeDue, warnInstant, type WorkingCalendar } from './due-date.js';
import { DeadlineError } from './errors.js';
import { assertLength, extensionUnitsOf, lapsesOnExpiry, type DeadlineLength, type DeadlineRule } from './rules.js';

/**
 * running → warned → breached (by the sweeper); running | warned → met; running | warned ⇄ paused;
 * running | warned | paused → cancelled (the duty fell away, e.g. an incident no longer major).
 * A rule with onExpiry 'lapse' ends running | warned → lapsed instead of breached: its own state,
 * not met, because nothing was done in time (met counts as compliance in the statistics and
 * carries a completion) and not breached, because nobody failed a duty. Its instant is dueAt.
 * met, breached, lapsed and cancelled are final.
 */
export type DeadlineState = 'running' | 'warned' | 'paused' | 'met' | 'breached' | 'lapsed' | 'cancelled';
export const DEADLINE_STATES: readonly DeadlineState[] = ['running', 'warned', 'paused', 'met', 'breached', 'lapsed', 'cancelled'];

export interface DeadlineExtension {
  by: DeadlineLength;
  reason: string;
  at: Date;
  dueBefore: Date;
  dueAfter: Date;
}

export interface Deadline {
  id: string;
  /** What the clock is about: a case number or stream id. */
  subject: string;
  /** Snapshot of the rule when the clock started. */
  rule: DeadlineRule;
  state: DeadlineState;
  startedAt: Date;
  dueAt: Date;
  warnAt: Date;
  /** When the sweeper should next look at it: warnAt while running, dueAt once warned, else null. */
  nextFireAt: Date | null;
  provisional: boolean;
  pausedAt: Date | null;
  pausedFrom: 'running' | 'warned' | null;
  /** Total time spent paused so far (ms). */
  pausedMs: number;
  /** When the work was done; set also when it was done too late (the clock then breaches). */
  completedAt: Date | null;
  /** When the sweeper recorded the warning / breach. */
  warnedAt: Date | null;
  breachedAt: Date | null;
  responsibleOrganisationId: string | null;
  supervisingOrganisationId: string | null;
  extensions: DeadlineExtension[];
  /** Every pause that has ended, oldest first: what a recompute replays. */
  pauses: Array<{ from: Date; to: Date }>;
  /** The due instant was set for this clock (StartDeadline.dueAt), not counted from its rule. */
  dueSet: boolean;
}

export interface StartDeadline {
  id: string;
  subject: string;
  /** A rule name from the service's catalogue. */
  rule: string;
  startedAt: Date;
  responsibleOrganisationId?: string | null;
  supervisingOrganisationId?: string | null;
  /** A due instant set for this one clock (a supervisor's due date) instead of the rule's length. */
  dueAt?: Date;
}

const isFinal = (state: DeadlineState): boolean =>
  state === 'met' || state === 'breached' || state === 'lapsed' || state === 'cancelled';

/** The state a clock ends in when the sweeper finds it past due: its rule decides (onExpiry). */
export const expiredState = (rule: DeadlineRule): 'breached' | 'lapsed' => (lapsesOnExpiry(rule) ? 'lapsed' : 'breached');

function assertNotBefore(at: Date, earliest: Date, what: string): void {
  if (Number.isNaN(at.getTime()) || at < earliest) {
    throw new DeadlineError('DEADLINE.INVALID_TIME', `${what} at ${at.toISOString()} is before ${earliest.toISOString()}`);
  }
}

/** Recomputes the warning instant and what the sweeper waits for next. */
function rearm(deadline: Deadline, at: Date): Deadline {
  const warnAt = warnInstant(deadline.startedAt, deadline.dueAt, deadline.pausedMs, deadline.rule.warnAtFraction);
  let state = deadline.state;
  // An extension that moves the warning into the future arms it again (for the new due date).
  if (state === 'warned' && warnAt > at) state = 'running';
  const nextFireAt = state === 'running' ? warnAt : state === 'warned' ? deadline.dueAt : null;
  return { ...deadline, state, warnAt, nextFireAt };
}

export function startDeadline(input: StartDeadline, rule: DeadlineRule, calendar?: WorkingCalendar): Deadline {
  const { due, provisional } = input.dueAt
    ? { due: input.dueAt, provisional: false }
    : dueFrom(input.startedAt, rule.length, {
        calendar,
        extendOverHoliday: rule.extendOverHoliday,
        excludeStartHour: rule.excludeStartHour,
      });
  assertNotBefore(due, input.startedAt, 'due');
  const deadline: Deadline = {
    id: input.id,
    subject: input.subject,
    rule,
    state: 'running',
    startedAt: input.startedAt,
    dueAt: due,
    warnAt: due,
    nextFireAt: null,
    provisional,
    pausedAt: null,
    pausedFrom: null,
    pausedMs: 0,
    completedAt: null,
    warnedAt: null,
    breachedAt: null,
    responsibleOrganisationId: input.responsibleOrganisationId ?? null,
    supervisingOrganisationId: input.supervisingOrganisationId ?? null,
    extensions: [],
    pauses: [],
    dueSet: input.dueAt !== undefined,
  };
  return rearm(deadline, input.startedAt);
}

/**
 * The work was done at `at`: the instant it happened decides, not when it was entered. In time it
 * stops the clock, even one the sweeper already breached (entered late: the breach is corrected,
 * `breachedAt` stays as the record that it had been reported); too late (after the due instant)
 * it only records the completion and the clock breaches. Repeating it changes nothing.
 */
export function meetDeadline(deadline: Deadline, at: Date): Deadline {
  assertNotBefore(at, deadline.startedAt, 'met');
  if (deadline.completedAt) return deadline;
  // A lapsed window is over: whatever ran out with it (mediation failed) is already recorded.
  if (deadline.state === 'met' || deadline.state === 'lapsed') return deadline;
  if (deadline.state === 'breached' && at <= deadline.dueAt) return { ...deadline, state: 'met', completedAt: at, nextFireAt: null };
  if (deadline.state === 'breached' || (deadline.state !== 'paused' && at > deadline.dueAt)) {
    return { ...deadline, completedAt: at };
  }
  return { ...deadline, state: 'met', completedAt: at, nextFireAt: null, pausedAt: null, pausedFrom: null };
}

/**
 * The duty behind the clock no longer applies. A clock already met, breached or lapsed keeps its
 * outcome (a breach is not undone by cancelling); repeating it changes nothing.
 */
export function cancelDeadline(deadline: Deadline, at: Date): Deadline {
  if (isFinal(deadline.state)) return deadline;
  assertNotBefore(at, deadline.startedAt, 'cancel');
  return { ...deadline, state: 'cancelled', nextFireAt: null, pausedAt: null, pausedFrom: null };
}

export function pauseDeadline(deadline: Deadline, at: Date): Deadline {
  if (deadline.state === 'paused') return deadline;
  if (isFinal(deadline.state)) throw new DeadlineError('DEADLINE.FINAL', `Deadline ${deadline.id} is ${deadline.state}`);
  assertNotBefore(at, deadline.startedAt, 'pause');
  if (at >= deadline.dueAt) {
    throw new DeadlineError('DEADLINE.PAST_DUE', `Deadline ${deadline.id} ran out at ${deadline.dueAt.toISOString()}`);
  }
  return { ...deadline, state: 'paused', pausedAt: at, pausedFrom: deadline.state as 'running' | 'warned', nextFireAt: null };
}

export function resumeDeadline(deadline: Deadline, at: Date, calendar?: WorkingCalendar): Deadline {
  if (deadline.state !== 'paused' || !deadline.pausedAt || !deadline.pausedFrom) {
    if (isFinal(deadline.state)) throw new DeadlineError('DEADLINE.FINAL', `Deadline ${deadline.id} is ${deadline.state}`);
    return deadline; // not paused: nothing to resume (a redelivered command)
  }
  assertNotBefore(at, deadline.pausedAt, 'resume');
  const { due, provisional } = resumeDue(
    { startedAt: deadline.startedAt, pausedAt: deadline.pausedAt, dueAt: deadline.dueAt, unit: deadline.rule.length.unit },
    at,
    { calendar, extendOverHoliday: deadline.rule.extendOverHoliday },
  );
  return rearm(
    {
      ...deadline,
      state: deadline.pausedFrom,
      dueAt: due,
      provisional: deadline.provisional || provisional,
      pausedMs: deadline.pausedMs + (at.getTime() - deadline.pausedAt.getTime()),
      pauses: [...deadline.pauses, { from: deadline.pausedAt, to: at }],
      pausedAt: null,
      pausedFrom: null,
    },
    at,
  );
}

/**
 * Lengthens the period, e.g. when the parties agree to extend mediation. Day rules take
 * extensions in their own unit, clock-time rules in minutes or hours. A clock that has
 * already run out cannot be extended.
 */
export function extendDeadline(deadline: Deadline, by: DeadlineLength, reason: string, at: Date, calendar?: WorkingCalendar): Deadline {
  if (isFinal(deadline.state)) throw new DeadlineError('DEADLINE.FINAL', `Deadline ${deadline.id} is ${deadline.state}`);
  assertLength(by, 'extension');
  const ruleUnit = deadline.rule.length.unit;
  if (!extensionUnitsOf(ruleUnit).includes(by.unit)) {
    throw new DeadlineError('DEADLINE.EXTENSION_UNIT', `A ${ruleUnit} deadline cannot be extended in ${by.unit}`);
  }
  if (deadline.state !== 'paused' && at > deadline.dueAt) {
    throw new DeadlineError('DEADLINE.PAST_DUE', `Deadline ${deadline.id} ran out at ${deadline.dueAt.toISOString()}`);
  }
  const { due, provisional } = extendDue(deadline.dueAt, by, { calendar, extendOverHoliday: deadline.rule.extendOverHoliday });
  const extension: DeadlineExtension = { by, reason, at, dueBefore: deadline.dueAt, dueAfter: due };
  return rearm(
    {
      ...deadline,
      dueAt: due,
      provisional: deadline.provisional || provisional,
      extensions: [...deadline.extensions, extension],
    },
    at,
  );
}

/** How a recompute changed a clock. */
export interface Rescheduled {
  before: Deadline;
  after: Deadline;
  /** A breach on the old count that the new count withdraws (the clock runs again, or was met in time). */
  reopened: boolean;
}

/**
 * Counts the clock again on `calendar` — its rule from the start, then each pause and extension in
 * the order they happened — as when a year whose days were a guess is loaded or corrected. A
 * running, warned or paused clock takes the new due instant (and warns again if its new warning
 * instant is ahead). A clock breached on the old count is reopened when the new one says it was
 * not yet due at `at`, or when its work was done by the new due instant (then it is met). Met and
 * cancelled clocks, clocks with a due instant of their own, and clocks paused before pauses were
 * recorded are left alone. Returns null when nothing changes.
 */
export function rescheduleDeadline(deadline: Deadline, calendar: WorkingCalendar, at: Date): Rescheduled | null {
  // A lapsed window set off its outcome (mediation failed): a recount does not reopen it.
  if (deadline.dueSet || deadline.state === 'met' || deadline.state === 'lapsed' || deadline.state === 'cancelled') return null;
  if (deadline.pausedMs > 0 && deadline.pauses.length === 0) return null;
  const options = { calendar, extendOverHoliday: deadline.rule.extendOverHoliday, excludeStartHour: deadline.rule.excludeStartHour };
  let { due, provisional } = dueFrom(deadline.startedAt, deadline.rule.length, options);
  type Step = { at: Date; resume?: { from: Date; to: Date }; extension?: DeadlineExtension };
  const steps: Step[] = [
    ...deadline.pauses.map((pause): Step => ({ at: pause.to, resume: pause })),
    ...deadline.extensions.map((extension): Step => ({ at: extension.at, extension })),
  ].sort((a, b) => a.at.getTime() - b.at.getTime());
  const extensions: DeadlineExtension[] = [];
  for (const step of steps) {
    if (step.resume) {
      const resumed = resumeDue(
        { startedAt: deadline.startedAt, pausedAt: step.resume.from, dueAt: due, unit: deadline.rule.length.unit },
        step.resume.to,
        options,
      );
      due = resumed.due;
      provisional ||= resumed.provisional;
    } else if (step.extension) {
      const extended = extendDue(due, step.extension.by, options);
      extensions.push({ ...step.extension, dueBefore: due, dueAfter: extended.due });
      due = extended.due;
      provisional ||= extended.provisional;
    }
  }
  if (due.getTime() === deadline.dueAt.getTime() && provisional === deadline.provisional) return null;

  const recounted: Deadline = { ...deadline, dueAt: due, provisional, extensions };
  if (deadline.state !== 'breached') return { before: deadline, after: rearm(recounted, at), reopened: false };

  if (deadline.completedAt && deadline.completedAt <= due) {
    // The work was done in time after all: met, and the breach withdrawn.
    return { before: deadline, after: { ...recounted, state: 'met', breachedAt: null, nextFireAt: null }, reopened: true };
  }
  if (due > at) {
    // Not yet due on the official count: it runs again (it had warned; it warns again if that is still ahead).
    return { before: deadline, after: rearm({ ...recounted, state: 'warned', breachedAt: null }, at), reopened: true };
  }
  return {
    before: deadline,
    after: { ...recounted, warnAt: warnInstant(recounted.startedAt, due, recounted.pausedMs, recounted.rule.warnAtFraction) },
    reopened: false,
  };
}
