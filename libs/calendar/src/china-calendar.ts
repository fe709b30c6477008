import { addDays, endOfShanghaiDay, isWeekend, parseIsoDate, shanghaiDateOf } from '@pingan/contracts';
import { OFFICIAL_YEARS, officialDay } from './official-data.js';
import {
  LAST_COMPUTABLE_YEAR,
  STATUTORY_HOLIDAYS_2024_REVISION,
  STATUTORY_RULES_IN_FORCE_FROM,
  fallbackDaysOff,
  type StatutoryHolidayRule,
} from './statutory-holidays.js';

/** An administrator's ruling on one date, e.g. from the State Council's yearly notice. */
export interface CalendarOverride {
  date: string; // 'YYYY-MM-DD', Asia/Shanghai
  kind: 'working' | 'off';
  note: string;
}

export interface DayInfo {
  date: string;
  working: boolean;
  /** True when the answer is a forecast from the statutory rules, not a published schedule. */
  provisional: boolean;
  reason: string;
}

export interface Due {
  /** The instant the period runs out: 24:00 Asia/Shanghai of its last day, as UTC. */
  due: Date;
  /** True when any day the result depended on is not yet officially known. */
  provisional: boolean;
}

export interface ChinaCalendarOptions {
  overrides?: readonly CalendarOverride[];
  /** Years whose whole schedule an administrator has loaded and declared complete. */
  completedYears?: Iterable<number>;
  /** The statutory holidays used for years without a published schedule. */
  statutoryRules?: readonly StatutoryHolidayRule[];
}

/**
 * China's working-day calendar. Per date, the first source that knows wins:
 *   1. an administrator's override;
 *   2. the State Council schedule shipped with `chinese-days` (only for years it covers);
 *   3. the statutory holidays and weekends — provisional unless the year is completed.
 * Pure: no I/O, no clock. Dates are Asia/Shanghai calendar dates.
 */
export class ChinaCalendar {
  private readonly overrides = new Map<string, CalendarOverride>();
  private readonly completedYears: ReadonlySet<number>;
  private readonly statutoryRules: readonly StatutoryHolidayRule[];
  private readonly statutoryByYear = new Map<number, Map<string, { article: 'art. 2' | 'art. 6'; name: string }>>();

  constructor(options: ChinaCalendarOptions = {}) {
    this.completedYears = new Set(options.completedYears ?? []);
    this.statutoryRules = options.statutoryRules ?? STATUTORY_HOLIDAYS_2024_REVISION;
    for (const override of options.overrides ?? []) this.addOverride(override);
  }

  /** Years with a published schedule in the `chinese-days` data. */
  static readonly officialYears: ReadonlySet<number> = OFFICIAL_YEARS;

  dayInfo(date: string): DayInfo {
    const { year } = parseIsoDate(date);

    const override = this.overrides.get(date);
    if (override) {
      // An administrator's explicit ruling on this very date is not a forecast.
      return { date, working: override.kind === 'working', provisional: false, reason: `override: ${override.note}` };
    }

    if (OFFICIAL_YEARS.has(year)) {
      const official = officialDay(date);
      if (official?.kind === 'holiday') return { date, working: false, provisional: false, reason: `official holiday: ${official.name}` };
      if (official?.kind === 'workday') {
        return { date, working: true, provisional: false, reason: `official make-up working day (调休): ${official.name}` };
      }
      return { date, ...this.weekendRule(date), provisional: false };
    }

    const provisional = !this.completedYears.has(year);
    if (!this.isComputableYear(year) && provisional) {
      throw new RangeError(
        `No calendar for ${year}: no published schedule, and the statutory rules are used only for ` +
          `${STATUTORY_RULES_IN_FORCE_FROM}–${LAST_COMPUTABLE_YEAR}; load the year's schedule as overrides`,
      );
    }
    // A completed year outside that range is all in its overrides (a notice lists every day off).
    const statutory = this.isComputableYear(year) ? this.statutoryHolidaysOf(year).get(date) : undefined;
    if (statutory?.article === 'art. 2') return { date, working: false, provisional, reason: `statutory holiday: ${statutory.name}` };
    // A day in lieu stands only until the notice: the notice's own arrangement replaces it.
    if (statutory && provisional) {
      return { date, working: false, provisional, reason: `day off in lieu (补假, 放假办法 art. 6): ${statutory.name}` };
    }
    return { date, ...this.weekendRule(date), provisional };
  }

