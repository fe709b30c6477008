import { ChinaCalendar } from '@pingan/calendar';
import { dueFrom, extendDue, resumeDue, warnInstant, type WorkingCalendar } from './due-date.js';
import { addCalendarMonths } from './months.js';

const calendar: WorkingCalendar = new ChinaCalendar();
const at = (iso: string): Date => new Date(iso);

describe('dueFrom', () => {
  it('counts minutes and hours as clock time', () => {
    expect(dueFrom(at('2025-03-03T02:00:00Z'), { unit: 'minutes', amount: 3 })).toEqual({
      due: at('2025-03-03T02:03:00Z'),
      provisional: false,
    });
    expect(dueFrom(at('2025-03-03T20:30:00Z'), { unit: 'hours', amount: 12 }).due).toEqual(at('2025-03-04T08:30:00Z'));
  });

  it('counts working days after the start day, to 24:00 Shanghai of the last one', () => {
    // Decision on Friday 2025-03-07 (Shanghai) → Mon, Tue, Wed → end of Wednesday 12 March.
    expect(dueFrom(at('2025-03-07T09:00:00Z'), { unit: 'working_days', amount: 3 }, { calendar }).due).toEqual(at('2025-03-12T16:00:00Z'));
  });

  it('skips National Day and counts the make-up Saturday (2025)', () => {
    // 30 Sep → Oct 1–8 off → Thu 9, Fri 10, Sat 11 (调休 working day).
    expect(dueFrom(at('2025-09-30T02:00:00Z'), { unit: 'working_days', amount: 3 }, { calendar })).toEqual({
      due: at('2025-10-11T16:00:00Z'),
      provisional: false,
    });
  });

  it('marks a result in a year without a published schedule provisional', () => {
    expect(dueFrom(at('2027-03-01T02:00:00Z'), { unit: 'working_days', amount: 3 }, { calendar }).provisional).toBe(true);
  });

  it('extends a calendar-day period over a holiday unless told not to (custody)', () => {
    const start = at('2025-09-28T02:00:00Z'); // 3 days → ends on 1 October, a holiday
    expect(dueFrom(start, { unit: 'calendar_days', amount: 3 }, { calendar }).due).toEqual(at('2025-10-09T16:00:00Z'));
    expect(dueFrom(start, { unit: 'calendar_days', amount: 3 }, { calendar, extendOverHoliday: false }).due).toEqual(
      at('2025-10-01T16:00:00Z'),
    );
  });

  it('refuses day units without a calendar', () => {
    expect(() => dueFrom(at('2025-03-03T02:00:00Z'), { unit: 'working_days', amount: 1 })).toThrow(/calendar/i);
  });
});

describe('warnInstant', () => {
  it('warns at the fraction of the active period', () => {
    expect(warnInstant(at('2025-03-03T02:00:00Z'), at('2025-03-03T02:08:00Z'), 0, 0.75)).toEqual(at('2025-03-03T02:06:00Z'));
    // 10 minutes spent paused: 75 % of the 8 active minutes.
    expect(warnInstant(at('2025-03-03T02:00:00Z'), at('2025-03-03T02:18:00Z'), 600_000, 0.75)).toEqual(at('2025-03-03T02:16:00Z'));
  });
});

describe('extendDue', () => {
  it('adds working days after the last day of the period', () => {
    // End of Wed 12 March + 2 working days → end of Fri 14 March.
    expect(extendDue(at('2025-03-12T16:00:00Z'), { unit: 'working_days', amount: 2 }, { calendar }).due).toEqual(
      at('2025-03-14T16:00:00Z'),
    );
  });

  it('adds clock time', () => {
    expect(extendDue(at('2025-03-03T14:00:00Z'), { unit: 'hours', amount: 2 }).due).toEqual(at('2025-03-03T16:00:00Z'));
  });
});

