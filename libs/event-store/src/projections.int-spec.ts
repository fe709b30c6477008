import { DataSource } from 'typeorm';
import {
  ConcurrencyError,
  PostgresEventStore,
  Projector,
  handleCommand,
  type Database,
  type Decider,
  type Projection,
} from '@pingan/event-store';
import { freshEventStore, specDatabase } from '@pingan/testing';

const actor = { userId: 'u-1', organisationId: 'police-1', role: 'police_dispatcher' };

let db: Database;
const newStore = () => freshEventStore(db);

specDatabase('event_store_projections', (opened) => (db = opened));

/** Counts incidents per hospital and the latest status of each: a small read model. */
const hospitalBoard = (schema: string): Projection => ({
  name: 'hospital-board',
  migrations: [
    {
      name: 'CreateHospitalBoard1796184000000',
      up: async (query, s) => {
        await query(`CREATE TABLE ${s}.hospital_board (
          stream_id text PRIMARY KEY, hospital text NOT NULL, status text NOT NULL, updates integer NOT NULL)`);
      },
    },
  ],
  reset: async (query) => {
    await query(`TRUNCATE ${schema}.hospital_board`);
  },
  apply: async (event, query) => {
    const data = event.data as { hospital?: string; status?: string };
    await query(
      `INSERT INTO ${schema}.hospital_board (stream_id, hospital, status, updates) VALUES ($1, $2, $3, 1)
       ON CONFLICT (stream_id) DO UPDATE SET status = EXCLUDED.status, updates = hospital_board.updates + 1`,
      [event.streamId, data.hospital ?? '', data.status ?? event.type],
    );
  },
});

const rowsOf = (schema: string) => db.query<{ updates: number }>(`SELECT * FROM ${schema}.hospital_board ORDER BY stream_id`);
/** One Updated event on `streamId`, appended in its own transaction. */
const update = (store: PostgresEventStore, streamId: string, data: { hospital: string; status: string }, correlationId = 'c') =>
  store.append(streamId, [{ type: 'Updated', data }], { streamType: 'incident', expectedVersion: 'any', actor, correlationId });

/**
 * Runs `body` while a transaction with an id stays open on another connection: any such
 * transaction holds the snapshot's xmin back, whatever it touches (another service's database on
 * the same server, a long inbox handler). `commit` ends it; otherwise it is rolled back after `body`.
 */
async function whileAnotherTransactionIsOpen(body: (commit: () => Promise<void>) => Promise<void>): Promise<void> {
  const other = new DataSource({ type: 'postgres', url: process.env.DATABASE_URL, extra: { max: 1 } });
  await other.initialize();
  const runner = other.createQueryRunner();
  try {
    await runner.startTransaction();
    await runner.query('SELECT pg_current_xact_id()');
    await body(() => runner.commitTransaction());
  } finally {
    if (runner.isTransactionActive) await runner.rollbackTransaction();
    await runner.release();
    await other.destroy();
  }
}

describe('projections', () => {
  it('a projection rebuilt from scratch equals the live one', async () => {
    const store = await newStore();
    const projector = new Projector(store, hospitalBoard(store.schema), { batchSize: 7 });
    await projector.migrate();
    for (let i = 0; i < 30; i++) {
      await update(store, `incident-${i % 9}`, { hospital: `h-${i % 3}`, status: `s-${i}` }, `c-${i % 9}`);
      if (i % 10 === 0) await projector.catchUp(); // live: applied as it goes
    }
    await projector.catchUp();
    const live = await rowsOf(store.schema);
    expect(live).toHaveLength(9);
    expect(live.reduce((sum, r) => sum + r.updates, 0)).toBe(30);

    await db.query(`UPDATE ${store.schema}.hospital_board SET status = 'corrupted'`);
    expect(await projector.rebuild()).toBe(30);
    expect(await rowsOf(store.schema)).toEqual(live);
  });

  it('a restarted projector continues from its checkpoint without applying anything twice', async () => {
    const store = await newStore();
    const first = new Projector(store, hospitalBoard(store.schema));
    await first.migrate();
    const append = (i: number) => update(store, 'incident-1', { hospital: 'h', status: `s-${i}` });
    await append(1);
    await append(2);
    expect(await first.catchUp()).toBe(2);
    await append(3);
    const second = new Projector(store, hospitalBoard(store.schema));
    expect(await second.catchUp()).toBe(1);
    expect(await rowsOf(store.schema)).toEqual([{ stream_id: 'incident-1', hospital: 'h', status: 's-3', updates: 3 }]);
  });

  it('catch-up applies what was committed before it, even while an older transaction elsewhere holds visibility back', async () => {
    const store = await newStore();
    const projector = new Projector(store, hospitalBoard(store.schema));
    await projector.migrate();
    await whileAnotherTransactionIsOpen(async (commit) => {
      await update(store, 'incident-1', { hospital: 'h', status: 'reported' });
      const caughtUp = projector.catchUp();
      setTimeout(() => void commit(), 300);
      expect(await caughtUp).toBe(1);
      expect(await rowsOf(store.schema)).toEqual([{ stream_id: 'incident-1', hospital: 'h', status: 'reported', updates: 1 }]);
    });
  });

  it('a catch-up held back by a transaction that never ends gives up after its bound', async () => {
    const store = await newStore();
    const projector = new Projector(store, hospitalBoard(store.schema), { visibilityWaitMs: 300 });
    await projector.migrate();
    await whileAnotherTransactionIsOpen(async () => {
      await update(store, 'incident-1', { hospital: 'h', status: 'reported' });
      const started = Date.now();
      expect(await projector.catchUp()).toBe(0);
      expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    });
  });
});

type Cmd = { type: 'Dispatch'; unit: string };
type Ev = { type: 'Dispatched'; data: { unit: string; order: number } };
const dispatching: Decider<Cmd, Ev, { dispatches: number }> = {
  initialState: () => ({ dispatches: 0 }),
  evolve: (s) => ({ dispatches: s.dispatches + 1 }),
  decide: (c, s) => {
    if (s.dispatches >= 3) throw new Error('at most three units');
    return [{ type: 'Dispatched', data: { unit: c.unit, order: s.dispatches + 1 } }];
  },
};

describe('handleCommand', () => {
  const options = { streamType: 'incident', actor, correlationId: 'c-1' };

  it('loads, decides and appends; concurrent commands retry against the new state', async () => {
    const store = await newStore();
    const results = await Promise.allSettled(
      ['a', 'b', 'c', 'd', 'e'].map((unit) => handleCommand(store, dispatching, 'incident-9', { type: 'Dispatch', unit }, options)),
    );
    const events = await store.readStream('incident-9');
    // never more than the decider allows, numbered without gaps, whoever won the races
    expect(events.map((e) => (e.data as { order: number }).order)).toEqual(events.map((_, i) => i + 1));
    expect(events.length).toBeLessThanOrEqual(3);
    const rejected = results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason);
    expect(results.length - rejected.length).toBe(events.length);
    for (const reason of rejected) {
      expect(reason instanceof ConcurrencyError || (reason as Error).message === 'at most three units').toBe(true);
    }
  });

  it('a domain error leaves the stream unchanged', async () => {
    const store = await newStore();
    for (const unit of ['a', 'b', 'c']) await handleCommand(store, dispatching, 'i', { type: 'Dispatch', unit }, options);
    await expect(handleCommand(store, dispatching, 'i', { type: 'Dispatch', unit: 'd' }, options)).rejects.toThrow('at most three units');
    expect(await store.readStream('i')).toHaveLength(3);
  });
});
