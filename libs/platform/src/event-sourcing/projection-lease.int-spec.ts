import { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '@pingan/testing';
import { Projector, databaseFromDataSource, type Database, type Projection } from '@pingan/event-store';
import { InProcessBus } from '@pingan/messaging';
import { ServiceRuntime, schemaFor } from '@pingan/platform';

// Two replicas of one service: two ServiceRuntimes of one context on one database, each with its
// own connection pool, sharing the bus. Each projection must still be applied once per event.

const actor = { userId: 'dispatcher-1', organisationId: 'station-1', role: 'police_dispatcher' };

let testDb: TestDatabase;
const dataSources: DataSource[] = [];
const replicaDb = async (): Promise<Database> => {
  const dataSource = await new DataSource({ type: 'postgres', url: testDb.url, extra: { max: 5 } }).initialize();
  dataSources.push(dataSource);
  return databaseFromDataSource(dataSource);
};

beforeAll(async () => {
  testDb = await createTestDatabase('projection_lease');
});
afterAll(async () => {
  await Promise.all(dataSources.map((d) => d.destroy()));
  await testDb.drop();
});

/** A counting read model: one row per event (how often applied, by which replica) and a count per stream. */
const counting = (schema: string, runner: string, prefix = 'counted'): Projection => ({
  name: `${prefix}-events`,
  migrations: [
    {
      name: `Create${prefix[0].toUpperCase()}${prefix.slice(1)}Events1796189000000`,
      up: async (query) => {
        await query(`CREATE TABLE ${schema}.${prefix}_events (
          event_id uuid PRIMARY KEY, stream_id text NOT NULL, applied integer NOT NULL, applied_by text NOT NULL)`);
        await query(`CREATE TABLE ${schema}.${prefix}_streams (stream_id text PRIMARY KEY, events integer NOT NULL)`);
      },
    },
  ],
  reset: async (query) => {
    await query(`TRUNCATE ${schema}.${prefix}_events, ${schema}.${prefix}_streams`);
  },
  apply: async (event, query) => {
    await query(
      `INSERT INTO ${schema}.${prefix}_events (event_id, stream_id, applied, applied_by) VALUES ($1, $2, 1, $3)
       ON CONFLICT (event_id) DO UPDATE SET applied = ${prefix}_events.applied + 1, applied_by = ${prefix}_events.applied_by || ',' || $3`,
      [event.eventId, event.streamId, runner],
    );
    await query(
      `INSERT INTO ${schema}.${prefix}_streams (stream_id, events) VALUES ($1, 1)
       ON CONFLICT (stream_id) DO UPDATE SET events = ${prefix}_streams.events + 1`,
      [event.streamId],
    );
  },
});

const replicas = async (context: string, bus: InProcessBus) => {
  const schema = schemaFor(context);
  return [
    new ServiceRuntime({ context, projections: [counting(schema, 'a')] }, await replicaDb(), bus),
    new ServiceRuntime({ context, projections: [counting(schema, 'b')] }, await replicaDb(), bus),
  ] as const;
};

const append = (runtime: ServiceRuntime, streamId: string, events = 1) =>
  runtime.store.append(
    streamId,
    Array.from({ length: events }, (_, i) => ({ type: 'Updated', data: { i } })),
    { streamType: 'incident', expectedVersion: 'any', actor, correlationId: streamId },
  );

const eventsOf = (runtime: ServiceRuntime, prefix = 'counted') =>
  runtime.db.query<{ event_id: string; applied: number; applied_by: string }>(
    `SELECT event_id, applied, applied_by FROM ${runtime.schema}.${prefix}_events ORDER BY event_id`,
  );
const streamsOf = (runtime: ServiceRuntime, prefix = 'counted') =>
  runtime.db.query<{ stream_id: string; events: number }>(
    `SELECT stream_id, events FROM ${runtime.schema}.${prefix}_streams ORDER BY stream_id`,
  );
const storedEventIds = async (runtime: ServiceRuntime) =>
  (await runtime.db.query<{ event_id: string }>(`SELECT event_id FROM ${runtime.schema}.events ORDER BY event_id`)).map((r) => r.event_id);

describe('projections with one runner: two runtimes of one service on one database', () => {
  it('applies every event exactly once while both append concurrently; the counts equal a single runner', async () => {
    const bus = new InProcessBus();
    const [a, b] = await replicas('lease_concurrent', bus);
    await Promise.all([a.start(), b.start()]); // starting together: migrations take turns
    try {
      // 2 replicas × 6 writers × 12 appends of 1–2 events, over 5 streams, all at once.
      await Promise.all(
        [a, b].flatMap((runtime, r) =>
          Array.from({ length: 6 }, async (_, w) => {
            for (let i = 0; i < 12; i++) await append(runtime, `incident-${(r * 6 + w + i) % 5}`, 1 + (i % 2));
          }),
        ),
      );
      await Promise.all([a.catchUpProjections(), b.catchUpProjections()]);

      const ids = await storedEventIds(a);
      expect(ids).toHaveLength(2 * 6 * (6 * 1 + 6 * 2));
      const rows = await eventsOf(a);
      expect(rows.map((r) => r.event_id)).toEqual(ids);
      expect(rows.filter((r) => r.applied !== 1)).toEqual([]);

      // What one runner alone makes of the same store.
      const single = new Projector(a.store, counting(a.schema, 'single', 'single'));
      await single.migrate();
      expect(await single.catchUp()).toBe(ids.length);
      expect(await streamsOf(a)).toEqual(await streamsOf(a, 'single'));

      // Either replica reads its own write after catching up, whichever holds the lease.
      for (const runtime of [a, b]) {
        await append(runtime, 'incident-own-write');
        await runtime.catchUpProjections();
        expect(await eventsOf(runtime)).toHaveLength((await storedEventIds(runtime)).length);
      }
      expect((await eventsOf(a)).every((r) => r.applied === 1)).toBe(true);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
      await bus.close();
    }
  });

  it('when the lease holder stops, the other runtime takes over from the checkpoint: nothing missed, nothing doubled', async () => {
    const bus = new InProcessBus();
    const [a, b] = await replicas('lease_takeover', bus);
    await a.start();
    await b.start();
    const byName = { a, b };
    let stopped: ServiceRuntime | null = null;
    try {
      for (let i = 0; i < 10; i++) await append(i % 2 ? a : b, `incident-${i % 3}`);
      await Promise.all([a.catchUpProjections(), b.catchUpProjections()]);
      const before = await eventsOf(a);
      expect(before).toHaveLength(10);
      const holders = new Set(before.map((r) => r.applied_by));
      expect(holders.size).toBe(1); // one runner
      const holder = byName[[...holders][0] as 'a' | 'b'];
      const survivor = holder === a ? b : a;
      const survivorName = survivor === a ? 'a' : 'b';

      // Appends go on while the holder stops: whichever replica applies them, each lands once.
      const during = Promise.all(
        Array.from({ length: 3 }, (_, w) =>
          (async () => {
            for (let i = 0; i < 5; i++) await append(survivor, `incident-${w}`);
          })(),
        ),
      );
      await holder.stop();
      stopped = holder;
      await during;
      for (let i = 0; i < 10; i++) await append(survivor, `incident-${i % 3}`);
      await survivor.catchUpProjections();

      const ids = await storedEventIds(survivor);
      expect(ids).toHaveLength(35);
      const after = await eventsOf(survivor);
      expect(after.map((r) => r.event_id)).toEqual(ids);
      expect(after.filter((r) => r.applied !== 1)).toEqual([]);
      expect(after.filter((r) => r.applied_by === survivorName).length).toBeGreaterThanOrEqual(10);
      expect(await streamsOf(survivor)).toEqual([
        { stream_id: 'incident-0', events: 4 + 5 + 4 },
        { stream_id: 'incident-1', events: 3 + 5 + 3 },
        { stream_id: 'incident-2', events: 3 + 5 + 3 },
      ]);
      const [lease] = await survivor.db.query<{ lease_owner: string | null }>(
        `SELECT lease_owner FROM ${survivor.schema}.projection_checkpoints WHERE name = 'counted-events'`,
      );
      expect(lease.lease_owner).not.toBeNull();
    } finally {
      await Promise.all([a, b].filter((r) => r !== stopped).map((r) => r.stop()));
      await bus.close();
    }
  });
});
