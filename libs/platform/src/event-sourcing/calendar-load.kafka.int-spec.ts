import { daysOf, parseYearSchedule } from '@pingan/calendar';
import {
  CALENDAR_CONTEXT,
  CALENDAR_STREAM_TYPE,
  CALENDAR_YEAR_LOADED,
  calendarStreamId,
  type CalendarYearLoadedData,
  type ClockInstruction,
} from '@pingan/contracts';
import type { DeadlineRule } from '@pingan/deadlines';
import type { Database } from '@pingan/event-store';
import { KafkaBus } from '@pingan/messaging';
import { ServiceRuntime } from '@pingan/platform';
import { createTestDatabase, eventually, openDatabase, ruleNamed, testKafkaBrokers, type TestDatabase } from '@pingan/testing';
import { randomUUID } from 'node:crypto';

/**
 * The distributed mode's path of a calendar load: the calendar context (the gateway's) on its own
 * database appends a year's schedule; its relay publishes it on a real Kafka broker; three services,
 * each its own runtime, database and Kafka client, with clocks counted on the law alone for 2027,
 * store the year, count again and publish what changed. Then a correction moves them again.
 *
 * The schedules here are test data in the shape of a State Council notice, not the 2027 notice.
 */
const admin = { userId: 'admin-1', organisationId: 'org-admin', role: 'system_administrator' };
const officer = { userId: 'officer-1', organisationId: 'station-1', role: 'police_officer' };
const t = (iso: string): Date => new Date(iso);

const notice = (version: number, lastDayOff: string) => ({
  year: 2027,
  notice: `TEST-2027-${version}`,
  holidays: [
    { name: '元旦', from: '2027-01-01', to: '2027-01-03' },
    { name: '春节', from: '2027-02-05', to: lastDayOff, workdays: ['2027-02-20'] },
  ],
});

const stabilisation: DeadlineRule = {
  name: 'stabilisation-task',
  source: '[S0 二(二)3] (test)',
  length: { unit: 'calendar_days', amount: 14 },
  warnAtFraction: 0.75,
};

interface Service {
  context: string;
  rules: DeadlineRule[];
  clock: ClockInstruction & { action: 'start' };
}

const SERVICES: Service[] = [
  {
    // Decided Thu 4 Feb: by law Feb 5–10 are off (holiday, weekend, art. 6 in lieu) → Thu 11, Fri 12, Mon 15.
    context: 'prosecution',
    rules: [ruleNamed('ministry-system-entry')],
    clock: { action: 'start', deadlineId: 'case-1:entry', rule: 'ministry-system-entry', startedAt: '2027-02-04T02:00:00.000Z' },
  },
  {
    context: 'disputes',
    rules: [ruleNamed('peoples-mediation')],
    clock: { action: 'start', deadlineId: 'dispute-1:mediation', rule: 'peoples-mediation', startedAt: '2027-01-20T02:00:00.000Z' },
  },
  {
    // 14 days from Thu 28 Jan end on Thu 11 Feb, a working day by law.
    context: 'high-risk-persons',
    rules: [stabilisation],
    clock: { action: 'start', deadlineId: 'person-1/task-1', rule: 'stabilisation-task', startedAt: '2027-01-28T02:00:00.000Z' },
  },
];

