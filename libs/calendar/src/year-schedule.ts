import {
  addDays,
  defineErrors,
  isWeekend,
  parseIsoDate,
  type CalendarDayRuling,
  type CalendarHolidayItem,
  type FieldError,
} from '@pingan/contracts';
import { ChinaCalendar } from './china-calendar.js';
import { LAST_COMPUTABLE_YEAR } from './statutory-holidays.js';

/** Why a schedule was refused. Stable codes: clients branch on them. */
export class CalendarError extends defineErrors({
  ScheduleInvalid: { code: 'CALENDAR.SCHEDULE_INVALID', status: 400 },
  YearMismatch: { code: 'CALENDAR.YEAR_MISMATCH', status: 400 },
  DateConflict: { code: 'CALENDAR.DATE_CONFLICT', status: 422 },
  StatutoryHolidayWorking: { code: 'CALENDAR.STATUTORY_HOLIDAY_WORKING', status: 422 },
  YearOutOfRange: { code: 'CALENDAR.YEAR_OUT_OF_RANGE', status: 400 },
}) {}

/** The years the product can count: the bundled data's first to the lunar table's last. */
export function checkCalendarYear(value: string | number): number {
  const year = Number(value);
  if (!Number.isInteger(year) || year < FIRST_YEAR || year > LAST_COMPUTABLE_YEAR) {
    throw new CalendarError('CALENDAR.YEAR_OUT_OF_RANGE', `Not a year from ${FIRST_YEAR} to ${LAST_COMPUTABLE_YEAR}: ${String(value)}`, [
      { field: 'year', code: 'out_of_range', message: `a year from ${FIRST_YEAR} to ${LAST_COMPUTABLE_YEAR}` },
    ]);
  }
  return year;
}

/**
 * A year's holiday schedule as the State Council's notice gives it (国务院办公厅关于某年部分节假日安排的通知):
 * one item per holiday, its days off from–to, and the make-up working days it names.
 * The file format of `npm run calendar -- load` and the body of `PUT /calendar/{year}` (libs/calendar/README.md).
 */
export interface YearSchedule {
  year: number;
  notice: string;
  title: string | null;
  publishedOn: string | null;
  holidays: CalendarHolidayItem[];
}

const FIRST_YEAR = 2004;
const MAX_SPAN_DAYS = 15; // no notice has had a break longer than 10 days

function fail(field: string, message: string, code = 'CALENDAR.SCHEDULE_INVALID'): never {
  const errors: FieldError[] = [{ field, code: 'invalid', message }];
  throw new CalendarError(code as 'CALENDAR.SCHEDULE_INVALID', `${field}: ${message}`, errors);
}

const text = (value: unknown, field: string, max = 200): string => {
  if (typeof value !== 'string' || value.trim() === '' || value.length > max) fail(field, `a text of 1–${max} characters is required`);
  return value.trim();
};

function date(value: unknown, field: string, year?: number): string {
  if (typeof value !== 'string') fail(field, 'a date YYYY-MM-DD is required');
  let parsed: { year: number };
  try {
    parsed = parseIsoDate(value);
  } catch {
    return fail(field, `${JSON.stringify(value)} is not a date YYYY-MM-DD`);
  }
  if (year !== undefined && parsed.year !== year) {
    fail(field, `${value} is not in ${year} (a notice's days of the year before belong to that year's schedule)`, 'CALENDAR.YEAR_MISMATCH');
  }
  return value;
}

/** Checks a schedule given as JSON (the file, or an API body) and returns it normalised. */
export function parseYearSchedule(input: unknown, expectedYear?: number): YearSchedule {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) fail('$', 'a JSON object is required');
  const raw = input as Record<string, unknown>;
  const known = new Set(['year', 'notice', 'title', 'publishedOn', 'holidays']);
  for (const key of Object.keys(raw)) if (!known.has(key)) fail(key, 'is not a field of a schedule');
  const year = raw.year;
  if (typeof year !== 'number' || !Number.isInteger(year) || year < FIRST_YEAR || year > LAST_COMPUTABLE_YEAR) {
    fail('year', `a year from ${FIRST_YEAR} to ${LAST_COMPUTABLE_YEAR} is required`);
  }
  if (expectedYear !== undefined && year !== expectedYear)
    fail('year', `the schedule is for ${year}, not ${expectedYear}`, 'CALENDAR.YEAR_MISMATCH');
  if (!Array.isArray(raw.holidays) || raw.holidays.length === 0 || raw.holidays.length > 20)
    fail('holidays', 'a list of 1–20 items is required');
  const holidays = raw.holidays.map((item: unknown, i): CalendarHolidayItem => {
    const at = `holidays[${i}]`;
    if (typeof item !== 'object' || item === null || Array.isArray(item)) fail(at, 'an object is required');
    const h = item as Record<string, unknown>;
    for (const key of Object.keys(h))
      if (!['name', 'from', 'to', 'workdays'].includes(key)) fail(`${at}.${key}`, 'is not a field of a holiday');
    const from = date(h.from, `${at}.from`, year);
    const to = date(h.to, `${at}.to`, year);
    if (to < from) fail(`${at}.to`, `${to} is before ${from}`);
    if (addDays(from, MAX_SPAN_DAYS) < to) fail(`${at}.to`, `a break of more than ${MAX_SPAN_DAYS} days is not a holiday item`);
    const workdays = h.workdays ?? [];
    if (!Array.isArray(workdays) || workdays.length > 5) fail(`${at}.workdays`, 'a list of at most 5 dates is required');
    return {
      name: text(h.name, `${at}.name`, 40),
      from,
      to,
      workdays: workdays.map((d: unknown, j) => date(d, `${at}.workdays[${j}]`, year)),
    };
  });
  const schedule: YearSchedule = {
    year,
    notice: text(raw.notice, 'notice'),
    title: raw.title === undefined || raw.title === null ? null : text(raw.title, 'title', 300),
    publishedOn: raw.publishedOn === undefined || raw.publishedOn === null ? null : date(raw.publishedOn, 'publishedOn'),
    holidays,
  };
  daysOf(schedule); // the dates must agree with each other and with the law
  return schedule;
}

