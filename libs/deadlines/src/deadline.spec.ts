import { ChinaCalendar } from '@pingan/calendar';
import {
  DEADLINE_STATES,
  cancelDeadline,
  expiredState,
  extendDeadline,
  meetDeadline,
  pauseDeadline,
  rescheduleDeadline,
  resumeDeadline,
  startDeadline,
  type Deadline,
} from './deadline.js';
import { indexRules } from './rules.js';
import { ruleNamed } from '@pingan/testing';

const calendar = new ChinaCalendar();
const at = (iso: string): Date => new Date(iso);
const T0 = '2025-03-03T02:00:00Z';
const minutes = (n: number): Date => new Date(at(T0).getTime() + n * 60_000);

const arrival = (): Deadline =>
  startDeadline(
    { id: 'd1', subject: 'case-1', rule: 'police-arrival', startedAt: at(T0), supervisingOrganisationId: 'police-bureau' },
    ruleNamed('police-arrival'),
  );

describe('deadline transitions', () => {
  it('starts running with its warning at 75 % and the sweeper aimed at it', () => {
    const d = arrival();
    expect(d).toMatchObject({ state: 'running', dueAt: minutes(8), warnAt: minutes(6), nextFireAt: minutes(6) });
    expect(d.supervisingOrganisationId).toBe('police-bureau');
    expect(d.responsibleOrganisationId).toBeNull();
  });

  it('is met in time, also after a warning; met is final and repeatable', () => {
    const met = meetDeadline({ ...arrival(), state: 'warned' }, minutes(7));
    expect(met).toMatchObject({ state: 'met', completedAt: minutes(7), nextFireAt: null });
    expect(meetDeadline(met, minutes(9))).toBe(met);
    expect(() => pauseDeadline(met, minutes(7))).toThrow(expect.objectContaining({ code: 'DEADLINE.FINAL' }));
  });

  it('is cancelled when its duty falls away: final, never fires, and a breach already recorded stands', () => {
    const cancelled = cancelDeadline({ ...arrival(), state: 'warned' }, minutes(7));
    expect(cancelled).toMatchObject({ state: 'cancelled', nextFireAt: null });
    expect(cancelDeadline(cancelled, minutes(8))).toBe(cancelled);
    expect(() => pauseDeadline(cancelled, minutes(7))).toThrow(expect.objectContaining({ code: 'DEADLINE.FINAL' }));
    const breached: Deadline = { ...arrival(), state: 'breached' };
    expect(cancelDeadline(breached, minutes(9))).toBe(breached);
  });

  it('is met by work done in time but entered after the sweeper breached it: the breach is corrected, its record kept', () => {
    const breached: Deadline = { ...arrival(), state: 'breached', breachedAt: minutes(8), nextFireAt: null };
    expect(meetDeadline(breached, minutes(7))).toMatchObject({ state: 'met', completedAt: minutes(7), breachedAt: minutes(8) });
    // Done too late: the breach stands.
    expect(meetDeadline(breached, minutes(9))).toMatchObject({ state: 'breached', completedAt: minutes(9) });
  });

  it('a lapse rule ends lapsed, a breach rule breached (expiredState reads the rule snapshot)', () => {
    expect(expiredState(ruleNamed('appeal-window'))).toBe('lapsed');
    expect(expiredState(ruleNamed('police-arrival'))).toBe('breached');
    expect(expiredState({ ...ruleNamed('police-arrival'), onExpiry: 'breach' })).toBe('breached');
  });

  it('lapsed is final: not met, paused, extended, cancelled or recounted afterwards', () => {
    const appeal = startDeadline({ id: 'a1', subject: 'case-1', rule: 'appeal-window', startedAt: at(T0) }, ruleNamed('appeal-window'), calendar);
    const lapsed: Deadline = { ...appeal, state: 'lapsed', nextFireAt: null };
    expect(meetDeadline(lapsed, appeal.dueAt)).toBe(lapsed);
    expect(cancelDeadline(lapsed, appeal.dueAt)).toBe(lapsed);
    expect(() => pauseDeadline(lapsed, at(T0))).toThrow(expect.objectContaining({ code: 'DEADLINE.FINAL' }));
    expect(() => extendDeadline(lapsed, { unit: 'calendar_days', amount: 5 }, 'late', at(T0))).toThrow(
      expect.objectContaining({ code: 'DEADLINE.FINAL' }),
    );
    expect(rescheduleDeadline({ ...lapsed, provisional: true, dueAt: at('2025-03-20T16:00:00Z') }, calendar, appeal.dueAt)).toBeNull();
    expect(DEADLINE_STATES).toContain('lapsed');
  });

  it('checks onExpiry when the rules are indexed', () => {
    expect(indexRules([ruleNamed('appeal-window')]).get('appeal-window')?.onExpiry).toBe('lapse');
    expect(() => indexRules([{ ...ruleNamed('appeal-window'), onExpiry: 'expire' as never }])).toThrow(/onExpiry/);
  });

  it('records a late completion but leaves the breach to the sweeper', () => {
    const late = meetDeadline(arrival(), minutes(9));
    expect(late).toMatchObject({ state: 'running', completedAt: minutes(9), nextFireAt: minutes(6) });
  });

  it('does not count paused time; a warned clock stays warned', () => {
    const paused = pauseDeadline({ ...arrival(), state: 'warned' }, minutes(7));
    expect(paused).toMatchObject({ state: 'paused', pausedFrom: 'warned', nextFireAt: null });
    const resumed = resumeDeadline(paused, minutes(27));
    expect(resumed).toMatchObject({ state: 'warned', dueAt: minutes(28), pausedMs: 20 * 60_000, nextFireAt: minutes(28) });
    expect(resumed.warnAt).toEqual(minutes(26));
  });

  it('cannot pause or extend a clock that has already run out', () => {
    expect(() => pauseDeadline(arrival(), minutes(8))).toThrow(expect.objectContaining({ code: 'DEADLINE.PAST_DUE' }));
    expect(() => extendDeadline(arrival(), { unit: 'minutes', amount: 5 }, 'late', minutes(9))).toThrow(
      expect.objectContaining({ code: 'DEADLINE.PAST_DUE' }),
    );
  });

  it('rejects times before the start or the pause', () => {
    expect(() => meetDeadline(arrival(), minutes(-1))).toThrow(expect.objectContaining({ code: 'DEADLINE.INVALID_TIME' }));
    const paused = pauseDeadline(arrival(), minutes(2));
    expect(() => resumeDeadline(paused, minutes(1))).toThrow(expect.objectContaining({ code: 'DEADLINE.INVALID_TIME' }));
  });

  it('extends and re-arms the warning for the new due date', () => {
    const mediation = startDeadline(
      { id: 'm1', subject: 'dispute-1', rule: 'peoples-mediation', startedAt: at(T0) },
      ruleNamed('peoples-mediation'),
      calendar,
    );
    const warned = { ...mediation, state: 'warned' as const, nextFireAt: mediation.dueAt };
    const extended = extendDeadline(warned, { unit: 'working_days', amount: 15 }, 'parties agreed', mediation.warnAt, calendar);
    expect(extended.state).toBe('running');
    expect(extended.dueAt.getTime()).toBeGreaterThan(mediation.dueAt.getTime());
    expect(extended.nextFireAt).toEqual(extended.warnAt);
    expect(extended.extensions).toEqual([
      {
        by: { unit: 'working_days', amount: 15 },
        reason: 'parties agreed',
        at: mediation.warnAt,
        dueBefore: mediation.dueAt,
        dueAfter: extended.dueAt,
      },
    ]);
    expect(() => extendDeadline(mediation, { unit: 'hours', amount: 5 }, 'x', at(T0), calendar)).toThrow(
      expect.objectContaining({ code: 'DEADLINE.EXTENSION_UNIT' }),
    );
  });

  it('computes ministry entry over a holiday with the China calendar', () => {
    const entry = startDeadline(
      { id: 'e1', subject: 'case-2', rule: 'ministry-system-entry', startedAt: at('2025-09-30T02:00:00Z') },
      ruleNamed('ministry-system-entry'),
      calendar,
    );
    expect(entry.dueAt).toEqual(at('2025-10-11T16:00:00Z'));
    expect(entry.provisional).toBe(false);
  });
});