describe('loading a calendar year over Kafka reschedules the provisional clocks of every service', () => {
  const prefix = `t-calendar-${randomUUID().slice(0, 8)}.`;
  let now = t('2027-02-04T03:00:00Z');
  const databases: TestDatabase[] = [];
  const closers: Array<() => Promise<void>> = [];
  const runtimes = new Map<string, ServiceRuntime>();
  let calendar: ServiceRuntime;

  const runtimeOn = async (context: string, rules?: DeadlineRule[]): Promise<ServiceRuntime> => {
    const database = await createTestDatabase(`cal_${context.replace(/-/g, '_')}`);
    databases.push(database);
    const { db, close } = await openDatabase(database.url);
    const bus = new KafkaBus({ brokers: testKafkaBrokers(), clientId: `calendar-test-${context}`, topicPrefix: prefix });
    const runtime = new ServiceRuntime(
      { context, clock: () => now, ...(rules ? { deadlines: { rules, sweepIntervalMs: 3_600_000, calendarRefreshMs: 3_600_000 } } : {}) },
      db as Database,
      bus,
    );
    closers.push(async () => {
      await runtime.stop();
      await bus.close();
      await close();
    });
    await runtime.start();
    await runtime.calendarFollowed();
    return runtime;
  };

  beforeAll(async () => {
    calendar = await runtimeOn(CALENDAR_CONTEXT);
    for (const service of SERVICES) runtimes.set(service.context, await runtimeOn(service.context, service.rules));
  }, 180_000);

  afterAll(async () => {
    for (const close of closers.reverse()) await close();
    for (const database of databases) await database.drop();
  }, 90_000);

  const clockOf = (service: Service) => runtimes.get(service.context)!.deadlines!.get(service.clock.deadlineId);
  const clockEvents = async (service: Service) =>
    (await runtimes.get(service.context)!.store.readStream(`deadline-${service.clock.deadlineId}`)).map((e) => ({
      type: e.type,
      data: e.data,
    }));

  const load = async (version: number, lastDayOff: string) => {
    const schedule = parseYearSchedule(notice(version, lastDayOff));
    const data: CalendarYearLoadedData = {
      ...schedule,
      days: daysOf(schedule),
      version,
      loadedAt: now.toISOString(),
    };
    await calendar.store.append(calendarStreamId(2027), [{ type: CALENDAR_YEAR_LOADED, data, occurredAt: now }], {
      streamType: CALENDAR_STREAM_TYPE,
      expectedVersion: version === 1 ? 'no_stream' : version - 1,
      actor: admin,
      correlationId: calendarStreamId(2027),
    });
  };

  it('counts on the law, reschedules on the loaded year (reopening a breach on the guess), and again on a correction', async () => {
    for (const service of SERVICES) {
      await runtimes
        .get(service.context)!
        .store.append(`case-${service.context}`, [{ type: 'ClockStarting', data: { clocks: [service.clock] }, occurredAt: now }], {
          streamType: 'case',
          expectedVersion: 'no_stream',
          actor: officer,
          correlationId: 'case-1',
        });
    }
    const [prosecution, disputes, highRisk] = SERVICES as [Service, Service, Service];
    expect(await clockOf(prosecution)).toMatchObject({ dueAt: t('2027-02-15T16:00:00Z'), provisional: true });
    // 30 working days from Wed 20 Jan: Spring Festival by law Feb 5–10.
    expect(await clockOf(disputes)).toMatchObject({ dueAt: t('2027-03-09T16:00:00Z'), provisional: true });
    expect(await clockOf(highRisk)).toMatchObject({ dueAt: t('2027-02-11T16:00:00Z'), provisional: true });

    // The morning of Tue 16 Feb: on the guess, the ministry entry ran out at the end of the 15th.
    now = t('2027-02-16T01:00:00Z');
    await runtimes.get('prosecution')!.sweepDeadlines();
    expect(await clockOf(prosecution)).toMatchObject({ state: 'breached' });

    // The year as loaded: Feb 5–11 off, Sat Feb 20 a make-up working day.
    await load(1, '2027-02-11');
    await eventually(async () => expect(await clockOf(highRisk)).toMatchObject({ provisional: false }), 60_000);
    await eventually(async () => expect(await clockOf(disputes)).toMatchObject({ provisional: false }), 60_000);
    await eventually(async () => expect(await clockOf(prosecution)).toMatchObject({ provisional: false }), 60_000);

    // Fri 12, Mon 15, Tue 16: not due yet; the breach is withdrawn and the clock runs (it had warned).
    expect(await clockOf(prosecution)).toMatchObject({ state: 'warned', breachedAt: null, dueAt: t('2027-02-16T16:00:00Z') });
    expect(await clockOf(highRisk)).toMatchObject({ state: 'running', dueAt: t('2027-02-12T16:00:00Z') }); // Feb 11 is off
    // Mediation: Feb 11 is off now, but Sat Feb 20 is worked, so 30 working days still end on Tue 9 Mar; only no longer a guess.
    expect(await clockOf(disputes)).toMatchObject({ dueAt: t('2027-03-09T16:00:00Z'), provisional: false });
    const rescheduled = (await clockEvents(prosecution)).filter((e) => e.type === 'DeadlineRescheduled' || e.type === 'DeadlineReopened');
    expect(rescheduled).toEqual([
      {
        type: 'DeadlineRescheduled',
        data: expect.objectContaining({
          previousDueAt: '2027-02-15T16:00:00.000Z',
          dueAt: '2027-02-16T16:00:00.000Z',
          provisional: false,
          reason: 'calendar 2027 loaded from TEST-2027-1 (version 1)',
        }),
      },
      { type: 'DeadlineReopened', data: expect.objectContaining({ state: 'warned', withdrawnBreachAt: '2027-02-16T01:00:00.000Z' }) },
    ]);
    for (const service of SERVICES) {
      expect((await clockEvents(service)).map((e) => e.type)).toContain('DeadlineRescheduled');
    }

    // A correction: Spring Festival runs to Fri 12 Feb.
    await load(2, '2027-02-12');
    await eventually(async () => expect(await clockOf(prosecution)).toMatchObject({ dueAt: t('2027-02-17T16:00:00Z') }), 60_000);
    await eventually(async () => expect(await clockOf(highRisk)).toMatchObject({ dueAt: t('2027-02-15T16:00:00Z') }), 60_000);
    await eventually(async () => expect(await clockOf(disputes)).toMatchObject({ dueAt: t('2027-03-10T16:00:00Z') }), 60_000);
    for (const service of SERVICES) {
      const reasons = (await clockEvents(service)).filter((e) => e.type === 'DeadlineRescheduled').map((e) => e.data.reason);
      expect(reasons).toEqual(['calendar 2027 loaded from TEST-2027-1 (version 1)', 'calendar 2027 loaded from TEST-2027-2 (version 2)']);
    }
  }, 240_000);
});
