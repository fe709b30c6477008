import { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '@pingan/testing';
import type { EventEnvelope } from '@pingan/contracts';
import { databaseFromDataSource, type Query } from '@pingan/event-store';
import { InProcessBus } from '@pingan/messaging';
import { ServiceRuntime } from '@pingan/platform';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { clockTestRuntimeOptions } from './test/clock-test-runtime.fixtures.js';

const actor = { userId: 'dispatcher-1', organisationId: 'station-1', role: 'police_dispatcher' };

let testDb: TestDatabase;
let dataSource: DataSource;
let now: Date;
const T0 = new Date('2026-11-22T02:00:00Z');
const minutesAfterT0 = (n: number) => new Date(T0.getTime() + n * 60_000);

beforeAll(async () => {
  testDb = await createTestDatabase('runtime');
  dataSource = await new DataSource({ type: 'postgres', url: testDb.url, extra: { max: 10 } }).initialize();
});
afterAll(async () => {
  await dataSource.destroy();
  await testDb.drop();
});

describe('ServiceRuntime: the legal clocks follow the events', () => {
  it('starts a clock from an event, warns and breaches it with a moved clock, and another context hears the breach', async () => {
    now = T0;
    const bus = new InProcessBus();
    const db = databaseFromDataSource(dataSource);
    const incidents = new ServiceRuntime(
      clockTestRuntimeOptions('incidents', () => now),
      db,
      bus,
    );
    const oversight = new ServiceRuntime({ context: 'oversight' }, db, bus);
    const heard: EventEnvelope[] = [];
    await oversight.subscribe({
      group: 'oversight.incidents',
      contexts: ['incidents'],
      handle: async (envelope) => {
        if (envelope.type.startsWith('Deadline')) heard.push(envelope);
      },
    });
    await oversight.start();
    await incidents.start();
    try {
      await incidents.store.append('incident-1', [{ type: 'PoliceDispatched', data: {}, occurredAt: T0 }], {
        streamType: 'incident',
        expectedVersion: 'no_stream',
        actor,
        correlationId: '500101-20261122-0001',
      });
      // No catch-up: the clock committed with the event.
      expect(await incidents.deadlines!.get('incident-1:arrival')).toMatchObject({ state: 'running', dueAt: minutesAfterT0(8) });

      now = minutesAfterT0(6.5);
      await incidents.sweepDeadlines();
      now = minutesAfterT0(9);
      await incidents.sweepDeadlines();
      await incidents.sweepDeadlines(); // a second sweep emits nothing again

      const clockStream = await incidents.store.readStream('deadline-incident-1:arrival');
      expect(clockStream.map((e) => e.type)).toEqual(['DeadlineStarted', 'DeadlineWarned', 'DeadlineBreached']);
      expect(clockStream.every((e) => e.correlationId === '500101-20261122-0001')).toBe(true);
      expect(clockStream[2].data).toMatchObject({ supervisingOrganisationId: 'bureau-1', dueAt: minutesAfterT0(8).toISOString() });

      const deadline = Date.now() + 10_000;
      while (heard.length < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(heard.map((e) => e.type)).toEqual(['DeadlineStarted', 'DeadlineWarned', 'DeadlineBreached']);
    } finally {
      await incidents.stop();
      await oversight.stop();
      await bus.close();
    }
  });

  it('stops the clock when the event that meets it arrives in time: no warning, no breach', async () => {
    now = T0;
    const bus = new InProcessBus();
    const runtime = new ServiceRuntime(
      clockTestRuntimeOptions('incidents_met', () => now),
      databaseFromDataSource(dataSource),
      bus,
    );
    await runtime.start();
    try {
      const options = { streamType: 'incident', actor, correlationId: 'C-2' };
      await runtime.store.append('incident-2', [{ type: 'PoliceDispatched', data: {}, occurredAt: T0 }], {
        ...options,
        expectedVersion: 'no_stream',
      });
      await runtime.store.append('incident-2', [{ type: 'PoliceArrived', data: {}, occurredAt: minutesAfterT0(3) }], {
        ...options,
        expectedVersion: 1,
      });
      await runtime.catchUpProjections();
      now = minutesAfterT0(30);
      await runtime.sweepDeadlines();
      expect((await runtime.store.readStream('deadline-incident-2:arrival')).map((e) => e.type)).toEqual([
        'DeadlineStarted',
        'DeadlineMet',
      ]);
      expect(await runtime.deadlines!.get('incident-2:arrival')).toMatchObject({ state: 'met' });
    } finally {
      await runtime.stop();
      await bus.close();
    }
  });

  it('a process killed the moment its append returned leaves the clock exactly once: it committed with the event', async () => {
    const script = fileURLToPath(new URL('./test/append-then-die.fixtures.ts', import.meta.url));
    // One node process (tsx as a loader, not its CLI, which would run the script in a child).
    const killed = await promisify(execFile)(process.execPath, ['--import', 'tsx', script, testDb.url, 'incidents_killed', 'incident-k'], {
      timeout: 60_000,
    }).then(
      () => 'exited normally',
      (error: { signal?: string | null; stderr?: string }) => error.signal ?? error.stderr,
    );
    expect(killed).toBe('SIGKILL');

    // What the dead process left: the event and its clock, nothing published yet.
    const bus = new InProcessBus();
    const heard: string[] = [];
    const restarted = new ServiceRuntime(
      clockTestRuntimeOptions('incidents_killed', () => minutesAfterT0(1)),
      databaseFromDataSource(dataSource),
      bus,
    );
    const listener = new ServiceRuntime({ context: 'listener_killed' }, databaseFromDataSource(dataSource), bus);
    await listener.subscribe({
      group: 'listener.killed',
      contexts: ['incidents_killed'],
      handle: async (envelope) => {
        heard.push(envelope.type);
      },
    });
    await listener.start();
    await restarted.start();
    try {
      expect(await restarted.deadlines!.list({ subject: 'C-killed' })).toHaveLength(1);
      expect((await restarted.store.readStream('deadline-incident-k:arrival')).map((e) => e.type)).toEqual(['DeadlineStarted']);
      // The dead process held the relay's lease: the restarted relay takes over once it expires (10 s).
      const until = Date.now() + 30_000;
      while (heard.length < 2 && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
      await restarted.catchUpProjections();
      expect(heard.sort()).toEqual(['DeadlineStarted', 'PoliceDispatched']);
      expect(await restarted.deadlines!.list({ subject: 'C-killed' })).toHaveLength(1); // restart moved no clock twice
    } finally {
      await restarted.stop();
      await listener.stop();
      await bus.close();
    }
  }, 90_000);
});

describe('ServiceRuntime: the schema comes from versioned migrations', () => {
  it('two runtimes starting at once on a fresh schema both start, each migration applied once; a restart applies nothing', async () => {
    const runs: string[] = [];
    const options = {
      context: 'migrating',
      deadlines: clockTestRuntimeOptions('migrating').deadlines,
      migrations: [
        {
          name: 'CreateNotes1796184000000',
          up: async (query: Query, schema: string) => {
            runs.push('CreateNotes1796184000000');
            await query(`CREATE TABLE ${schema}.notes (id integer PRIMARY KEY)`);
          },
        },
      ],
      projections: [
        {
          name: 'note-count',
          migrations: [
            {
              name: 'CreateNoteCount1796184100000',
              up: async (query: Query, schema: string) => {
                runs.push('CreateNoteCount1796184100000');
                await query(`CREATE TABLE ${schema}.note_count (n integer NOT NULL)`);
              },
            },
          ],
          reset: async () => undefined,
          apply: async () => undefined,
        },
      ],
    };
    // A second pool: another process on the same database.
    const other = await new DataSource({ type: 'postgres', url: testDb.url, extra: { max: 4 } }).initialize();
    const bus = new InProcessBus();
    // Each process has its own in-memory bus (a consumer group has one member per bus).
    const otherBus = new InProcessBus();
    const first = new ServiceRuntime(options, databaseFromDataSource(dataSource), bus);
    const second = new ServiceRuntime(options, databaseFromDataSource(other), otherBus);
    try {
      await Promise.all([first.start(), second.start()]);
      expect(runs).toEqual(['CreateNotes1796184000000', 'CreateNoteCount1796184100000']);
      const recorded = await dataSource.query<{ name: string }[]>('SELECT name FROM migrating.migrations ORDER BY id');
      // libraries first (store, checkpoints, inbox and relay, calendar, clocks), then the service's, then its projection's
      expect(recorded.map((r) => r.name)).toEqual(first.migrations.map((m) => m.name));
      expect(recorded.slice(-2).map((r) => r.name)).toEqual(['CreateNotes1796184000000', 'CreateNoteCount1796184100000']);
      await Promise.all([first.stop(), second.stop()]);

      const restarted = new ServiceRuntime(options, databaseFromDataSource(other), new InProcessBus());
      await restarted.start();
      await restarted.stop();
      expect(runs).toHaveLength(2);
      expect(await dataSource.query('SELECT count(*)::int AS n FROM migrating.migrations')).toEqual([{ n: recorded.length }]);
    } finally {
      await Promise.all([first.stop(), second.stop()]);
      await Promise.all([bus.close(), otherBus.close()]);
      await other.destroy();
    }
  });
});
