import { addDays, isWeekend, isoDate } from '@pingan/contracts';
import { qingmingDate, solarDateOfLunar } from './lunar.js';

/**
 * A statutory holiday rule: `days` consecutive days starting `offset` days from an anchor
 * (a Gregorian date, a lunar date of the same year, or the Qingming solar term).
 */
export interface StatutoryHolidayRule {
  /** e.g. '春节 Spring Festival' */
  name: string;
  anchor: { kind: 'solar'; month: number; day: number } | { kind: 'lunar'; month: number; day: number } | { kind: 'qingming' };
  offset?: number;
  days: number;
}

export interface StatutoryHoliday {
  date: string;
  name: string;
}

/**
 * 《全国年节及纪念日放假办法》, 2024 revision, in force from 2025-01-01: the days off for
 * everyone. The State Council's yearly notice adds bridging days and make-up working days
 * around them; without a notice only these and the weekends are known.
 * [law] — a configurable default: pass other rules to ChinaCalendar if the law changes.
 */
export const STATUTORY_HOLIDAYS_2024_REVISION: readonly StatutoryHolidayRule[] = [
  { name: "元旦 New Year's Day", anchor: { kind: 'solar', month: 1, day: 1 }, days: 1 },
  // Lunar New Year's Eve (除夕) to the 3rd day of the first lunar month.
  { name: '春节 Spring Festival', anchor: { kind: 'lunar', month: 1, day: 1 }, offset: -1, days: 4 },
  { name: '清明节 Qingming Festival', anchor: { kind: 'qingming' }, days: 1 },
  { name: '劳动节 Labour Day', anchor: { kind: 'solar', month: 5, day: 1 }, days: 2 },
  { name: '端午节 Dragon Boat Festival', anchor: { kind: 'lunar', month: 5, day: 5 }, days: 1 },
  { name: '中秋节 Mid-Autumn Festival', anchor: { kind: 'lunar', month: 8, day: 15 }, days: 1 },
  { name: '国庆节 National Day', anchor: { kind: 'solar', month: 10, day: 1 }, days: 3 },
];

/** The first year the 2024 revision applies to. */
export const STATUTORY_RULES_IN_FORCE_FROM = 2025;
/** The lunar table of `chinese-days` ends with 2099. */
export const LAST_COMPUTABLE_YEAR = 2099;

/** The statutory holidays of a Gregorian year, in date order. */
export function statutoryHolidays(year: number, rules: readonly StatutoryHolidayRule[]): StatutoryHoliday[] {
  const holidays: StatutoryHoliday[] = [];
  for (const rule of rules) {
    const first = addDays(anchorDate(year, rule.anchor), rule.offset ?? 0);
    for (let i = 0; i < rule.days; i++) holidays.push({ date: addDays(first, i), name: rule.name });
  }
  return holidays.sort((a, b) => a.date.localeCompare(b.date));
}

function anchorDate(year: number, anchor: StatutoryHolidayRule['anchor']): string {
  switch (anchor.kind) {
    case 'solar':
      return isoDate(year, anchor.month, anchor.day);
    case 'lunar':
      // The festivals of lunar year Y all fall within Gregorian year Y (New Year's Eve at
      // the earliest on Jan 20).
      return solarDateOfLunar(year, anchor.month, anchor.day);
    case 'qingming':
      return qingmingDate(year);
  }
}

/** A day off of the legal fallback, with the article that makes it one. */
export interface FallbackDayOff {
  date: string;
  /** 'art. 2': the holiday itself; 'art. 6': a working day given off in lieu (补假) of a holiday on a weekend. */
  article: 'art. 2' | 'art. 6';
  /** e.g. '春节 Spring Festival', or for art. 6 the holiday and weekend day it makes up for. */
  name: string;
}

/**
 * The days off the law alone fixes for a year without a State Council notice: the statutory
 * holidays (art. 2) and, per art. 6 (全体公民放假的假日，如果适逢星期六、星期日，应当在工作日补假),
 * one working day in lieu for each statutory day that falls on a Saturday or Sunday.
 *
 * Art. 6 does not say which working day; we take the practice of every notice so far: the first
 * weekdays after that holiday that are neither another statutory day nor already given in lieu
 * (元旦 2023 on a Sunday → Mon 2 Jan; 端午 2025 on a Saturday → Mon 2 Jun). A date that is two
 * holidays at once (2028-10-03) counts once: art. 6 speaks only of weekends. Art. 7 (调休 to
 * form longer breaks, at most 6 working days in a row) leaves the days to the State Council, so
 * the fallback does not guess them: every result stays provisional until the notice is loaded.
 */
export function fallbackDaysOff(year: number, rules: readonly StatutoryHolidayRule[]): FallbackDayOff[] {
  const statutory = statutoryHolidays(year, rules);
  const holidayDates = new Set(statutory.map((h) => h.date));
  const inLieu = new Set<string>();
  const days: FallbackDayOff[] = [];
  const seen = new Set<string>();
  for (const rule of rules) {
    const first = addDays(anchorDate(year, rule.anchor), rule.offset ?? 0);
    const dates = Array.from({ length: rule.days }, (_, i) => addDays(first, i));
    let next = addDays(dates[dates.length - 1]!, 1);
    for (const date of dates) {
      if (seen.has(date)) continue; // already counted under another holiday
      seen.add(date);
      if (!isWeekend(date)) continue;
      while (isWeekend(next) || holidayDates.has(next) || inLieu.has(next)) next = addDays(next, 1);
      inLieu.add(next);
      days.push({ date: next, article: 'art. 6', name: `${rule.name} on ${weekdayName(date)} ${date}` });
    }
  }
  for (const { date, name } of statutory) days.push({ date, article: 'art. 2', name });
  return days.sort((a, b) => a.date.localeCompare(b.date) || a.article.localeCompare(b.article));
}

const weekdayName = (date: string): string => (new Date(`${date}T00:00:00Z`).getUTCDay() === 6 ? 'Saturday' : 'Sunday');