/**
 * The same schedule as CSV, one row per holiday item (a spreadsheet of the notice):
 *   year,notice,holiday,from,to,workdays
 *   2027,国办发明电〔2026〕x号,春节,2027-02-05,2027-02-11,2027-02-14 2027-02-20
 * `workdays` lists the make-up working days separated by spaces (may be empty); year and notice
 * are the same on every row. Fields may be double-quoted.
 */
export function parseYearScheduleCsv(csv: string, expectedYear?: number): YearSchedule {
  const rows = csv
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    .map(splitCsvLine);
  const header = rows.shift()?.map((h) => h.trim());
  const columns = ['year', 'notice', 'holiday', 'from', 'to', 'workdays'];
  if (!header || header.join(',') !== columns.join(',')) fail('header', `the first row must be ${columns.join(',')}`);
  if (rows.length === 0) fail('holidays', 'at least one row is required');
  const [first] = rows;
  for (const [i, row] of rows.entries()) {
    if (row.length !== columns.length) fail(`row ${i + 2}`, `${columns.length} fields are required, got ${row.length}`);
    if (row[0] !== first![0] || row[1] !== first![1]) fail(`row ${i + 2}`, 'year and notice must be the same on every row');
  }
  return parseYearSchedule(
    {
      year: Number(first![0]),
      notice: first![1],
      holidays: rows.map((row) => ({
        name: row[2],
        from: row[3]?.trim(),
        to: row[4]?.trim(),
        workdays: (row[5] ?? '').split(/[\s;]+/).filter(Boolean),
      })),
    },
    expectedYear,
  );
}

function splitCsvLine(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      fields.push(field);
      field = '';
    } else field += c;
  }
  fields.push(field);
  return fields;
}

/**
 * Every date the schedule rules on, in date order: each item's days off, and its make-up working
 * days. Refuses a date given twice with different rulings, and a statutory holiday made a working day.
 */
export function daysOf(schedule: YearSchedule): CalendarDayRuling[] {
  const days = new Map<string, CalendarDayRuling>();
  const put = (ruling: CalendarDayRuling, field: string): void => {
    const other = days.get(ruling.date);
    if (other && other.kind !== ruling.kind) fail(field, `${ruling.date} is both a day off and a working day`, 'CALENDAR.DATE_CONFLICT');
    if (!other) days.set(ruling.date, ruling);
  };
  schedule.holidays.forEach((item, i) => {
    for (let day = item.from; day <= item.to; day = addDays(day, 1)) {
      put({ date: day, kind: 'off', note: `${schedule.notice}: ${item.name}` }, `holidays[${i}]`);
    }
    item.workdays.forEach((day, j) => {
      if (!isWeekend(day)) fail(`holidays[${i}].workdays[${j}]`, `${day} is a weekday, already a working day`);
      put({ date: day, kind: 'working', note: `${schedule.notice}: ${item.name} 调休上班` }, `holidays[${i}].workdays[${j}]`);
    });
  });
  const sorted = [...days.values()].sort((a, b) => a.date.localeCompare(b.date));
  try {
    new ChinaCalendar({ overrides: sorted });
  } catch (error) {
    fail('holidays', error instanceof Error ? error.message : String(error), 'CALENDAR.STATUTORY_HOLIDAY_WORKING');
  }
  return sorted;
}

/** How a date of the calendar stands, for people: GET /calendar/{year}. */
export interface CalendarDayView {
  date: string;
  working: boolean;
  kind: 'working_day' | 'weekend' | 'holiday' | 'make_up_working_day' | 'day_in_lieu';
  /** The holiday's name, where the day is one (or makes up for one). */
  name: string | null;
  provisional: boolean;
  reason: string;
}

/** Each day of a year as `calendar` counts it. */
export function daysOfYear(calendar: ChinaCalendar, year: number): CalendarDayView[] {
  const days: CalendarDayView[] = [];
  for (let day = `${year}-01-01`; day.startsWith(`${year}-`); day = addDays(day, 1)) {
    const info = calendar.dayInfo(day);
    const weekend = isWeekend(day);
    const named = info.reason.includes(': ') ? info.reason.slice(info.reason.indexOf(': ') + 2) : null;
    const kind: CalendarDayView['kind'] = info.working
      ? weekend
        ? 'make_up_working_day'
        : 'working_day'
      : info.reason.startsWith('day off in lieu')
        ? 'day_in_lieu'
        : info.reason === 'weekend'
          ? 'weekend'
          : 'holiday';
    days.push({
      date: day,
      working: info.working,
      kind,
      name: kind === 'working_day' || kind === 'weekend' ? null : named,
      provisional: info.provisional,
      reason: info.reason,
    });
  }
  return days;
}
