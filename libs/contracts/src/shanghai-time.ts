/**
 * Dates and times in Asia/Shanghai (北京时间), the one place the product computes them. China has
 * used UTC+8 all year since 1991 (no daylight saving), so a fixed offset is exact for every date
 * this product handles and needs no tz database. Dates are ISO strings 'YYYY-MM-DD', months
 * 'YYYY-MM'; instants are UTC `Date`s. It lives in contracts, the lowest library, because case
 * numbers (contracts) need it and every other library and service may import contracts.
 */
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** True when year/month/day name a real date (no 30 February). */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  const back = new Date(Date.UTC(year, month - 1, day));
  return back.getUTCFullYear() === year && back.getUTCMonth() === month - 1 && back.getUTCDate() === day;
}

/** Checks a 'YYYY-MM-DD' string names a real date and returns its parts. */
export function parseIsoDate(date: string): { year: number; month: number; day: number } {
  const match = ISO_DATE.exec(date);
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    if (isCalendarDate(year, month, day)) return { year, month, day };
  }
  throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${JSON.stringify(date)}`);
}

export function isoDate(year: number, month: number, day: number): string {
  return new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10);
}

const shifted = (instant: Date): string => {
  if (Number.isNaN(instant.getTime())) throw new RangeError('Invalid instant');
  return new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString();
};

/** The Shanghai calendar date on which an instant falls, 'YYYY-MM-DD'. */
export function shanghaiDateOf(instant: Date): string {
  return shifted(instant).slice(0, 10);
}

/** The Shanghai month in which an instant falls, 'YYYY-MM'. */
export function shanghaiMonthOf(instant: Date): string {
  return shifted(instant).slice(0, 7);
}

/** Shanghai wall-clock time of an instant, 'YYYY-MM-DD HH:MM:SS' (for people: exports, printouts). */
export function shanghaiDateTimeOf(instant: Date): string {
  return shifted(instant).replace('T', ' ').slice(0, 19);
}

/** 00:00 Shanghai time of a date, as a UTC instant (16:00 UTC of the day before). */
export function startOfShanghaiDay(date: string): Date {
  const { year, month, day } = parseIsoDate(date);
  return new Date(Date.UTC(year, month - 1, day) - SHANGHAI_OFFSET_MS);
}

/** 24:00 Shanghai time of a date: the instant a period ending on that day runs out. */
export function endOfShanghaiDay(date: string): Date {
  return new Date(startOfShanghaiDay(date).getTime() + DAY_MS);
}

/** A Shanghai month 'YYYY-MM' as the half-open range of instants [from, to) it covers. */
export function shanghaiMonthRange(month: string): { from: Date; to: Date } {
  const match = ISO_MONTH.exec(month);
  if (!match) throw new RangeError(`Not a month (YYYY-MM): ${JSON.stringify(month)}`);
  const [year, index] = [Number(match[1]), Number(match[2])];
  return { from: startOfShanghaiDay(isoDate(year, index, 1)), to: startOfShanghaiDay(isoDate(year, index + 1, 1)) };
}

export function addDays(date: string, days: number): string {
  const { year, month, day } = parseIsoDate(date);
  return isoDate(year, month, day + days);
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: string): number {
  const { year, month, day } = parseIsoDate(date);
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

export function isWeekend(date: string): boolean {
  const weekday = dayOfWeek(date);
  return weekday === 0 || weekday === 6;
}
