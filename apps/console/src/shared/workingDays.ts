import { useCalendarYear } from '../shared/api/queries';

import { addDays, shanghaiDateOf } from '../../../../libs/contracts/src/shanghai-time';

/** The date (YYYY-MM-DD) in Beijing of an instant: the law's days are Beijing days. */
const beijingDate = (at: number): string => shanghaiDateOf(new Date(at));
const nextDate = (date: string): string => addDays(date, 1);

export interface WorkingDaysLeft {
  /** Working days after today up to the period's last day (today, already begun, is not counted). */
  left: number;
  /** Today is the period's last day: due at 24:00 tonight. */
  dueToday: boolean;
}

/**
 * How many working days a working-day clock has left, as the calendar counts them: the days after today up to
 * the day whose 24:00 (Beijing) is the due instant, counting working days only (holidays and weekends out,
 * 调休 make-up days in). Null when past due, or when a day's calendar is not at hand.
 */
export function workingDaysLeft(now: number, dueAt: string, isWorking: (date: string) => boolean | undefined): WorkingDaysLeft | null {
  const due = new Date(dueAt).getTime();
  if (now >= due) return null;
  const today = beijingDate(now);
  const last = beijingDate(due - 1);
  let left = 0;
  for (let day = nextDate(today); day <= last; day = nextDate(day)) {
    const working = isWorking(day);
    if (working === undefined) return null;
    if (working) left++;
  }
  return { left, dueToday: last === today };
}

/** The working-day calendar of the years from now to `dueAt` (GET /calendar/{year}), as a lookup. */
export function useWorkingDays(now: number, dueAt: string | null): ((date: string) => boolean | undefined) | null {
  const first = Number(beijingDate(now).slice(0, 4));
  const last = dueAt ? Number(beijingDate(new Date(dueAt).getTime()).slice(0, 4)) : first;
  const thisYear = useCalendarYear(first);
  // A period runs into next year at most (a few working days at the end of December).
  const nextYear = useCalendarYear(last > first ? last : first);
  if (!thisYear.data || !nextYear.data) return null;
  const days = new Map([...thisYear.data.days, ...nextYear.data.days].map((d) => [d.date, d.working]));
  return (date) => days.get(date);
}
