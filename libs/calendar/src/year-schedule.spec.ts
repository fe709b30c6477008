import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ChinaCalendar } from './china-calendar.js';
import { CalendarError, checkCalendarYear, daysOf, daysOfYear, parseYearSchedule, parseYearScheduleCsv } from './year-schedule.js';

const data = (name: string): string => readFileSync(fileURLToPath(new URL(`../data/${name}`, import.meta.url)), 'utf8');

describe('a year schedule file (the shape of the State Council notice)', () => {
  it('reads the shipped 2026 example as JSON and as CSV alike', () => {
    const json = parseYearSchedule(JSON.parse(data('2026.json')));
    const csv = parseYearScheduleCsv(data('2026.csv'));
    expect(csv.holidays).toEqual(json.holidays);
    expect(json).toMatchObject({ year: 2026, publishedOn: '2025-11-04' });
    expect(json.holidays.map((h) => h.name)).toEqual(['元旦', '春节', '清明节', '劳动节', '端午节', '中秋节', '国庆节']);
  });

  it('loaded over the bundled data, the 2026 notice changes no day of 2026', () => {
    const loaded = new ChinaCalendar({ overrides: daysOf(parseYearSchedule(JSON.parse(data('2026.json')))), completedYears: [2026] });
    const bundled = daysOfYear(new ChinaCalendar(), 2026).map(({ date, working, kind }) => ({ date, working, kind }));
    expect(daysOfYear(loaded, 2026).map(({ date, working, kind }) => ({ date, working, kind }))).toEqual(bundled);
    expect(loaded.yearStatus(2026)).toEqual({ status: 'official', source: 'loaded' });
  });

  it('describes each day: holiday with its name, make-up working day, day in lieu, provisional for 2027', () => {
    const days = daysOfYear(new ChinaCalendar(), 2027);
    expect(days).toHaveLength(365);
    expect(days.find((d) => d.date === '2027-02-09')).toMatchObject({ kind: 'day_in_lieu', working: false, provisional: true });
    expect(days.find((d) => d.date === '2027-02-05')).toMatchObject({ kind: 'holiday', name: '春节 Spring Festival' });
    const bundled = daysOfYear(new ChinaCalendar(), 2026);
    expect(bundled.find((d) => d.date === '2026-02-14')).toMatchObject({ kind: 'make_up_working_day', working: true, provisional: false });
    expect(new ChinaCalendar().yearStatus(2027)).toEqual({ status: 'provisional', source: 'law' });
  });

  it('refuses a CSV without the header, rows that disagree on the notice, and a bad date, naming the field', () => {
    expect(() => parseYearScheduleCsv('2027,x,春节,2027-02-05,2027-02-11,')).toThrow(CalendarError);
    const rows = 'year,notice,holiday,from,to,workdays\n2027,A,春节,2027-02-05,2027-02-11,\n2027,B,国庆节,2027-10-01,2027-10-07,';
    expect(() => parseYearScheduleCsv(rows)).toThrow(expect.objectContaining({ code: 'CALENDAR.SCHEDULE_INVALID' }));
    expect(() => parseYearScheduleCsv('year,notice,holiday,from,to,workdays\n2027,A,春节,2027-02-31,2027-02-11,')).toThrow(
      expect.objectContaining({ errors: [expect.objectContaining({ field: 'holidays[0].from' })] }),
    );
  });

  it('refuses a weekday as a make-up working day and a year outside 2004–2099', () => {
    expect(() =>
      parseYearSchedule({
        year: 2027,
        notice: 'x',
        holidays: [{ name: '春节', from: '2027-02-05', to: '2027-02-11', workdays: ['2027-02-17'] }],
      }),
    ).toThrow(expect.objectContaining({ errors: [expect.objectContaining({ field: 'holidays[0].workdays[0]' })] }));
    expect(() => checkCalendarYear('2100')).toThrow(expect.objectContaining({ code: 'CALENDAR.YEAR_OUT_OF_RANGE', status: 400 }));
    expect(() => checkCalendarYear('20x7')).toThrow(CalendarError);
    expect(checkCalendarYear('2027')).toBe(2027);
  });
});
