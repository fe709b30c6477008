import { addDays, isoDate } from '@pingan/contracts';
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
