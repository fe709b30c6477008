import chineseDays from 'chinese-days';
import { addDays, isoDate, parseIsoDate } from '@pingan/contracts';

/**
 * Lunar calendar and solar terms from `chinese-days`, used only for the statutory holidays
 * of years the State Council has not published yet. Its lunar table runs to 2099.
 *
 * Its date-string functions read dates in the process's local time zone, so west of UTC
 * they are a day off. We call them only in ways that do not depend on the time zone.
 */
const { getLunarDate, getSolarTermDate } = chineseDays;

const DAY_MS = 24 * 60 * 60 * 1000;

export interface LunarDate {
  year: number;
  month: number;
  day: number;
  isLeapMonth: boolean;
}

/** The lunar date of a Shanghai calendar date. */
export function lunarDateOf(date: string): LunarDate {
  const { year, month, day } = parseIsoDate(date);
  // The package counts whole days between two instants from its base, 1900-01-31 00:00
  // Shanghai; passing noon Shanghai time of our date makes that count independent of the
  // local time zone.
  const noonInShanghai = new Date(Date.UTC(year, month - 1, day, 4));
  const lunar = getLunarDate(noonInShanghai);
  return { year: lunar.lunarYear, month: lunar.lunarMon, day: lunar.lunarDay, isLeapMonth: lunar.isLeap };
}

/** The Gregorian date of a day in a lunar year (never a leap month's day). */
export function solarDateOfLunar(lunarYear: number, lunarMonth: number, lunarDay: number): string {
  // Lunar New Year falls between Jan 21 and Feb 20; the whole lunar year (≤ 385 days)
  // follows it, so a forward scan from Jan 1 finds any of its days.
  let date = isoDate(lunarYear, 1, 1);
  for (let i = 0; i < 420; i++, date = addDays(date, 1)) {
    const lunar = lunarDateOf(date);
    if (lunar.year === lunarYear && lunar.month === lunarMonth && lunar.day === lunarDay && !lunar.isLeapMonth) {
      return date;
    }
  }
  throw new RangeError(`No lunar date ${lunarYear}-${lunarMonth}-${lunarDay}`);
}

/** The date of Qingming (清明, solar term "pure brightness") in a Gregorian year. */
export function qingmingDate(year: number): string {
  const printed = getSolarTermDate(year, 4, 'pure_brightness');
  // The package builds the term's date at 00:00 UTC and prints it in local time; west of
  // UTC that prints the day before, so undo the shift.
  const { year: y, month, day } = parseIsoDate(printed);
  const nextUtcMidnight = new Date(Date.UTC(y, month - 1, day) + DAY_MS);
  return nextUtcMidnight.getTimezoneOffset() > 0 ? addDays(printed, 1) : printed;
}
