import { jest } from '@jest/globals';
import { ChinaCalendar } from '@pingan/calendar';
import { databaseFromDataSource, type Query } from '@pingan/event-store';
import { createTestDatabase, type TestDatabase, EXAMPLE_RULES } from '@pingan/testing';
import { DataSource } from 'typeorm';
import { DeadlineStore, type Clock } from './deadline-store.js';
import { DeadlineSweeper } from './deadline-sweeper.js';
import type { DeadlineEvent, DeadlineEventHandler } from './events.js';

const T0 = new Date('2025-03-03T02:00:00Z');
const after = (minutes: number): Date => new Date(T0.getTime() + minutes * 60_000);
const SCHEMA = 'incidents';
jest.setTimeout(60_000);

describe('DeadlineStore on PostgreSQL', () => {
  let db: TestDatabase;
  const sources: DataSource[] = [];
  let now: Date;
  const clock: Clock = () => now;

  /** A store on its own connection pool, as another process would have. */
  async function newStore(): Promise<DeadlineStore> {
    const source = await new DataSource({ type: 'postgres', url: db.url, poolSize: 4 }).initialize();
    sources.push(source);
    const store = new DeadlineStore({
      database: databaseFromDataSource(source),
      schema: SCHEMA,
      rules: EXAMPLE_RULES,
      calendar: new ChinaCalendar(),
      clock,
    });
    await store.migrate();
    return store;
  }

  /** Records each event in the sweeper's own transaction, as a service appends to its event store. */
  const record: DeadlineEventHandler = async (event, query) => {
    await query('INSERT INTO emitted (deadline_id, type, at, supervisor, body) VALUES ($1, $2, $3, $4, $5)', [
      event.deadlineId,
      event.type,
      event.at,
      event.supervisingOrganisationId,
      JSON.stringify(event),
    ]);
  };

  async function emitted(deadlineId?: string): Promise<DeadlineEvent[]> {
    const rows = await sources[0]!.query<Array<{ body: DeadlineEvent }>>(
      `SELECT body FROM emitted ${deadlineId ? 'WHERE deadline_id = $1' : ''} ORDER BY seq`,
      deadlineId ? [deadlineId] : [],
    );
    return rows.map((row) => row.body);
  }

  let store: DeadlineStore;

  beforeAll(async () => {
    db = await createTestDatabase('deadlines');
    store = await newStore();
    await sources[0]!.query(
      'CREATE TABLE emitted (seq bigserial PRIMARY KEY, deadline_id text NOT NULL, type text NOT NULL, at timestamptz, supervisor text, body jsonb)',
    );
  });
  beforeEach(() => {
    now = T0;
  });
  afterAll(async () => {
    for (const source of sources) if (source.isInitialized) await source.destroy();
    await db.drop();
  });

  it('migrates idempotently', async () => {
    await store.migrate();
    await Promise.all([store.migrate(), (await newStore()).migrate()]);
  });

  it('warns at 75 %, then breaches and escalates to the supervisor, once each', async () => {
    await store.start({
      id: 'arrival-1',
      subject: 'case-1',
      rule: 'police-arrival',
      startedAt: T0,
      responsibleOrganisationId: 'station-7',
      supervisingOrganisationId: 'bureau-1',
    });
    expect(await store.sweep(after(5.9), record)).toEqual({ warned: 0, breached: 0, lapsed: 0 });
    expect(await store.sweep(after(6.5), record)).toEqual({ warned: 1, breached: 0, lapsed: 0 });
    expect(await store.sweep(after(7), record)).toEqual({ warned: 0, breached: 0, lapsed: 0 });
    expect((await store.get('arrival-1'))!.state).toBe('warned');
    expect(await store.sweep(after(8.5), record)).toEqual({ warned: 0, breached: 1, lapsed: 0 });
    expect(await store.sweep(after(60), record)).toEqual({ warned: 0, breached: 0, lapsed: 0 });

    const events = await emitted('arrival-1');
    expect(events).toEqual([
      expect.objectContaining({ type: 'DeadlineWarned', at: after(6).toISOString(), detectedAt: after(6.5).toISOString() }),
      expect.objectContaining({
        type: 'DeadlineBreached',
        at: after(8).toISOString(),
        dueAt: after(8).toISOString(),
        subject: 'case-1',
        rule: 'police-arrival',
        ruleSource: '[S1 三(一)] 渝卫发〔2021〕3号',
        responsibleOrganisationId: 'station-7',
        supervisingOrganisationId: 'bureau-1',
      }),
    ]);
    expect(await store.get('arrival-1')).toMatchObject({ state: 'breached', breachedAt: after(8.5), nextFireAt: null });
    await expect(store.met('arrival-1', after(9))).resolves.toMatchObject({ state: 'breached', completedAt: after(9) });
  });

  it('emits warning then breach when a clock is overdue for both in one sweep', async () => {
    await store.start({ id: 'arrival-2', subject: 'case-2', rule: 'police-arrival-with-office', startedAt: T0 });
    expect(await store.sweep(after(30), record)).toEqual({ warned: 1, breached: 1, lapsed: 0 });
    expect((await emitted('arrival-2')).map((e) => e.type)).toEqual(['DeadlineWarned', 'DeadlineBreached']);
  });

  it('a lapse rule (the appeal window) ends lapsed at its due instant, never breached; a breach rule is unchanged', async () => {
    // Judgment served Mon 3 March 2025: 10 days → end of Thu 13 March (Beijing time).
    const started = await store.start({ id: 'appeal-1', subject: 'case-a', rule: 'appeal-window', startedAt: T0, supervisingOrganisationId: 'court-1' });
    const due = new Date('2025-03-13T16:00:00Z');
    expect(started).toMatchObject({ dueAt: due, state: 'running' });
    // The warning fires as configured (70 %).
    expect(await store.sweep(new Date(due.getTime() - 3_600_000), record)).toEqual({ warned: 1, breached: 0, lapsed: 0 });
    expect(await store.sweep(new Date(due.getTime() + 60_000), record)).toEqual({ warned: 0, breached: 0, lapsed: 1 });
    expect(await store.sweep(new Date(due.getTime() + 86_400_000), record)).toEqual({ warned: 0, breached: 0, lapsed: 0 });
    expect(await store.get('appeal-1')).toMatchObject({ state: 'lapsed', breachedAt: null, nextFireAt: null });
    expect((await emitted('appeal-1')).map((e) => [e.type, e.at])).toEqual([
      ['DeadlineWarned', started.warnAt.toISOString()],
      ['DeadlineLapsed', due.toISOString()],
    ]);
    // Final: nothing done afterwards changes it.
    await expect(store.met('appeal-1', new Date(due.getTime() + 120_000))).resolves.toMatchObject({ state: 'lapsed', completedAt: null });
    await expect(store.pause('appeal-1', due)).rejects.toMatchObject({ code: 'DEADLINE.FINAL' });
    expect(await store.list({ state: 'lapsed' })).toHaveLength(1);

    // Overdue for both in one sweep: warning, then the lapse; a breach clock alongside still breaches.
    await store.start({ id: 'appeal-2', subject: 'case-b', rule: 'appeal-window', startedAt: T0 });
    await store.start({ id: 'arrival-l', subject: 'case-b', rule: 'police-arrival', startedAt: T0 });
    expect(await store.sweep(new Date(due.getTime() + 60_000), record)).toEqual({ warned: 2, breached: 1, lapsed: 1 });
    expect((await emitted('appeal-2')).map((e) => e.type)).toEqual(['DeadlineWarned', 'DeadlineLapsed']);
    expect((await emitted('arrival-l')).map((e) => e.type)).toEqual(['DeadlineWarned', 'DeadlineBreached']);
    expect((await store.get('arrival-l'))!.state).toBe('breached');
  });

  it('does not count paused time', async () => {
    await store.start({ id: 'arrival-3', subject: 'case-3', rule: 'police-arrival', startedAt: T0 });
    await store.pause('arrival-3', after(2));
    expect(await store.sweep(after(30), record)).toEqual({ warned: 0, breached: 0, lapsed: 0 });
    expect(await store.list({ state: 'paused', subject: 'case-3' })).toHaveLength(1);
    const resumed = await store.resume('arrival-3', after(30));
    expect(resumed).toMatchObject({ state: 'running', dueAt: after(36), warnAt: after(34), pausedMs: 28 * 60_000 });
    expect(await store.sweep(after(33.9), record)).toEqual({ warned: 0, breached: 0, lapsed: 0 });
    expect(await store.sweep(after(35), record)).toEqual({ warned: 1, breached: 0, lapsed: 0 });
    expect(await store.sweep(after(36.1), record)).toEqual({ warned: 0, breached: 1, lapsed: 0 });
  });

  it('recounts a paused working-day period (mediation paused for an appraisal)', async () => {
    // Accepted Mon 3 March 2025: 30 working days (Qingming, Fri 4 April, is off) → end of Tue 15 April.
    const started = await store.start({ id: 'mediation-1', subject: 'dispute-1', rule: 'peoples-mediation', startedAt: T0 });
    expect(started.dueAt).toEqual(new Date('2025-04-15T16:00:00Z'));
    // Appraisal from Tue 4 March to Tue 11 March: Tue 4 – Mon 10, five working days, do not count.
    await store.pause('mediation-1', new Date('2025-03-04T02:00:00Z'));
    const resumed = await store.resume('mediation-1', new Date('2025-03-11T02:00:00Z'));
    expect(resumed.dueAt).toEqual(new Date('2025-04-22T16:00:00Z'));
    expect(resumed.state).toBe('running');
  });

  it('extends: no breach at the old due instant, a new warning for the new one', async () => {
    await store.start({
      id: 'report-1',
      subject: 'case-4',
      rule: 'national-hc-report',
      startedAt: T0,
      supervisingOrganisationId: 'hc-city',
    });
    expect(await store.sweep(after(10 * 60), record)).toEqual({ warned: 1, breached: 0, lapsed: 0 });
    now = after(10 * 60);
    const extended = await store.extend('report-1', { unit: 'hours', amount: 6 }, 'approved by the commission');
    expect(extended).toMatchObject({ state: 'running', dueAt: after(18 * 60), warnAt: after(13.5 * 60) });
    expect(extended.extensions).toEqual([
      {
        by: { unit: 'hours', amount: 6 },
        reason: 'approved by the commission',
        at: after(600),
        dueBefore: after(720),
        dueAfter: after(1080),
      },
    ]);
    expect(await store.sweep(after(12.5 * 60), record)).toEqual({ warned: 0, breached: 0, lapsed: 0 });
    expect(await store.sweep(after(14 * 60), record)).toEqual({ warned: 1, breached: 0, lapsed: 0 });
    expect(await store.sweep(after(18.5 * 60), record)).toEqual({ warned: 0, breached: 1, lapsed: 0 });
    expect((await emitted('report-1')).map((e) => [e.type, e.dueAt])).toEqual([
      ['DeadlineWarned', after(720).toISOString()],
      ['DeadlineWarned', after(1080).toISOString()],
      ['DeadlineBreached', after(1080).toISOString()],
    ]);
  });

  it('met stops the clock: no warning or breach later', async () => {
    await store.start({ id: 'arrival-4', subject: 'case-5', rule: 'police-arrival', startedAt: T0 });
    await store.start({ id: 'arrival-5', subject: 'case-5', rule: 'police-arrival', startedAt: T0 });
    await store.met('arrival-4', after(5));
    await store.sweep(after(7), record); // arrival-5 warns
    await store.met('arrival-5', after(7.5)); // a warned clock can still be met
    expect(await store.sweep(after(600), record)).toEqual({ warned: 0, breached: 0, lapsed: 0 });
    expect(await emitted('arrival-4')).toEqual([]);
    expect((await emitted('arrival-5')).map((e) => e.type)).toEqual(['DeadlineWarned']);
    expect((await store.list({ subject: 'case-5' })).map((d) => d.state)).toEqual(['met', 'met']);
    await expect(store.pause('arrival-4', after(6))).rejects.toMatchObject({ code: 'DEADLINE.FINAL' });
  });

  it('starting an existing id again returns the clock unchanged', async () => {
    const first = await store.start({ id: 'arrival-6', subject: 'case-6', rule: 'police-arrival', startedAt: T0 });
    const again = await store.start({ id: 'arrival-6', subject: 'case-6', rule: 'police-arrival', startedAt: after(1) });
    expect(again).toEqual(first);
    await store.met('arrival-6', after(1)); // leave nothing running for the sweep tests below
    await expect(store.start({ id: 'x', subject: 'case-6', rule: 'nope', startedAt: T0 })).rejects.toMatchObject({
      code: 'DEADLINE.UNKNOWN_RULE',
    });
  });

  it('starts a clock inside the caller’s transaction, and rolls back with it', async () => {
    await expect(
      sources[0]!.transaction(async (manager) => {
        const query: Query = (sql, params) => manager.query(sql, params);
        await store.in(query).start({ id: 'arrival-7', subject: 'case-7', rule: 'police-arrival', startedAt: T0 });
        throw new Error('the event append failed');
      }),
    ).rejects.toThrow('the event append failed');
    expect(await store.get('arrival-7')).toBeNull();
  });

  it('two sweepers over the same due clocks emit each event exactly once', async () => {
    const other = await newStore();
    const ids = Array.from({ length: 300 }, (_, i) => `race-${i}`);
    for (const id of ids) await store.start({ id, subject: 'race', rule: 'police-arrival', startedAt: T0 });
    const slowRecord: DeadlineEventHandler = async (event, query) => {
      await record(event, query);
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 2));
    };
    // Half of them only warned so far, the rest overdue for both.
    for (let i = 0; i < 150; i++) await store.pause(ids[i]!, after(1));
    const [a, b] = await Promise.all([
      store.sweep(after(100), slowRecord, { batchSize: 20 }),
      other.sweep(after(100), slowRecord, { batchSize: 20 }),
    ]);
    for (let i = 0; i < 150; i++) await store.resume(ids[i]!, after(100));
    const [c, d] = await Promise.all([
      store.sweep(after(104), slowRecord, { batchSize: 20 }),
      other.sweep(after(104), slowRecord, { batchSize: 20 }),
    ]);
    const [e, f] = await Promise.all([
      store.sweep(after(200), slowRecord, { batchSize: 20 }),
      other.sweep(after(200), slowRecord, { batchSize: 20 }),
    ]);
    const total = [a, b, c, d, e, f].reduce((sum, r) => ({
      warned: sum.warned + r.warned,
      breached: sum.breached + r.breached,
      lapsed: sum.lapsed + r.lapsed,
    }));
    expect(total).toEqual({ warned: 300, breached: 300, lapsed: 0 });
    console.log(
      `sweeper 1 fired ${a.warned + a.breached + c.warned + c.breached + e.warned + e.breached}, sweeper 2 fired ${b.warned + b.breached + d.warned + d.breached + f.warned + f.breached}`,
    );

    const [counts] = await sources[0]!.query<Array<{ total: number; distinct: number }>>(
      `SELECT count(*)::int AS total, count(DISTINCT (deadline_id, type))::int AS distinct FROM emitted WHERE deadline_id LIKE 'race-%'`,
    );
    expect(counts).toEqual({ total: 600, distinct: 600 });
  });

  it('interval sweepers running side by side fire each transition once', async () => {
    const other = await newStore();
    for (let i = 0; i < 100; i++) await store.start({ id: `tick-${i}`, subject: 'tick', rule: 'police-arrival', startedAt: T0 });
    now = after(7); // all due to warn
    const sweepers = [store, other].map((s) => new DeadlineSweeper({ store: s, onEvent: record, intervalMs: 5, clock, batchSize: 10 }));
    sweepers.forEach((s) => s.start());
    try {
      await waitFor(async () => (await store.list({ subject: 'tick', state: 'warned' })).length === 100);
      now = after(9); // and then to breach
      await waitFor(async () => (await store.list({ subject: 'tick', state: 'breached' })).length === 100);
    } finally {
      await Promise.all(sweepers.map((s) => s.stop()));
    }
    const [counts] = await sources[0]!.query<Array<{ total: number; distinct: number }>>(
      `SELECT count(*)::int AS total, count(DISTINCT (deadline_id, type))::int AS distinct FROM emitted WHERE deadline_id LIKE 'tick-%'`,
    );
    expect(counts).toEqual({ total: 200, distinct: 200 });
  });

  it('after a restart a new instance continues and emits nothing twice; a failed emission is retried', async () => {
    const before = await newStore();
    for (let i = 0; i < 20; i++) await before.start({ id: `restart-${i}`, subject: 'restart', rule: 'police-arrival', startedAt: T0 });
    expect(await before.sweep(after(7), record)).toEqual({ warned: 20, breached: 0, lapsed: 0 });
    await sources.at(-1)!.destroy(); // the process goes away

    const afterRestart = await newStore();
    expect(await afterRestart.sweep(after(7), record)).toEqual({ warned: 0, breached: 0, lapsed: 0 });
    // The event store is down on the first try: the transition rolls back with it.
    const failing: DeadlineEventHandler = async () => {
      throw new Error('event store unavailable');
    };
    await expect(afterRestart.sweep(after(9), failing)).rejects.toThrow('event store unavailable');
    expect(await afterRestart.list({ subject: 'restart', state: 'warned' })).toHaveLength(20);
    expect(await afterRestart.sweep(after(9), record)).toEqual({ warned: 0, breached: 20, lapsed: 0 });
    expect(await afterRestart.sweep(after(60), record)).toEqual({ warned: 0, breached: 0, lapsed: 0 });
    const [counts] = await sources[0]!.query<Array<{ total: number; distinct: number }>>(
      `SELECT count(*)::int AS total, count(DISTINCT (deadline_id, type))::int AS distinct FROM emitted WHERE deadline_id LIKE 'restart-%'`,
    );
    expect(counts).toEqual({ total: 40, distinct: 40 });
  });
});

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