describe('resumeDue', () => {
  // Mon 3 March 2025 10:00 Shanghai + 5 working days → end of Mon 10 March.
  const startedAt = at('2025-03-03T02:00:00Z');
  const dueAt = at('2025-03-10T16:00:00Z');

  it('moves a clock-time due instant by the paused duration', () => {
    const resumed = resumeDue(
      { startedAt, pausedAt: at('2025-03-03T02:01:00Z'), dueAt: at('2025-03-03T02:08:00Z'), unit: 'minutes' },
      at('2025-03-03T02:31:00Z'),
    );
    expect(resumed.due).toEqual(at('2025-03-03T02:38:00Z'));
  });

  it('recounts the working days left from the resume day', () => {
    // Paused Tue 15:00, resumed Thu 09:00: Tue is free, Thu counts; 5 left → Thu, Fri, Mon, Tue, Wed 12 March.
    const resumed = resumeDue(
      { startedAt, pausedAt: at('2025-03-04T07:00:00Z'), dueAt, unit: 'working_days' },
      at('2025-03-06T01:00:00Z'),
      { calendar },
    );
    expect(resumed.due).toEqual(at('2025-03-12T16:00:00Z'));
  });

  it('changes nothing for a pause within one day, even the start day', () => {
    for (const [pausedAt, resumedAt] of [
      ['2025-03-04T02:00:00Z', '2025-03-04T07:00:00Z'],
      ['2025-03-03T03:00:00Z', '2025-03-03T09:00:00Z'],
    ] as const) {
      const resumed = resumeDue({ startedAt, pausedAt: at(pausedAt), dueAt, unit: 'working_days' }, at(resumedAt), {
        calendar,
      });
      expect(resumed.due).toEqual(dueAt);
    }
  });

  it('does not count a weekend spent paused', () => {
    // Paused Fri 7 March with Fri and Mon left (the pause day is free), resumed Mon 10 March: Mon, Tue.
    const resumed = resumeDue(
      { startedAt, pausedAt: at('2025-03-07T02:00:00Z'), dueAt, unit: 'working_days' },
      at('2025-03-10T02:00:00Z'),
      { calendar },
    );
    expect(resumed.due).toEqual(at('2025-03-11T16:00:00Z'));
  });
});

describe('calendar months and hours as the law counts them', () => {
  it('addCalendarMonths: same date next month; a missing date or a start on the last day → the last day', () => {
    expect(addCalendarMonths('2025-01-15', 1)).toBe('2025-02-15');
    expect(addCalendarMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addCalendarMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addCalendarMonths('2025-01-29', 1)).toBe('2025-02-28');
    expect(addCalendarMonths('2024-01-29', 1)).toBe('2024-02-29');
    expect(addCalendarMonths('2025-09-30', 1)).toBe('2025-10-31');
    expect(addCalendarMonths('2025-02-28', 1)).toBe('2025-03-31');
    expect(addCalendarMonths('2024-02-28', 1)).toBe('2024-03-28'); // not the last day of a leap February
    expect(addCalendarMonths('2025-11-30', 2)).toBe('2026-01-31');
    expect(addCalendarMonths('2025-12-15', 12)).toBe('2026-12-15');
    expect(() => addCalendarMonths('2025-01-15', 1.5)).toThrow(RangeError);
  });

  it('a month period ends at 24:00 Shanghai of its last day, moved over a holiday unless custody', () => {
    // 1 Sep 2025 + 1 month = Wed 1 Oct (National Day, 1–8 Oct off) → Thu 9 Oct; custody: 1 Oct itself.
    expect(dueFrom(at('2025-09-01T02:00:00Z'), { unit: 'months', amount: 1 }, { calendar })).toEqual({
      due: at('2025-10-09T16:00:00Z'),
      provisional: false,
    });
    expect(dueFrom(at('2025-09-01T02:00:00Z'), { unit: 'months', amount: 1 }, { calendar, extendOverHoliday: false }).due).toEqual(
      at('2025-10-01T16:00:00Z'),
    );
  });

  it('a month period ending in a year without a notice is provisional', () => {
    expect(dueFrom(at('2026-12-10T02:00:00Z'), { unit: 'months', amount: 1 }, { calendar }).provisional).toBe(true);
  });

  it('a month period resumed after a pause recounts what is left as calendar days', () => {
    // Started 3 Mar 2025 (due 3 Apr); paused 10 Mar, resumed 20 Mar: 25 days left (10 Mar–3 Apr) from 20 Mar → 13 Apr (Sun) → Mon 14 Apr.
    const due = dueFrom(at('2025-03-03T02:00:00Z'), { unit: 'months', amount: 1 }, { calendar }).due;
    expect(due).toEqual(at('2025-04-03T16:00:00Z'));
    expect(
      resumeDue(
        { startedAt: at('2025-03-03T02:00:00Z'), pausedAt: at('2025-03-10T02:00:00Z'), dueAt: due, unit: 'months' },
        at('2025-03-20T02:00:00Z'),
        {
          calendar,
        },
      ).due,
    ).toEqual(at('2025-04-14T16:00:00Z'));
  });

  it('hours: exact clock time by default; from the next whole hour when the start hour is not counted (CPL art. 105)', () => {
    expect(dueFrom(at('2025-03-03T02:20:00Z'), { unit: 'hours', amount: 24 }).due).toEqual(at('2025-03-04T02:20:00Z'));
    expect(dueFrom(at('2025-03-03T02:20:00Z'), { unit: 'hours', amount: 24 }, { excludeStartHour: true }).due).toEqual(
      at('2025-03-04T03:00:00Z'),
    );
  });
});
