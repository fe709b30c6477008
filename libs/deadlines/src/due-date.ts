import { addDays, shanghaiDateOf, startOfShanghaiDay } from '@pingan/contracts';
import { addCalendarMonths, daysBetween } from './months.js';
import { isDayUnit, type DeadlineLength } from './rules.js';

export interface DueResult {
  due: Date;
  /** True when the result depends on a year whose official holiday schedule is not yet known. */
  provisional: boolean;
}

/**
 * The little this library needs from China's calendar (`ChinaCalendar` from @pingan/calendar
 * fits). Day periods exclude their start day and end at 24:00 Asia/Shanghai of their last day.
 */
export interface WorkingCalendar {
  addWorkingDays(start: Date, n: number): DueResult;
  addCalendarDays(start: Date, n: number, options: { extendOverHoliday: boolean }): DueResult;
  isWorkingDay(date: string): boolean;
}

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

export interface DayOptions {
  calendar?: WorkingCalendar;
  extendOverHoliday?: boolean;
  /** hours: start counting at the next whole hour (CPL art. 105), see DeadlineRule.excludeStartHour. */
  excludeStartHour?: boolean;
}

function needCalendar(calendar: WorkingCalendar | undefined): WorkingCalendar {
  if (!calendar) throw new RangeError('Day-counted deadlines need a WorkingCalendar');
  return calendar;
}

/** The instant a period of `length` that starts at `start` runs out. */
export function dueFrom(start: Date, length: DeadlineLength, options: DayOptions = {}): DueResult {
  switch (length.unit) {
    case 'minutes':
      return { due: new Date(start.getTime() + length.amount * MINUTE_MS), provisional: false };
    case 'hours': {
      // The hour of the start does not count: from the next whole hour (Shanghai has whole-hour offsets).
      const from = options.excludeStartHour ? Math.floor(start.getTime() / HOUR_MS) * HOUR_MS + HOUR_MS : start.getTime();
      return { due: new Date(from + length.amount * HOUR_MS), provisional: false };
    }
    case 'working_days':
      return needCalendar(options.calendar).addWorkingDays(start, length.amount);
    case 'calendar_days':
      return needCalendar(options.calendar).addCalendarDays(start, length.amount, {
        extendOverHoliday: options.extendOverHoliday ?? true,
      });
    case 'months': {
      // To the same date n months on (see addCalendarMonths), then like a period of days: a last
      // day that is a holiday moves to the next working day unless custody (CPL art. 105).
      const startDay = shanghaiDateOf(start);
      const days = daysBetween(startDay, addCalendarMonths(startDay, length.amount));
      return needCalendar(options.calendar).addCalendarDays(start, days, { extendOverHoliday: options.extendOverHoliday ?? true });
    }
    default: {
      const never: never = length.unit;
      throw new RangeError(`Unknown unit ${String(never)}`);
    }
  }
}

/**
 * Pushes a due instant out by `by`. Day extensions run on from the last day of the current
 * period (so "+15 working days" means the 15 working days after it), clock-time ones add time.
 */
export function extendDue(due: Date, by: DeadlineLength, options: DayOptions = {}): DueResult {
  if (!isDayUnit(by.unit)) return dueFrom(due, by, options);
  return dueFrom(noonOf(lastDayOf(due)), by, options);
}

/**
 * The new due instant after a pause from `pausedAt` to `resumedAt` (see README: pause).
 * Clock-time periods move by the paused duration. Day periods are recounted: the days left
 * (from the pause day, or the day after the start, through the last day) are counted again
 * from the resume day, so the pause day is free and the resume day counts — exactly one of
 * the two part-used days is counted, and a pause within one day changes nothing.
 */
export function resumeDue(
  clock: { startedAt: Date; pausedAt: Date; dueAt: Date; unit: DeadlineLength['unit'] },
  resumedAt: Date,
  options: DayOptions = {},
): DueResult {
  const shifted = { due: new Date(clock.dueAt.getTime() + (resumedAt.getTime() - clock.pausedAt.getTime())), provisional: false };
  if (!isDayUnit(clock.unit)) return shifted;

  const calendar = needCalendar(options.calendar);
  const startDay = shanghaiDateOf(clock.startedAt);
  const from = maxDay(shanghaiDateOf(clock.pausedAt), addDays(startDay, 1));
  const last = lastDayOf(clock.dueAt);
  let remaining = 0;
  for (let day = from; day <= last; day = addDays(day, 1)) {
    if (clock.unit !== 'working_days' || calendar.isWorkingDay(day)) remaining++;
  }
  // Only when paused at the very end of a period; nothing left to recount.
  if (remaining < 1) return shifted;

  // Counting excludes the base day: the day before the resume day, never before the start day.
  const base = maxDay(addDays(shanghaiDateOf(resumedAt), -1), startDay);
  // What is left of a month period is a number of calendar days.
  return dueFrom(noonOf(base), { unit: clock.unit === 'months' ? 'calendar_days' : clock.unit, amount: remaining }, options);
}

/**
 * When to warn: once `fraction` of the active period (start to due, less time paused) has
 * elapsed, i.e. (1 − fraction) of it before the due instant.
 */
export function warnInstant(startedAt: Date, dueAt: Date, pausedMs: number, fraction: number): Date {
  const active = dueAt.getTime() - startedAt.getTime() - pausedMs;
  return new Date(dueAt.getTime() - Math.round((1 - fraction) * Math.max(active, 0)));
}

/** The Shanghai date of the last day a period ending at `due` (24:00 of that day) covers. */
export function lastDayOf(due: Date): string {
  return shanghaiDateOf(new Date(due.getTime() - 1));
}

const noonOf = (date: string): Date => new Date(startOfShanghaiDay(date).getTime() + 12 * HOUR_MS);
const maxDay = (a: string, b: string): string => (a > b ? a : b);
