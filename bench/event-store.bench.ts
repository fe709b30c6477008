/**
 * npm run bench:event-store
 * Append throughput of our store (with its hash chain; the events table is the outbox) on real
 * PostgreSQL, a plain single-row INSERT on the same server as the ceiling, and outbox-to-consumer
 * latency through the relay and a real Kafka broker. Prints figures; asserts nothing.
 */
import { SYSTEM_ACTOR, eventsTopic } from '@pingan/contracts';
import { PostgresEventStore, databaseFromDataSource } from '@pingan/event-store';
import { KafkaBus, OutboxRelay } from '@pingan/messaging';
import { fmt, openDataSource, percentile, timedLoops, withInfra } from './support.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const line = (label: string, r: { eventsPerSec: number; p50: number; p99: number }) =>
  console.log(`${label.padEnd(46)} ${fmt(r.eventsPerSec).padStart(8)} events/s   p50 ${fmt(r.p50, 2)} ms   p99 ${fmt(r.p99, 2)} ms`);

await withInfra(async ({ databaseUrl, kafkaBrokers, describe }) => {
  console.log(`machine: ${describe}; ${SECONDS} s per figure`);
  const ds = await openDataSource(databaseUrl, 32);
  const db = databaseFromDataSource(ds);
  let run = 0;
  const freshStore = async () => {
    const store = new PostgresEventStore({ db, schema: `bench_${process.pid}_${++run}`, context: 'bench' });
    await store.migrate();
    return store;
  };
  const options = (expectedVersion: 'no_stream' | number | 'any') => ({
    streamType: 'bench',
    expectedVersion,
    actor: SYSTEM_ACTOR,
    correlationId: 'bench',
  });
  const data = { hospital: '500101-001', category: 'assault_on_staff', injured: false };

  // Plain single-row INSERT per transaction, 8 clients: the ceiling an append is compared with.
  await ds.query(`CREATE TABLE IF NOT EXISTS bench_plain_${process.pid} (id bigserial PRIMARY KEY, data jsonb)`);
  const plain = await timedLoops(8, SECONDS, async () => {
    await ds.query(`INSERT INTO bench_plain_${process.pid} (data) VALUES ($1)`, [JSON.stringify(data)]);
    return 1;
  });
  line('plain INSERT, 8 clients', plain);

  const results: Record<string, number> = {};
  for (const writers of [1, 8, 32]) {
    const store = await freshStore();
    const versions = new Map<string, number>();
    const r = await timedLoops(writers, SECONDS, async (w, i) => {
      // distinct streams: each writer starts new streams and extends them with an exact expected version
      const stream = `w${w}-s${Math.floor(i / 10)}`;
      const v = versions.get(stream) ?? 0;
      await store.append(stream, [{ type: 'IncidentReported', data }], options(v === 0 ? 'no_stream' : v));
      versions.set(stream, v + 1);
      return 1;
    });
    results[`single-${writers}`] = r.eventsPerSec;
    line(`single-event appends, ${writers} writer(s), distinct streams`, r);
  }

  {
    const store = await freshStore();
    const r = await timedLoops(8, SECONDS, async (w) => {
      await store.append(`hot-${w % 4}`, [{ type: 'IncidentUpdated', data }], options('any'));
      return 1;
    });
    line('single-event appends, 8 writers, 4 hot streams', r);
  }

  {
    const store = await freshStore();
    const versions = new Map<string, number>();
    const batch = Array.from({ length: 10 }, () => ({ type: 'IncidentUpdated', data }));
    const r = await timedLoops(8, SECONDS, async (w, i) => {
      const stream = `b${w}-${i}`;
      await store.append(stream, batch, options('no_stream'));
      versions.set(stream, 10);
      return 10;
    });
    results.batch = r.eventsPerSec;
    line('batches of 10, 8 writers', r);
  }
  console.log(`ratio single-event (8 writers) / plain INSERT: ${fmt(results['single-8'] / plain.eventsPerSec, 2)}`);

  // Outbox → Kafka → consumer: time from the append's commit to the consumer seeing the event.
  {
    const store = await freshStore();
    const bus = new KafkaBus({ brokers: kafkaBrokers, clientId: 'bench' });
    const relay = new OutboxRelay({ name: 'bench', source: store, bus, db, schema: store.schema, pollIntervalMs: 20 });
    await relay.migrate();
    const committedAt = new Map<string, number>();
    const latencies: number[] = [];
    const total = 2_000;
    let done!: () => void;
    const allSeen = new Promise<void>((r) => (done = r));
    const sub = await bus.subscribe({
      group: `bench-${process.pid}`,
      topics: [eventsTopic('bench')],
      handle: async (e) => {
        const t = committedAt.get(e.streamId);
        if (t !== undefined) latencies.push(performance.now() - t);
        if (latencies.length === total) done();
      },
    });
    relay.start();
    const started = performance.now();
    // a steady 500 appends/s from 4 writers, so latency is measured below saturation
    await Promise.all(
      Array.from({ length: 4 }, async (_, w) => {
        for (let i = w; i < total; i += 4) {
          const due = started + (i * 1000) / 500;
          const wait = due - performance.now();
          if (wait > 0) await new Promise((r) => setTimeout(r, wait));
          await store.append(`lat-${i}`, [{ type: 'IncidentReported', data }], options('no_stream'));
          committedAt.set(`lat-${i}`, performance.now());
          relay.wake();
        }
      }),
    );
    await Promise.race([allSeen, new Promise((r) => setTimeout(r, 60_000))]);
    latencies.sort((a, b) => a - b);
    console.log(
      `outbox → Kafka → consumer at 500 events/s: ${latencies.length}/${total} seen, p50 ${fmt(percentile(latencies, 50), 1)} ms, p99 ${fmt(percentile(latencies, 99), 1)} ms`,
    );
    await relay.stop();
    await sub.close();
    await bus.close();
  }
  await ds.destroy();
});
