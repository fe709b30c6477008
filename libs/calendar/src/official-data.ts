import officialJson from 'chinese-days/dist/chinese-days.json' with { type: 'json' };

/**
 * The State Council's published schedules as shipped by the `chinese-days` package.
 *
 * We read the package's data file rather than calling `isWorkday`/`getDayDetail`: those
 * answer for any date (for 2027-01-01, beyond the data, they say "working"), and they
 * parse dates as UTC but read them in the process's local time zone, so west of UTC they
 * answer for the day before.
 */
type DayMap = Record<string, string>; // '2025-01-28' → 'Spring Festival,春节,4'
const data = officialJson as { holidays: DayMap; workdays: DayMap };

export interface OfficialDay {
  kind: 'holiday' | 'workday';
  /** e.g. '春节 Spring Festival' */
  name: string;
}

function describe(raw: string): string {
  const [english, chinese] = raw.split(',');
  return `${chinese} ${english}`;
}

/**
 * Years the package really has a schedule for. A notice always arranges Spring Festival
 * and National Day, so a year counts only when the data has holidays for both; a stray
 * entry (a make-up day of a neighbouring year's notice) does not make a year covered.
 */
export const OFFICIAL_YEARS: ReadonlySet<number> = (() => {
  const springFestival = new Set<number>();
  const nationalDay = new Set<number>();
  for (const [date, raw] of Object.entries(data.holidays)) {
    const year = Number(date.slice(0, 4));
    if (raw.startsWith('Spring Festival,')) springFestival.add(year);
    if (raw.startsWith('National Day,')) nationalDay.add(year);
  }
  return new Set([...springFestival].filter((year) => nationalDay.has(year)).sort((a, b) => a - b));
})();

/** The official entry for a date, or undefined for an ordinary weekday or weekend. */
export function officialDay(date: string): OfficialDay | undefined {
  const holiday = data.holidays[date];
  if (holiday !== undefined) return { kind: 'holiday', name: describe(holiday) };
  const workday = data.workdays[date];
  if (workday !== undefined) return { kind: 'workday', name: describe(workday) };
  return undefined;
}
