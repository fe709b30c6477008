import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { acquireEmbeddedPostgres, type EmbeddedPostgres } from '@pingan/platform';
import {
  ConcurrencyError,
  PostgresEventStore,
  anchorChainHeads,
  databaseFromDataSource,
  verifyEventStore,
  type Database,
  type Upcaster,
} from '@pingan/event-store';

const actor = { userId: 'u-1', organisationId: 'hospital-1', role: 'hospital_security_officer' };
const opts = (expectedVersion: 'no_stream' | 'any' | number) => ({
  streamType: 'incident',
  expectedVersion,
  actor,
  correlationId: '500101-20261122-0001',
});

// The same behaviour on a PostgreSQL server and on the embedded engine (PGlite) of `npm start`.
const engine = process.env.EVENT_STORE_ENGINE ?? 'postgres';
let dataSource: DataSource;
let db: Database;
let schemaCount = 0;
const newStore = async (extra: { upcasters?: Upcaster[] } = {}) => {
  const store = new PostgresEventStore({ db, schema: `es_test_${process.pid}_${++schemaCount}`, context: 'incidents', ...extra });
  await store.migrate();
  return store;
};

let embedded: EmbeddedPostgres | undefined;
let dataDir: string | undefined;
beforeAll(async () => {
  if (engine === 'pglite') {
    dataDir = mkdtempSync(join(tmpdir(), 'pingan-es-'));
    embedded = await acquireEmbeddedPostgres(dataDir);
  }
  // PGlite serves one session at a time: a pool of one, as in the embedded mode.
  dataSource = new DataSource({ type: 'postgres', url: embedded?.url ?? process.env.DATABASE_URL, extra: { max: embedded ? 1 : 25 } });
  await dataSource.initialize();
  db = databaseFromDataSource(dataSource);
}, 60_000);
afterAll(async () => {
  await dataSource.destroy();
  await embedded?.release();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe(`PostgresEventStore on ${engine}`, () => {
  it('appends to a new stream and reads it back with full metadata', async () => {
    const store = await newStore();
    const occurredAt = new Date('2026-11-22T01:02:03.456Z');
    const result = await store.append(
      'incident-1',
      [
        { type: 'IncidentReported', data: { channel: 'call_110' }, occurredAt },
        { type: 'PoliceDispatched', data: { unit: 'station-7' } },
      ],
      opts('no_stream'),
    );
    expect(result.nextExpectedVersion).toBe(2);

    const events = await store.readStream('incident-1');
    expect(events.map((e) => [e.type, e.version])).toEqual([
      ['IncidentReported', 1],
      ['PoliceDispatched', 2],
    ]);
    const [first] = events;
    expect(first).toMatchObject({
      context: 'incidents',
      streamId: 'incident-1',
      streamType: 'incident',
      schemaVersion: 1,
      occurredAt: '2026-11-22T01:02:03.456Z',
      actor,
      correlationId: '500101-20261122-0001',
      causationId: null,
      data: { channel: 'call_110' },
    });
    expect(first.eventId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-/); // UUIDv7
    expect(first.hash).toMatch(/^[0-9a-f]{64}$/);
    expect((await store.readStream('incident-1', { fromVersion: 2 })).map((e) => e.version)).toEqual([2]);
  });

  it('enforces the expected version: no stream, exact, any', async () => {
    const store = await newStore();
    await store.append('s', [{ type: 'A', data: {} }], opts('no_stream'));
    await expect(store.append('s', [{ type: 'B', data: {} }], opts('no_stream'))).rejects.toBeInstanceOf(ConcurrencyError);
    await expect(store.append('s', [{ type: 'B', data: {} }], opts(5))).rejects.toBeInstanceOf(ConcurrencyError);
    await expect(store.append('missing', [{ type: 'B', data: {} }], opts(1))).rejects.toBeInstanceOf(ConcurrencyError);
    await store.append('s', [{ type: 'B', data: {} }], opts(1));
    await store.append('s', [{ type: 'C', data: {} }], opts('any'));
    await store.append('fresh', [{ type: 'A', data: {} }], opts('any'));
    expect((await store.readStream('s')).map((e) => e.type)).toEqual(['A', 'B', 'C']);
    expect(await store.readStream('fresh')).toHaveLength(1);
  });

  it('lets exactly one of many concurrent writers win the same expected version, and changes nothing for the losers', async () => {
    const store = await newStore();
    await store.append('hot', [{ type: 'A', data: {} }], opts('no_stream'));
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) =>
        store.append(
          'hot',
          [
            { type: 'B', data: { i } },
            { type: 'C', data: { i } },
          ],
          opts(1),
        ),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected' && r.reason instanceof ConcurrencyError)).toHaveLength(9);
    expect(await store.readStream('hot')).toHaveLength(3);
    expect((await verifyEventStore(db, store.schema)).ok).toBe(true);
  });

  // PGlite runs one transaction at a time, so only a server can have one still open.
  (engine === 'pglite' ? it.skip : it)('reads all events in commit order, never past a transaction that is still open', async () => {
    const store = await newStore();
    await store.append('a', [{ type: 'A1', data: {} }], opts('no_stream'));
    // A slow writer takes a global position but has not committed yet.
    const runner = dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    await runner.query(
      `SELECT * FROM ${store.schema}.append_events('slow', 'incident', -1, $1::uuid[], '{Slow}', '{1}', '{"{}"}', $2::jsonb[], $3::timestamptz[], now())`,
      [
        ['0190a000-0000-7000-8000-000000000001'],
        [JSON.stringify({ actor, correlationId: 'c', causationId: null })],
        [new Date().toISOString()],
      ],
    );
    await store.append('b', [{ type: 'B1', data: {} }], opts('no_stream'));

    const visible = await store.readAll({ after: { transactionId: '0', globalPosition: '0' }, limit: 100 });
    expect(visible.map((e) => e.type)).toEqual(['A1']); // B1 waits behind the open transaction

    await runner.commitTransaction();
    await runner.release();
    const all = await store.readAll({ after: { transactionId: '0', globalPosition: '0' }, limit: 100 });
    expect(all.map((e) => e.type)).toEqual(['A1', 'Slow', 'B1']);
    const afterFirst = await store.readAll({ after: all[0], limit: 100 });
    expect(afterFirst.map((e) => e.type)).toEqual(['Slow', 'B1']);
  });

  it('inside a transaction, calls onAppended only once the events are committed (and not on rollback)', async () => {
    const seen: number[] = [];
    const schema = `es_test_${process.pid}_${++schemaCount}`;
    const store = new PostgresEventStore({
      db,
      schema,
      context: 'incidents',
      // what a woken reader would see at that moment
      onAppended: () => void db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${schema}.events`).then(([r]) => seen.push(r.n)),
    });
    await store.migrate();
    let calledInside = false;
    await db.transaction(async (query) => {
      await store.using(query).append('s-1', [{ type: 'IncidentReported', data: {} }], opts('no_stream'));
      calledInside = seen.length > 0;
    });
    await expect(
      db.transaction(async (query) => {
        await store.using(query).append('s-2', [{ type: 'IncidentReported', data: {} }], opts('no_stream'));
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    await new Promise((r) => setTimeout(r, 100));
    expect(calledInside).toBe(false);
    expect(seen).toEqual([1]);
  });

  it('upcasts old schema versions on read without touching the stored event', async () => {
    const upcasters: Upcaster[] = [
      { type: 'IncidentReported', fromSchemaVersion: 1, upcast: (d) => ({ ...d, injured: d.injured ?? 'unknown' }) },
      { type: 'IncidentReported', fromSchemaVersion: 2, upcast: ({ place, ...rest }) => ({ ...rest, location: place }) },
    ];
    const plain = await newStore();
    await plain.append('i', [{ type: 'IncidentReported', data: { place: 'ER' } }], opts('no_stream'));
    const upcasting = new PostgresEventStore({ db, schema: plain.schema, context: 'incidents', upcasters });
    const [event] = await upcasting.readStream('i');
    expect(event.schemaVersion).toBe(3);
    expect(event.data).toEqual({ injured: 'unknown', location: 'ER' });
    expect((await plain.readStream('i'))[0].data).toEqual({ place: 'ER' });
    expect((await verifyEventStore(db, plain.schema)).ok).toBe(true);
  });
});

describe('verify: the hash chain reports tampering', () => {
  const seed = async () => {
    const store = await newStore();
    await store.append(
      'case-1',
      [1, 2, 3, 4].map((n) => ({ type: 'Step', data: { n } })),
      opts('no_stream'),
    );
    await store.append('case-2', [{ type: 'Step', data: { n: 1 } }], opts('no_stream'));
    expect(await verifyEventStore(db, store.schema)).toMatchObject({ ok: true, streams: 2, events: 5 });
    return store;
  };

  it('an edited event', async () => {
    const store = await seed();
    await db.query(`UPDATE ${store.schema}.events SET data = '{"n": 99}' WHERE stream_id = 'case-1' AND version = 2`);
    const report = await verifyEventStore(db, store.schema);
    expect(report.ok).toBe(false);
    expect(report.findings).toContainEqual(expect.objectContaining({ streamId: 'case-1', version: 2, kind: 'edited' }));
  });

  it('an edited actor in the metadata', async () => {
    const store = await seed();
    await db.query(
      `UPDATE ${store.schema}.events SET metadata = jsonb_set(metadata, '{actor,userId}', '"someone-else"') WHERE stream_id = 'case-2'`,
    );
    expect((await verifyEventStore(db, store.schema)).findings).toContainEqual(
      expect.objectContaining({ streamId: 'case-2', version: 1, kind: 'edited' }),
    );
  });

  it('a deleted event in the middle', async () => {
    const store = await seed();
    await db.query(`DELETE FROM ${store.schema}.events WHERE stream_id = 'case-1' AND version = 2`);
    expect((await verifyEventStore(db, store.schema)).findings).toContainEqual(
      expect.objectContaining({ streamId: 'case-1', version: 2, kind: 'deleted' }),
    );
  });

  it('two events swapped', async () => {
    const store = await seed();
    await db.query(`UPDATE ${store.schema}.events SET version = -version WHERE stream_id = 'case-1' AND version IN (2, 3)`);
    await db.query(
      `UPDATE ${store.schema}.events SET version = CASE version WHEN -2 THEN 3 ELSE 2 END WHERE stream_id = 'case-1' AND version < 0`,
    );
    const report = await verifyEventStore(db, store.schema);
    expect(report.ok).toBe(false);
    expect(report.findings.some((f) => f.streamId === 'case-1' && ['edited', 'reordered', 'deleted'].includes(f.kind))).toBe(true);
  });

  it('the newest events deleted', async () => {
    const store = await seed();
    await db.query(`DELETE FROM ${store.schema}.events WHERE stream_id = 'case-1' AND version >= 3`);
    expect((await verifyEventStore(db, store.schema)).findings).toContainEqual(
      expect.objectContaining({ streamId: 'case-1', version: 3, kind: 'truncated' }),
    );
  });

  it('the newest events deleted and the stream head rewound too, caught by an anchor', async () => {
    const store = await seed();
    const anchor = await anchorChainHeads(store);
    expect(anchor?.heads).toContainEqual(expect.objectContaining({ streamId: 'case-1', version: 4 }));
    expect(await anchorChainHeads(store)).toBeNull(); // nothing moved since
    const [{ hash }] = await db.query<{ hash: string }>(
      `SELECT hash FROM ${store.schema}.events WHERE stream_id = 'case-1' AND version = 2`,
    );
    await db.query(`DELETE FROM ${store.schema}.events WHERE stream_id = 'case-1' AND version >= 3`);
    await db.query(`UPDATE ${store.schema}.streams SET version = 2, head_hash = $1 WHERE stream_id = 'case-1'`, [hash]);
    const report = await verifyEventStore(db, store.schema);
    expect(report.findings).toContainEqual(expect.objectContaining({ streamId: 'case-1', version: 4, kind: 'truncated' }));
  });
});