describe('a clock of calendar months', () => {
  const review = {
    name: 'review',
    source: '[law] 刑事诉讼法 第172条',
    length: { unit: 'months', amount: 1 },
    warnAtFraction: 0.75,
    extendOverHoliday: false,
  } as const;

  it('runs to the same date of the next month and takes an extension of 15 days after it', () => {
    const d = startDeadline({ id: 'r1', subject: 'case-1', rule: 'review', startedAt: at('2025-01-31T02:00:00Z') }, review, calendar);
    expect(d.dueAt).toEqual(at('2025-02-28T16:00:00Z'));
    const extended = extendDeadline(d, { unit: 'calendar_days', amount: 15 }, 'major and complex', at('2025-02-20T02:00:00Z'), calendar);
    expect(extended.dueAt).toEqual(at('2025-03-15T16:00:00Z'));
    expect(() => extendDeadline(d, { unit: 'working_days', amount: 3 }, 'no', at('2025-02-20T02:00:00Z'), calendar)).toThrow(
      expect.objectContaining({ code: 'DEADLINE.EXTENSION_UNIT' }),
    );
  });
});

describe('rescheduling when a calendar year is loaded', () => {
  const entry = {
    name: 'ministry-system-entry',
    source: '[S1 六(二)]',
    length: { unit: 'working_days', amount: 3 },
    warnAtFraction: 0.75,
  } as const;
  // A test schedule (not the State Council's): Spring Festival 2027 Feb 5–11 off, Sat Feb 20 working.
  const loaded = new ChinaCalendar({
    overrides: [
      ...['05', '06', '07', '08', '09', '10', '11'].map((d) => ({ date: `2027-02-${d}`, kind: 'off' as const, note: 'test notice' })),
      { date: '2027-02-20', kind: 'working', note: 'test notice' },
    ],
    completedYears: [2027],
  });
  // Decided Thu 4 Feb 2027: on the law alone Feb 5–10 are off (holiday, weekend, days in lieu) → Thu 11, Fri 12, Mon 15.
  const start = () =>
    startDeadline({ id: 'e1', subject: 'case-1', rule: entry.name, startedAt: at('2027-02-04T02:00:00Z') }, entry, calendar);

  it('Given a provisional running clock, when the year is loaded, then it is counted on the notice and no longer provisional', () => {
    const d = start();
    expect(d).toMatchObject({ dueAt: at('2027-02-15T16:00:00Z'), provisional: true });
    const outcome = rescheduleDeadline(d, loaded, at('2027-01-10T02:00:00Z'))!;
    // Feb 5–11 off, Fri 12, Mon 15, Tue 16.
    expect(outcome.after).toMatchObject({ state: 'running', dueAt: at('2027-02-16T16:00:00Z'), provisional: false });
    expect(outcome.reopened).toBe(false);
    expect(rescheduleDeadline(outcome.after, loaded, at('2027-01-10T02:00:00Z'))).toBeNull();
  });

  it('Given a clock breached on the guess, when the notice says it is not yet due, then it runs again (reopened)', () => {
    const breached: Deadline = {
      ...start(),
      state: 'breached',
      warnedAt: at('2027-02-12T00:00:00Z'),
      breachedAt: at('2027-02-15T16:00:01Z'),
    };
    const outcome = rescheduleDeadline(breached, loaded, at('2027-02-16T01:00:00Z'))!;
    expect(outcome.reopened).toBe(true);
    expect(outcome.after).toMatchObject({
      state: 'warned',
      breachedAt: null,
      dueAt: at('2027-02-16T16:00:00Z'),
      nextFireAt: at('2027-02-16T16:00:00Z'),
    });
  });

  it('Given a breach whose work was done late on the guess but in time on the notice, then it is met', () => {
    const breached: Deadline = {
      ...start(),
      state: 'breached',
      breachedAt: at('2027-02-15T16:00:01Z'),
      completedAt: at('2027-02-16T03:00:00Z'),
    };
    const outcome = rescheduleDeadline(breached, loaded, at('2027-02-20T01:00:00Z'))!;
    expect(outcome).toMatchObject({ reopened: true, after: { state: 'met', breachedAt: null, nextFireAt: null } });
  });

  it('Given a breach still past due on the notice, then it stays breached with the new due instant', () => {
    const breached: Deadline = { ...start(), state: 'breached', breachedAt: at('2027-02-15T16:00:01Z') };
    const outcome = rescheduleDeadline(breached, loaded, at('2027-02-20T01:00:00Z'))!;
    expect(outcome).toMatchObject({ reopened: false, after: { state: 'breached', dueAt: at('2027-02-16T16:00:00Z') } });
  });

  it('replays pauses and extensions in order, and leaves clocks with their own due instant alone', () => {
    const paused = pauseDeadline(start(), at('2027-02-04T03:00:00Z'));
    const resumed = resumeDeadline(paused, at('2027-02-12T02:00:00Z'), calendar);
    expect(resumed.pauses).toEqual([{ from: at('2027-02-04T03:00:00Z'), to: at('2027-02-12T02:00:00Z') }]);
    const extended = extendDeadline(resumed, { unit: 'working_days', amount: 1 }, 'test', at('2027-02-12T03:00:00Z'), calendar);
    const outcome = rescheduleDeadline(extended, loaded, at('2027-02-12T04:00:00Z'))!;
    // Resumed Fri 12 with 3 left: Fri 12, Mon 15, Tue 16; +1 → Wed 17.
    expect(outcome.after.dueAt).toEqual(at('2027-02-17T16:00:00Z'));
    expect(outcome.after.extensions[0]).toMatchObject({ dueBefore: at('2027-02-16T16:00:00Z'), dueAfter: at('2027-02-17T16:00:00Z') });
    const own = startDeadline(
      { id: 's1', subject: 'case-1', rule: entry.name, startedAt: at('2027-02-04T02:00:00Z'), dueAt: at('2027-02-10T16:00:00Z') },
      entry,
      calendar,
    );
    expect(rescheduleDeadline({ ...own, provisional: true }, loaded, at('2027-02-05T00:00:00Z'))).toBeNull();
  });
});
