import { ChinaCalendar } from '@pingan/calendar';
import { cancelDeadline, extendDeadline, meetDeadline, pauseDeadline, resumeDeadline, startDeadline, type Deadline } from './deadline.js';
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