  /**
   * Where a year's days come from: a schedule an administrator loaded, the notices bundled with
   * `chinese-days`, or the law alone (provisional until the year's notice is loaded).
   */
  yearStatus(year: number): { status: 'official' | 'provisional'; source: 'loaded' | 'bundled' | 'law' } {
    if (this.completedYears.has(year)) return { status: 'official', source: 'loaded' };
    if (OFFICIAL_YEARS.has(year)) return { status: 'official', source: 'bundled' };
    return { status: 'provisional', source: 'law' };
  }

  isWorkingDay(date: string): boolean {
    return this.dayInfo(date).working;
  }

  /**
   * The end of a period of `n` working days that starts at `start`. The day of `start`
   * (in Shanghai) does not count; the period ends at 24:00 Shanghai of the n-th working
   * day after it. E.g. a decision on Friday 2025-03-07 with n = 3 is due at the end of
   * Wednesday 2025-03-12, i.e. 2025-03-12T16:00:00Z.
   */
  addWorkingDays(start: Date, n: number): Due {
    assertCount(n);
    let day = shanghaiDateOf(start);
    let provisional = false;
    for (let counted = 0; counted < n;) {
      day = addDays(day, 1);
      const info = this.dayInfo(day);
      provisional ||= info.provisional;
      if (info.working) counted++;
    }
    return { due: endOfShanghaiDay(day), provisional };
  }

  /**
   * The end of a period of `n` calendar days that starts at `start` (its own day not
   * counted). A period whose last day is not a working day — a holiday or a weekend, which
   * procedural law counts among 节假日 — runs on to the end of the next working day, unless
   * `extendOverHoliday` is false (custody periods are never extended).
   */
  addCalendarDays(start: Date, n: number, options: { extendOverHoliday: boolean }): Due {
    assertCount(n);
    let day = addDays(shanghaiDateOf(start), n);
    let provisional = false;
    if (options.extendOverHoliday) {
      for (;;) {
        const info = this.dayInfo(day);
        provisional ||= info.provisional;
        if (info.working) break;
        day = addDays(day, 1);
      }
    }
    return { due: endOfShanghaiDay(day), provisional };
  }

  /**
   * Working days after the Shanghai day of `from`, up to and including the Shanghai day of
   * `to` — how much of a working-day period has been used. 0 when `to` is not later.
   */
  workingDaysBetween(from: Date, to: Date): { count: number; provisional: boolean } {
    const last = shanghaiDateOf(to);
    let count = 0;
    let provisional = false;
    for (let day = addDays(shanghaiDateOf(from), 1); day <= last; day = addDays(day, 1)) {
      const info = this.dayInfo(day);
      provisional ||= info.provisional;
      if (info.working) count++;
    }
    return { count, provisional };
  }

  private addOverride(override: CalendarOverride): void {
    const { year } = parseIsoDate(override.date);
    if (override.kind !== 'working' && override.kind !== 'off') {
      throw new RangeError(`Override for ${override.date}: kind must be 'working' or 'off'`);
    }
    const existing = this.overrides.get(override.date);
    if (existing && existing.kind !== override.kind) {
      throw new RangeError(`Conflicting overrides for ${override.date}`);
    }
    const statutory = override.kind === 'working' && this.isComputableYear(year) && this.statutoryHolidaysOf(year).get(override.date);
    if (statutory && statutory.article === 'art. 2') {
      throw new RangeError(`${override.date} is a statutory holiday (${statutory.name}) and cannot be a working day`);
    }
    this.overrides.set(override.date, override);
  }

  private isComputableYear(year: number): boolean {
    return year >= STATUTORY_RULES_IN_FORCE_FROM && year <= LAST_COMPUTABLE_YEAR;
  }

  /** The law's days off of a year: statutory holidays (art. 2) and days in lieu (art. 6). */
  private statutoryHolidaysOf(year: number): Map<string, { article: 'art. 2' | 'art. 6'; name: string }> {
    let holidays = this.statutoryByYear.get(year);
    if (!holidays) {
      holidays = new Map();
      for (const { date, article, name } of fallbackDaysOff(year, this.statutoryRules)) {
        // Mid-Autumn can fall within National Day (2028-10-03): one day off, both names.
        const other = holidays.get(date);
        holidays.set(date, other ? { article, name: `${other.name} + ${name}` } : { article, name });
      }
      this.statutoryByYear.set(year, holidays);
    }
    return holidays;
  }

  private weekendRule(date: string): { working: boolean; reason: string } {
    return isWeekend(date) ? { working: false, reason: 'weekend' } : { working: true, reason: 'weekday' };
  }
}

function assertCount(n: number): void {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`Expected a whole number of days ≥ 0, got ${n}`);
}
