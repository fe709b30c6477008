import { isoDate, parseIsoDate } from '@pingan/contracts';

/** The last day of a month (month 1–12). */
export const lastDayOfMonth = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * The last day of a period of `months` calendar months that starts on `date` (the start day not
 * counted), as CPL art. 105 and the judicial interpretations count it: "自本月某日至下月同日为一个月；
 * 期限起算日为本月最后一日的，至下月最后一日为一个月；下月同日不存在的，至下月最后一日". So 15 Jan → 15 Feb;
 * 31 Jan, 30 Jan and 29 Jan → the last day of February (28th, or 29th in a leap year, when 29 Jan
 * stays 29 Feb); 30 Sep, the last day of its month → 31 Oct. A month is never 30 days.
 */
export function addCalendarMonths(date: string, months: number): string {
  if (!Number.isInteger(months) || months < 0) throw new RangeError(`Expected a whole number of months ≥ 0, got ${months}`);
  const { year, month, day } = parseIsoDate(date);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  const last = lastDayOfMonth(targetYear, targetMonth);
  const startsOnLastDay = day === lastDayOfMonth(year, month);
  return isoDate(targetYear, targetMonth, startsOnLastDay ? last : Math.min(day, last));
}

/** Whole days from `from` to `to` (Shanghai dates). */
export function daysBetween(from: string, to: string): number {
  const utc = (d: string): number => {
    const { year, month, day } = parseIsoDate(d);
    return Date.UTC(year, month - 1, day);
  };
  return Math.round((utc(to) - utc(from)) / 86_400_000);
}
