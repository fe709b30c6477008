import { PostgresEventStore, Projector, type Database, type Projection } from '@pingan/event-store';
import { freshEventStore, specDatabase } from '@pingan/testing';

// The projector's lease, instance by instance: the fence, expiry and a standby's catch-up and rebuild.
// Two runtimes of one service on one database: libs/platform/src/event-sourcing/projection-lease.int-spec.ts.

const actor = { userId: 'u-1', organisationId: 'police-1', role: 'police_dispatcher' };

let db: Database;
const newStore = () => freshEventStore(db);

specDatabase('event_store_lease', (opened) => (db = opened));

/** One row per event, with how often it was applied and by whom. */
const applications = (schema: string, runner: string): Projection => ({
  name: 'applications',
  migrations: [
    {
      name: 'CreateApplications1796189000000',
      up: async (query) => {
        await query(`CREATE TABLE ${schema}.applications (
          event_id uuid PRIMARY KEY, applied integer NOT NULL, applied_by text NOT NULL)`);
      },
    },
  ],
  reset: async (query) => {
    await query(`TRUNCATE ${schema}.applications`);
  },
  apply: async (event, query) => {
    await query(
      `INSERT INTO ${schema}.applications (event_id, applied, applied_by) VALUES ($1, 1, $2)
       ON CONFLICT (event_id) DO UPDATE SET applied = applications.applied + 1, applied_by = applications.applied_by || ',' || $2`,
      [event.eventId, runner],
    );
  },
});

const appendMany = async (store: PostgresEventStore, count: number) => {
  for (let i = 0; i < count; i++) {
    await store.append(`incident-${i % 3}`, [{ type: 'Updated', data: { i } }], {
      streamType: 'incident',
      expectedVersion: 'any',
      actor,
      correlationId: 'c',
    });
  }
};

const rowsOf = (schema: string) =>
  db.query<{ applied: number; applied_by: string }>(`SELECT applied, applied_by FROM ${schema}.applications ORDER BY event_id`);
const leaseOf = async (schema: string) =>
  (
    await db.query<{ lease_owner: string | null; expired: boolean }>(
      `SELECT lease_owner, lease_until < now() AS expired FROM ${schema}.projection_checkpoints WHERE name = 'applications'`,
    )
  )[0];

describe('projector lease', () => {
  it('a holder whose lease another instance took applies and checkpoints nothing', async () => {
    const store = await newStore();
    const holder = new Projector(store, applications(store.schema, 'holder'), { pollMs: 60_000, visibilityWaitMs: 300 });
    await holder.migrate();
    holder.start(); // polling: it keeps the lease between passes
    try {
      await appendMany(store, 2);
      await holder.catchUp(); // with the first tick's pass, which may have applied some of them
      expect(await rowsOf(store.schema)).toHaveLength(2);
      expect(holder.isLeader()).toBe(true);
      const before = await holder.checkpoint();
      // As if this instance paused past its lease and a standby took over: the holder still believes it leads.
      await db.query(
        `UPDATE ${store.schema}.projection_checkpoints SET lease_owner = 'standby', lease_until = now() + interval '1 minute' WHERE name = 'applications'`,
      );
      await appendMany(store, 1);
      expect(await holder.catchUp()).toBe(0);
      expect(holder.isLeader()).toBe(false);
      expect(await holder.checkpoint()).toEqual(before);
      expect(await rowsOf(store.schema)).toHaveLength(2);
    } finally {
      await holder.stop();
    }
    expect((await leaseOf(store.schema)).lease_owner).toBe('standby'); // stop releases only its own lease
  });

  it('a standby takes an expired lease over and continues from the checkpoint', async () => {
    const store = await newStore();
    const standby = new Projector(store, applications(store.schema, 'standby'));
    await standby.migrate();
    await appendMany(store, 3);
    expect(await standby.catchUp()).toBe(3);
    await appendMany(store, 4);
    // A holder that crashed without handing the lease back: it blocks until it expires.
    await db.query(
      `UPDATE ${store.schema}.projection_checkpoints SET lease_owner = 'crashed', lease_until = now() + interval '400 milliseconds' WHERE name = 'applications'`,
    );
    const started = Date.now();
    expect(await standby.catchUp()).toBe(4);
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    const rows = await rowsOf(store.schema);
    expect(rows).toHaveLength(7);
    expect(rows.every((r) => r.applied === 1)).toBe(true);
    // Never started, it held the lease for that pass only.
    expect((await leaseOf(store.schema)).lease_owner).toBeNull();
  });

  it("a standby's catch-up and rebuild wait for the holder, which applies everything once", async () => {
    const store = await newStore();
    const holder = new Projector(store, applications(store.schema, 'holder'), { pollMs: 50 });
    const standby = new Projector(store, applications(store.schema, 'standby'), { pollMs: 50 });
    await Promise.all([holder.migrate(), standby.migrate()]);
    expect(await holder.catchUp()).toBe(0);
    holder.start();
    await new Promise((resolve) => setTimeout(resolve, 100)); // the holder's first tick takes the lease
    standby.start();
    try {
      await appendMany(store, 5);
      expect(await standby.catchUp()).toBe(0);
      expect(await rowsOf(store.schema)).toEqual(Array.from({ length: 5 }, () => ({ applied: 1, applied_by: 'holder' })));

      await db.query(`UPDATE ${store.schema}.applications SET applied_by = 'corrupted'`);
      expect(await standby.rebuild()).toBe(0);
      expect(await rowsOf(store.schema)).toEqual(Array.from({ length: 5 }, () => ({ applied: 1, applied_by: 'holder' })));
      expect(standby.isLeader()).toBe(false);
    } finally {
      await standby.stop();
      await holder.stop();
    }
    expect((await leaseOf(store.schema)).lease_owner).toBeNull();
  });
});
