import { CalendarError } from '@pingan/calendar';
import { deciderSpec } from '@pingan/testing';
import { calendarYearDecider, type CalendarYearCommand, type CalendarYearEvent } from './calendar-year.decider.js';

const given = deciderSpec(calendarYearDecider);
const metadata = {
  actor: { userId: 'admin', organisationId: 'org-admin', role: 'system_administrator' },
  now: new Date('2026-11-20T02:00:00Z'),
};
// A test schedule in the notice's shape (not the State Council's 2027 notice).
const schedule = {
  year: 2027,
  notice: 'TEST-2027-1',
  holidays: [{ name: '春节', from: '2027-02-05', to: '2027-02-11', workdays: ['2027-02-20'] }],
};
const load = (s: unknown = schedule, year = 2027): CalendarYearCommand => ({
  type: 'LoadCalendarYear',
  data: { schedule: s, year },
  metadata,
});
const loaded = (version: number, notice = 'TEST-2027-1', workday = '2027-02-20'): CalendarYearEvent => ({
  type: 'CalendarYearLoaded',
  data: {
    year: 2027,
    notice,
    title: null,
    publishedOn: null,
    holidays: [{ name: '春节', from: '2027-02-05', to: '2027-02-11', workdays: [workday] }],
    days: [
      ...['05', '06', '07', '08', '09', '10', '11'].map((d) => ({ date: `2027-02-${d}`, kind: 'off' as const, note: `${notice}: 春节` })),
      { date: workday, kind: 'working' as const, note: `${notice}: 春节 调休上班` },
    ],
    version,
    loadedAt: '2026-11-20T02:00:00.000Z',
  },
});

describe('calendar year decider', () => {
  it('Given no load, when a year is loaded, then CalendarYearLoaded lists every day it rules on (version 1)', () => {
    given([])
      .when(load())
      .then([loaded(1)]);
  });

  it('Given a load, when a corrected schedule is loaded, then a second version follows the first', () => {
    const corrected = { ...schedule, notice: 'TEST-2027-2', holidays: [{ ...schedule.holidays[0], workdays: ['2027-02-21'] }] };
    given([loaded(1)])
      .when(load(corrected))
      .then([loaded(2, 'TEST-2027-2', '2027-02-21')]);
  });

  it('Given a load, when the same schedule is loaded again, then nothing happens', () => {
    given([loaded(1)])
      .when(load())
      .thenNothingHappens();
  });

  it('refuses a schedule for another year than the path names, a date outside the year, a bad date', () => {
    given([]).when(load(schedule, 2028)).thenThrows(CalendarError, { code: 'CALENDAR.YEAR_MISMATCH' });
    given([])
      .when(load({ ...schedule, holidays: [{ name: '元旦', from: '2026-12-31', to: '2027-01-01', workdays: [] }] }))
      .thenThrows(CalendarError, { code: 'CALENDAR.YEAR_MISMATCH', errors: [expect.objectContaining({ field: 'holidays[0].from' })] });
    given([])
      .when(load({ ...schedule, holidays: [{ name: '春节', from: '2027-02-30', to: '2027-02-11', workdays: [] }] }))
      .thenThrows(CalendarError, { code: 'CALENDAR.SCHEDULE_INVALID', status: 400 });
    given([])
      .when(load({ ...schedule, extra: 1 }))
      .thenThrows(CalendarError, { code: 'CALENDAR.SCHEDULE_INVALID' });
  });

  it('refuses a statutory holiday as a working day, and a date both off and working', () => {
    given([])
      .when(load({ ...schedule, holidays: [{ name: '国庆节', from: '2027-10-04', to: '2027-10-08', workdays: ['2027-10-03'] }] }))
      .thenThrows(CalendarError, { code: 'CALENDAR.STATUTORY_HOLIDAY_WORKING', status: 422 });
    given([])
      .when(load({ ...schedule, holidays: [{ name: '春节', from: '2027-02-05', to: '2027-02-20', workdays: ['2027-02-20'] }] }))
      .thenThrows(CalendarError, { code: 'CALENDAR.DATE_CONFLICT' });
  });
});
