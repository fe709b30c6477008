import { ChinaCalendar, type CalendarOverride } from './china-calendar.js';
import { OFFICIAL_YEARS, officialDay } from './official-data.js';
import { STATUTORY_HOLIDAYS_2024_REVISION, fallbackDaysOff, statutoryHolidays } from './statutory-holidays.js';
import { addDays, isWeekend } from '@pingan/contracts';

/** An instant given as Beijing wall-clock time, e.g. beijing('2025-03-04 23:30'). */
function beijing(dateTime: string): Date {
  return new Date(`${dateTime.replace(' ', 'T')}:00+08:00`);
}

const calendar = new ChinaCalendar();

describe('ChinaCalendar', () => {
  describe('years with a published schedule (chinese-days data)', () => {
    it('knows the published years 2004–2026 and nothing later (update when upgrading chinese-days)', () => {
      expect([...ChinaCalendar.officialYears]).toEqual(Array.from({ length: 23 }, (_, i) => 2004 + i));
    });

    it('agrees with the statutory rules: every statutory holiday of 2025 and 2026 is a day off', () => {
      for (const year of [2025, 2026]) {
        for (const { date } of statutoryHolidays(year, STATUTORY_HOLIDAYS_2024_REVISION)) {
          expect(calendar.dayInfo(date)).toMatchObject({ working: false, provisional: false });
        }
      }
    });

    it('Given Spring Festival 2025, then Jan 28–Feb 4 are off and the make-up Sunday and Saturday are working', () => {
      for (let day = 28; day <= 31; day++) expect(calendar.isWorkingDay(`2025-01-${day}`)).toBe(false);
      for (let day = 1; day <= 4; day++) expect(calendar.isWorkingDay(`2025-02-0${day}`)).toBe(false);
      expect(calendar.dayInfo('2025-01-26')).toEqual({
        date: '2025-01-26',
        working: true,
        provisional: false,
        reason: 'official make-up working day (调休): 春节 Spring Festival',
      });
      expect(calendar.dayInfo('2025-02-08')).toMatchObject({ working: true, provisional: false });
      expect(calendar.dayInfo('2025-01-28')).toMatchObject({ reason: 'official holiday: 春节 Spring Festival' });
    });

    it('Given an ordinary weekend and weekday of 2025, then they follow the weekend rule, not provisional', () => {
      expect(calendar.dayInfo('2025-03-08')).toEqual({ date: '2025-03-08', working: false, provisional: false, reason: 'weekend' });
      expect(calendar.dayInfo('2025-03-05')).toEqual({ date: '2025-03-05', working: true, provisional: false, reason: 'weekday' });
    });

    it('Given a decision on the Friday before Spring Festival 2025, when 3 working days are added, then they are Sun 26 (make-up), Mon 27 and Wed Feb 5', () => {
      expect(calendar.addWorkingDays(beijing('2025-01-24 15:00'), 3)).toEqual({
        due: new Date('2025-02-05T16:00:00Z'),
        provisional: false,
      });
    });

    it('Given a decision on the Friday after Spring Festival 2025, when 3 working days are added, then the make-up Saturday counts', () => {
      expect(calendar.addWorkingDays(beijing('2025-02-07 10:00'), 3).due).toEqual(new Date('2025-02-11T16:00:00Z'));
    });

    it('Given a decision on the Friday before Spring Festival 2026, then the due date skips Feb 15–23', () => {
      // Sat Feb 14 (make-up) is the 1st, Tue Feb 24 the 2nd, Wed Feb 25 the 3rd.
      expect(calendar.addWorkingDays(beijing('2026-02-13 09:00'), 3).due).toEqual(new Date('2026-02-25T16:00:00Z'));
    });

    it('Given a decision on the eve of National Day 2026, then Oct 1–7 are skipped and the make-up Saturday Oct 10 is the 3rd day', () => {
      expect(calendar.addWorkingDays(beijing('2026-09-30 17:00'), 3)).toEqual({
        due: new Date('2026-10-10T16:00:00Z'),
        provisional: false,
      });
    });

    it('Given a decision at 23:30 Friday Beijing time before National Day 2025, then the day of decision is that Friday and Sun Sep 28 (make-up) counts', () => {
      const friday2330 = beijing('2025-09-26 23:30');
      expect(friday2330.toISOString()).toBe('2025-09-26T15:30:00.000Z');
      // Sun 28 (make-up), Mon 29, Tue 30.
      expect(calendar.addWorkingDays(friday2330, 3).due).toEqual(new Date('2025-09-30T16:00:00Z'));
    });

    it('Given two decisions one hour apart around midnight Beijing time (same UTC day), then their days and due dates differ', () => {
      const tuesday2330 = beijing('2025-03-04 23:30'); // 15:30 UTC Tuesday
      const wednesday0030 = beijing('2025-03-05 00:30'); // 16:30 UTC Tuesday
      expect(calendar.addWorkingDays(tuesday2330, 3).due).toEqual(new Date('2025-03-07T16:00:00Z')); // Friday
      expect(calendar.addWorkingDays(wednesday0030, 3).due).toEqual(new Date('2025-03-10T16:00:00Z')); // Monday
    });

    it('Given a decision at 00:30 Saturday Beijing time, then the day of decision is Saturday, though it is still Friday in UTC', () => {
      const saturday0030 = beijing('2025-03-08 00:30');
      expect(saturday0030.toISOString()).toBe('2025-03-07T16:30:00.000Z');
      // Mon 10, Tue 11, Wed 12 — the same as for a Friday decision, because Saturday is off.
      expect(calendar.addWorkingDays(saturday0030, 3).due).toEqual(new Date('2025-03-12T16:00:00Z'));
      expect(calendar.addWorkingDays(beijing('2025-03-09 00:30'), 1).due).toEqual(new Date('2025-03-10T16:00:00Z'));
    });

    it('Given zero working days, then the period ends at the end of the day of the decision', () => {
      expect(calendar.addWorkingDays(beijing('2025-03-04 10:00'), 0).due).toEqual(new Date('2025-03-04T16:00:00Z'));
    });

    it('rejects a negative or fractional number of days', () => {
      expect(() => calendar.addWorkingDays(beijing('2025-03-04 10:00'), -1)).toThrow(RangeError);
      expect(() => calendar.addCalendarDays(beijing('2025-03-04 10:00'), 1.5, { extendOverHoliday: true })).toThrow(RangeError);
    });
  });

  describe('periods in calendar days', () => {
    it('Given 7 days from Sep 24 2025 ending on Oct 1, when extended over holidays, then they end after National Day (Thu Oct 9)', () => {
      expect(calendar.addCalendarDays(beijing('2025-09-24 11:00'), 7, { extendOverHoliday: true })).toEqual({
        due: new Date('2025-10-09T16:00:00Z'),
        provisional: false,
      });
    });

    it('Given the same custody period, when not extended, then it ends at the end of Oct 1 itself', () => {
      expect(calendar.addCalendarDays(beijing('2025-09-24 11:00'), 7, { extendOverHoliday: false }).due).toEqual(
        new Date('2025-10-01T16:00:00Z'),
      );
    });

    it('Given a period ending on a Saturday, then it runs to Monday; ending on a make-up Saturday, it stays', () => {
      expect(calendar.addCalendarDays(beijing('2025-03-07 09:00'), 1, { extendOverHoliday: true }).due).toEqual(
        new Date('2025-03-10T16:00:00Z'),
      );
      expect(calendar.addCalendarDays(beijing('2025-10-10 09:00'), 1, { extendOverHoliday: true }).due).toEqual(
        new Date('2025-10-11T16:00:00Z'),
      );
    });

    it('Given a period ending on a provisional 2027 holiday, then the extension is provisional; without extension it is not', () => {
      const start = beijing('2026-12-25 10:00');
      expect(calendar.addCalendarDays(start, 7, { extendOverHoliday: true })).toEqual({
        due: new Date('2027-01-04T16:00:00Z'), // Fri Jan 1 off, weekend, Mon Jan 4
        provisional: true,
      });
      expect(calendar.addCalendarDays(start, 7, { extendOverHoliday: false })).toEqual({
        due: new Date('2027-01-01T16:00:00Z'),
        provisional: false,
      });
    });
  });

  describe('a year without a published schedule (2027)', () => {
    it('computes its statutory holidays from the lunar calendar and the Qingming solar term', () => {
      expect(statutoryHolidays(2027, STATUTORY_HOLIDAYS_2024_REVISION).map((h) => h.date)).toEqual([
        '2027-01-01',
        '2027-02-05', // lunar New Year's Eve (lunar New Year's Day is Feb 6)
        '2027-02-06',
        '2027-02-07',
        '2027-02-08',
        '2027-04-05', // Qingming
        '2027-05-01',
        '2027-05-02',
        '2027-06-09', // Dragon Boat, lunar 5/5
        '2027-09-15', // Mid-Autumn, lunar 8/15
        '2027-10-01',
        '2027-10-02',
        '2027-10-03',
      ]);
    });

    it('Given Jan 1 2027, then it is off and provisional (chinese-days itself wrongly says working)', () => {
      expect(calendar.dayInfo('2027-01-01')).toEqual({
        date: '2027-01-01',
        working: false,
        provisional: true,
        reason: "statutory holiday: 元旦 New Year's Day",
      });
    });

    it('Given Spring Festival 2027, then Eve to the 3rd day are off, its Saturday and Sunday give Tue 9 and Wed 10 in lieu, all provisional', () => {
      for (const date of ['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08']) {
        expect(calendar.dayInfo(date)).toMatchObject({
          working: false,
          provisional: true,
          reason: 'statutory holiday: 春节 Spring Festival',
        });
      }
      expect(calendar.dayInfo('2027-02-09')).toEqual({
        date: '2027-02-09',
        working: false,
        provisional: true,
        reason: 'day off in lieu (补假, 放假办法 art. 6): 春节 Spring Festival on Saturday 2027-02-06',
      });
      expect(calendar.dayInfo('2027-02-10')).toMatchObject({ working: false, provisional: true });
      expect(calendar.dayInfo('2027-02-11')).toMatchObject({ working: true, provisional: true, reason: 'weekday' });
    });

    it('Given a plain Wednesday in 2027, then it is working but provisional', () => {
      expect(calendar.dayInfo('2027-03-10')).toEqual({ date: '2027-03-10', working: true, provisional: true, reason: 'weekday' });
    });

    it('Given statutory holidays on weekdays in 2027 (Dragon Boat, Mid-Autumn), then they are off', () => {
      expect(calendar.isWorkingDay('2027-06-09')).toBe(false);
      expect(calendar.isWorkingDay('2027-09-15')).toBe(false);
      expect(calendar.isWorkingDay('2027-04-05')).toBe(false);
    });

    it('Given Mid-Autumn on National Day (2028-10-03), then the day is off once, under both names', () => {
      expect(calendar.dayInfo('2028-10-03').reason).toBe('statutory holiday: 中秋节 Mid-Autumn Festival + 国庆节 National Day');
      // Oct 4 is the day in lieu of Sunday Oct 1 (art. 6); the overlap itself gives none.
      expect(calendar.dayInfo('2028-10-05')).toMatchObject({ working: true, provisional: true });
    });

    it('Given a period from late 2026 into 2027, then the result is provisional', () => {
      // Thu Dec 31 (official), Jan 1 off (provisional), weekend, Mon Jan 4, Tue Jan 5.
      expect(calendar.addWorkingDays(beijing('2026-12-30 16:00'), 3)).toEqual({
        due: new Date('2027-01-05T16:00:00Z'),
        provisional: true,
      });
      expect(calendar.addWorkingDays(beijing('2026-12-29 16:00'), 2)).toEqual({
        due: new Date('2026-12-31T16:00:00Z'),
        provisional: false,
      });
    });

    it('refuses to guess for a year outside the statutory rules without a loaded schedule', () => {
      expect(() => calendar.dayInfo('2100-03-03')).toThrow(/No calendar for 2100/);
      expect(() => calendar.dayInfo('2003-03-03')).toThrow(/No calendar for 2003/);
    });
  });

  describe('the legal fallback (放假办法, 2024 revision): statutory days and art. 6 days in lieu', () => {
    const offs = (year: number) => fallbackDaysOff(year, STATUTORY_HOLIDAYS_2024_REVISION).map((d) => `${d.date} ${d.article} ${d.name}`);

    it('Given 2027 (no notice), then each day off and the rule that made it', () => {
      expect(offs(2027)).toEqual([
        "2027-01-01 art. 2 元旦 New Year's Day", // a Friday: nothing in lieu
        '2027-02-05 art. 2 春节 Spring Festival',
        '2027-02-06 art. 2 春节 Spring Festival',
        '2027-02-07 art. 2 春节 Spring Festival',
        '2027-02-08 art. 2 春节 Spring Festival',
        '2027-02-09 art. 6 春节 Spring Festival on Saturday 2027-02-06',
        '2027-02-10 art. 6 春节 Spring Festival on Sunday 2027-02-07',
        '2027-04-05 art. 2 清明节 Qingming Festival',
        '2027-05-01 art. 2 劳动节 Labour Day',
        '2027-05-02 art. 2 劳动节 Labour Day',
        '2027-05-03 art. 6 劳动节 Labour Day on Saturday 2027-05-01',
        '2027-05-04 art. 6 劳动节 Labour Day on Sunday 2027-05-02',
        '2027-06-09 art. 2 端午节 Dragon Boat Festival',
        '2027-09-15 art. 2 中秋节 Mid-Autumn Festival',
        '2027-10-01 art. 2 国庆节 National Day',
        '2027-10-02 art. 2 国庆节 National Day',
        '2027-10-03 art. 2 国庆节 National Day',
        '2027-10-04 art. 6 国庆节 National Day on Saturday 2027-10-02',
        '2027-10-05 art. 6 国庆节 National Day on Sunday 2027-10-03',
      ]);
    });

    it('Given 2028 (no notice), then New Year on a Saturday gives Mon 3 Jan, Dragon Boat on a Sunday Mon 29 May, National Day on a Sunday Wed 4 Oct', () => {
      expect(offs(2028)).toEqual([
        "2028-01-01 art. 2 元旦 New Year's Day",
        "2028-01-03 art. 6 元旦 New Year's Day on Saturday 2028-01-01",
        '2028-01-25 art. 2 春节 Spring Festival',
        '2028-01-26 art. 2 春节 Spring Festival',
        '2028-01-27 art. 2 春节 Spring Festival',
        '2028-01-28 art. 2 春节 Spring Festival',
        '2028-04-04 art. 2 清明节 Qingming Festival',
        '2028-05-01 art. 2 劳动节 Labour Day',
        '2028-05-02 art. 2 劳动节 Labour Day',
        '2028-05-28 art. 2 端午节 Dragon Boat Festival',
        '2028-05-29 art. 6 端午节 Dragon Boat Festival on Sunday 2028-05-28',
        '2028-10-01 art. 2 国庆节 National Day',
        '2028-10-02 art. 2 国庆节 National Day',
        '2028-10-03 art. 2 中秋节 Mid-Autumn Festival',
        '2028-10-03 art. 2 国庆节 National Day',
        '2028-10-04 art. 6 国庆节 National Day on Sunday 2028-10-01',
      ]);
      expect(calendar.dayInfo('2028-01-03')).toEqual({
        date: '2028-01-03',
        working: false,
        provisional: true,
        reason: "day off in lieu (补假, 放假办法 art. 6): 元旦 New Year's Day on Saturday 2028-01-01",
      });
      expect(calendar.dayInfo('2028-10-05')).toMatchObject({ working: true, provisional: true });
    });

    it('Given 2025 and 2026, then every day the fallback gives off is off in the published schedule too (art. 6 as the notices apply it)', () => {
      for (const year of [2025, 2026]) {
        for (const { date } of fallbackDaysOff(year, STATUTORY_HOLIDAYS_2024_REVISION))
          expect([date, calendar.isWorkingDay(date)]).toEqual([date, false]);
      }
    });

    it('Given a working-day period over the fallback Spring Festival 2027, then it skips the days in lieu and is provisional', () => {
      // Thu Feb 4 decision: Fri 5 – Wed 10 off (holiday, weekend, in lieu), Thu 11, Fri 12, Mon 15.
      expect(calendar.addWorkingDays(beijing('2027-02-04 10:00'), 3)).toEqual({ due: new Date('2027-02-15T16:00:00Z'), provisional: true });
    });

    it('Given a calendar-day period ending on a fallback holiday (Labour Day 2027), then it runs past the days in lieu, provisional', () => {
      // 10 days from Wed Apr 21 end on Sat May 1: May 1–4 off, so the end of Wed May 5.
      expect(calendar.addCalendarDays(beijing('2027-04-21 09:00'), 10, { extendOverHoliday: true })).toEqual({
        due: new Date('2027-05-05T16:00:00Z'),
        provisional: true,
      });
    });

    it('Given a notice loaded for the year, then the days in lieu no longer apply (the notice arranges its own)', () => {
      const loaded = new ChinaCalendar({ overrides: [{ date: '2027-02-11', kind: 'off', note: 'notice' }], completedYears: [2027] });
      expect(loaded.dayInfo('2027-02-09')).toMatchObject({ working: true, provisional: false, reason: 'weekday' });
      expect(loaded.dayInfo('2027-02-08')).toMatchObject({ working: false, provisional: false });
    });
  });

  describe('2004–2026: day by day the same as the bundled official data', () => {
    it('agrees on every date of every published year', () => {
      let days = 0;
      for (const year of OFFICIAL_YEARS) {
        for (let date = `${year}-01-01`; date.startsWith(String(year)); date = addDays(date, 1), days++) {
          const official = officialDay(date);
          const working = official ? official.kind === 'workday' : !isWeekend(date);
          const info = calendar.dayInfo(date);
          if (info.working !== working || info.provisional) throw new Error(`${date}: ${JSON.stringify(info)}, official ${working}`);
        }
      }
      expect(days).toBe(8401); // 23 years, 6 of them leap years
    });
  });

  describe('administrator overrides', () => {
    // A made-up 2027 schedule in the shape of a State Council notice.
    const notice2027: CalendarOverride[] = [
      ...['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11'].map(
        (date): CalendarOverride => ({ date, kind: 'off', note: '2027 notice: 春节' }),
      ),
      { date: '2027-02-20', kind: 'working', note: '2027 notice: 春节 make-up day' },
    ];

    it('Given the 2027 schedule loaded and declared complete, then 2027 is no longer provisional', () => {
      const official = new ChinaCalendar({ overrides: notice2027, completedYears: [2027] });
      expect(official.dayInfo('2027-02-10')).toEqual({
        date: '2027-02-10',
        working: false,
        provisional: false,
        reason: 'override: 2027 notice: 春节',
      });
      expect(official.dayInfo('2027-02-20')).toMatchObject({ working: true, provisional: false });
      expect(official.dayInfo('2027-03-10')).toEqual({ date: '2027-03-10', working: true, provisional: false, reason: 'weekday' });
      expect(official.dayInfo('2027-01-01')).toMatchObject({ working: false, provisional: false });
      // Fri Feb 19, Sat Feb 20 (make-up), Mon Feb 22.
      expect(official.addWorkingDays(beijing('2027-02-18 12:00'), 3)).toEqual({
        due: new Date('2027-02-22T16:00:00Z'),
        provisional: false,
      });
    });

    it('Given overrides for 2027 not yet declared complete, then the overridden dates are firm and the others still provisional', () => {
      const partial = new ChinaCalendar({ overrides: notice2027 });
      expect(partial.dayInfo('2027-02-10')).toMatchObject({ working: false, provisional: false });
      expect(partial.dayInfo('2027-03-10')).toMatchObject({ working: true, provisional: true });
    });

    it('Given an override in a published year, then it wins over the chinese-days data', () => {
      const corrected = new ChinaCalendar({ overrides: [{ date: '2026-10-09', kind: 'off', note: 'local correction' }] });
      expect(corrected.dayInfo('2026-10-09')).toEqual({
        date: '2026-10-09',
        working: false,
        provisional: false,
        reason: 'override: local correction',
      });
      expect(calendar.isWorkingDay('2026-10-09')).toBe(true);
    });

    it('rejects an override that would make a statutory holiday a working day', () => {
      expect(() => new ChinaCalendar({ overrides: [{ date: '2027-10-01', kind: 'working', note: 'typo' }] })).toThrow(/statutory holiday/);
      expect(() => new ChinaCalendar({ overrides: [{ date: '2025-01-29', kind: 'working', note: 'typo' }] })).toThrow(/statutory holiday/);
    });

    it('rejects malformed and conflicting overrides', () => {
      expect(() => new ChinaCalendar({ overrides: [{ date: '2027-02-30', kind: 'off', note: '' }] })).toThrow(RangeError);
      expect(
        () =>
          new ChinaCalendar({
            overrides: [
              { date: '2027-02-20', kind: 'off', note: 'a' },
              { date: '2027-02-20', kind: 'working', note: 'b' },
            ],
          }),
      ).toThrow(/Conflicting/);
    });

    it('Given a completed year before the statutory rules, then its overrides and the weekend rule are used', () => {
      const old = new ChinaCalendar({ overrides: [{ date: '2003-10-01', kind: 'off', note: '国庆' }], completedYears: [2003] });
      expect(old.dayInfo('2003-10-01')).toMatchObject({ working: false, provisional: false });
      expect(old.dayInfo('2003-10-08')).toMatchObject({ working: true, provisional: false });
    });
  });

  describe('workingDaysBetween', () => {
    it('Given the Friday before Spring Festival 2025 and the following Wednesday Feb 5, then 3 working days have passed', () => {
      expect(calendar.workingDaysBetween(beijing('2025-01-24 15:00'), beijing('2025-02-05 09:00'))).toEqual({
        count: 3,
        provisional: false,
      });
    });

    it('Given the end before the start, then none have passed', () => {
      expect(calendar.workingDaysBetween(beijing('2025-02-05 09:00'), beijing('2025-01-24 15:00')).count).toBe(0);
    });

    it('Given a span into 2027, then the count is provisional', () => {
      expect(calendar.workingDaysBetween(beijing('2026-12-30 09:00'), beijing('2027-01-05 09:00'))).toEqual({
        count: 3,
        provisional: true,
      });
    });
  });
});
