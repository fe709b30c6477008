/**
 * npm run bench:read
 * Reading: one stream of 1,000 events read and folded into state, and BENCH_EVENTS (default
 * 1,000,000) events replayed into a projection from the start, our store and Projector against
 * Emmett's readStream/aggregateStream and its PostgreSQL consumer (a reactor from the beginning),
 * on one server, alternating. Prints figures; asserts nothing.
 *
 * Both stores are seeded by SQL with the same events (1,000 streams of 1,000 events): appending
 * a million events through either API would take minutes and is measured by bench:append. Our
 * seeded rows carry placeholder hashes: replay does not verify the chain (verify() does).
 */
import { getPostgreSQLEventStore } from '@event-driven-io/emmett-postgresql';
import { PostgresEventStore, Projector, databaseFromDataSource, type Projection, type StoredEvent } from '@pingan/event-store';
import pg from 'pg';
import { createDatabase, fmt, header, load, openDataSource, percentile, withInfra } from './support.js';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const STREAM_LENGTH = 1_000;
const BATCH = Number(process.env.BENCH_BATCH ?? 500);
/** Emmett's replay stops after this many events (its consumer is far slower; see the docs). */
const EMMETT_LIMIT = Math.min(EVENTS, Number(process.env.BENCH_EMMETT_REPLAY_LIMIT ?? 100_000));
const STREAMS = Math.ceil(EVENTS / STREAM_LENGTH);
const DATA = `'{"hospital": "500101-001", "category": "assault_on_staff", "injured": false, "summary": "patient relative struck a nurse at triage"}'::jsonb`;
const META = `'{"actor": {"userId": "system", "organisationId": "system", "role": "system"}, "correlationId": "bench", "causationId": null}'::jsonb`;

/** The state both folds compute: events per type and the last version seen. */
interface Fold {
  count: number;
  injured: number;
  last: number;
}
const initial = (): Fold => ({ count: 0, injured: 0, last: 0 });
const evolve = (s: Fold, data: { injured?: boolean }, version: number): Fold => ({
  count: s.count + 1,
  injured: s.injured + (data.injured ? 1 : 0),
  last: version,
});

async function seed(url: string, sql: (from: number, to: number) => string, label: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const started = performance.now();
  // 100 streams (100,000 events) per transaction
  for (let from = 0; from < STREAMS; from += 100) await client.query(sql(from, Math.min(STREAMS, from + 100) - 1));
  await client.query('VACUUM ANALYZE');
  await client.end();
  console.log(`seeded ${label}: ${fmt(EVENTS)} events in ${fmt((performance.now() - started) / 1000, 1)} s`);
}

await withInfra(async ({ databaseUrl, describe }) => {
  header('read', describe);
  const [oursDb, emmettDb] = [await createDatabase(databaseUrl, 'bench_read_ours'), await createDatabase(databaseUrl, 'bench_read_emmett')];
  const ds = await openDataSource(oursDb.url, 4);
  const ours = new PostgresEventStore({ db: databaseFromDataSource(ds), schema: 'bench', context: 'bench' });
  await ours.migrate();
  const emmett = getPostgreSQLEventStore(emmettDb.url);
  await emmett.schema.migrate();
  try {
    await seed(
      oursDb.url,
      (a, b) => `
      INSERT INTO bench.streams (stream_id, stream_type, version, head_hash)
        SELECT 's-' || s, 'bench', ${STREAM_LENGTH}, repeat('0', 64) FROM generate_series(${a}, ${b}) s;
      INSERT INTO bench.events (event_id, stream_id, stream_type, version, type, schema_version, data, metadata, occurred_at, recorded_at, prev_hash, hash)
        SELECT gen_random_uuid(), 's-' || s, 'bench', v, 'IncidentUpdated', 1, ${DATA}, ${META}, now(), now(), repeat('0', 64), repeat('0', 64)
          FROM generate_series(${a}, ${b}) s, generate_series(1, ${STREAM_LENGTH}) v ORDER BY s, v;`,
      'ours',
    );
    await seed(
      emmettDb.url,
      (a, b) => `
      INSERT INTO emt_streams (stream_id, stream_position, stream_type, stream_metadata)
        SELECT 's-' || s, ${STREAM_LENGTH}, 'bench', '{}'::jsonb FROM generate_series(${a}, ${b}) s;
      INSERT INTO emt_messages (stream_id, stream_position, message_data, message_metadata, message_schema_version, message_type, message_id, transaction_id)
        SELECT 's-' || s, v, ${DATA}, ${META}, '1', 'IncidentUpdated', gen_random_uuid()::text, pg_current_xact_id()
          FROM generate_series(${a}, ${b}) s, generate_series(1, ${STREAM_LENGTH}) v ORDER BY s, v;`,
      'Emmett',
    );

    // 1. One stream of 1,000 events, read and folded, 50 times per round, alternating.
    const reads: Record<'ours' | 'emmett', number[]> = { ours: [], emmett: [] };
    const readOnce = {
      ours: async (stream: string) => {
        const events = await ours.readStream(stream);
        const s = events.reduce((acc, e) => evolve(acc, e.data as { injured?: boolean }, e.version), initial());
        if (s.count !== STREAM_LENGTH) throw new Error(`ours folded ${s.count}`);
      },
      emmett: async (stream: string) => {
        const { state } = await emmett.aggregateStream<Fold, { type: 'IncidentUpdated'; data: { injured?: boolean } }>(stream, {
          evolve: (acc: Fold, e: { data: { injured?: boolean } }) => evolve(acc, e.data, acc.last + 1),
          initialState: initial,
        });
        if (state.count !== STREAM_LENGTH) throw new Error(`emmett folded ${state.count}`);
      },
    };
    for (const name of ['ours', 'emmett'] as const) for (let i = 0; i < 5; i++) await readOnce[name](`s-${i}`); // warm-up
    for (let round = 0; round < ROUNDS; round++) {
      for (const name of round % 2 === 0 ? (['ours', 'emmett'] as const) : (['emmett', 'ours'] as const)) {
        for (let i = 0; i < 50; i++) {
          const t = performance.now();
          await readOnce[name](`s-${(round * 50 + i) % STREAMS}`);
          reads[name].push(performance.now() - t);
        }
      }
    }
    console.log(`\nread a stream of ${fmt(STREAM_LENGTH)} events and fold it (${ROUNDS} × 50 reads each, alternating)`);
    for (const name of ['ours', 'emmett'] as const) {
      const sorted = [...reads[name]].sort((a, b) => a - b);
      const p50 = percentile(sorted, 50);
      console.log(
        `  ${name.padEnd(7)} p50 ${fmt(p50, 2).padStart(6)} ms   p99 ${fmt(percentile(sorted, 99), 2).padStart(6)} ms   (${fmt((STREAM_LENGTH / p50) * 1000)} events/s at p50)`,
      );
    }
    const readRatio =
      percentile(
        [...reads.emmett].sort((a, b) => a - b),
        50,
      ) /
      percentile(
        [...reads.ours].sort((a, b) => a - b),
        50,
      );
    console.log(`  ratio ours/Emmett (speed, p50) ${fmt(readRatio, 2)}   load ${load()}`);

    // 2. Replay everything into a projection from the start.
    const replay = {
      ours: async (round: number): Promise<number> => {
        let fold = initial();
        const projection: Projection = {
          name: `fold_${round}`,
          reset: async () => {
            fold = initial();
          },
          apply: async (event: StoredEvent) => {
            fold = evolve(fold, event.data as { injured?: boolean }, event.version);
          },
        };
        const projector = new Projector(ours, projection, { batchSize: BATCH });
        await projector.migrate();
        const t = performance.now();
        const applied = await projector.rebuild();
        const seconds = (performance.now() - t) / 1000;
        if (applied !== EVENTS || fold.count !== EVENTS) throw new Error(`ours replayed ${applied}`);
        return EVENTS / seconds;
      },
      emmett: async (round: number): Promise<number> => {
        let fold = initial();
        const consumer = emmett.consumer({ stopWhen: { noMessagesLeft: true }, pulling: { batchSize: BATCH } });
        consumer.reactor<{ type: 'IncidentUpdated'; data: { injured?: boolean } }>({
          processorId: `fold_${round}`,
          startFrom: 'BEGINNING',
          // bounded: at a few thousand events/s a million would take minutes
          stopAfter: () => fold.count >= EMMETT_LIMIT,
          eachMessage: async (message) => {
            fold = evolve(fold, message.data, Number(message.metadata.streamPosition));
          },
        });
        const t = performance.now();
        await consumer.start();
        const seconds = (performance.now() - t) / 1000;
        // stop, not close: close() ends the pool the consumer shares with the store
        await consumer.stop();
        if (fold.count < EMMETT_LIMIT) throw new Error(`emmett replayed ${fold.count}`);
        return fold.count / seconds;
      },
    };
    const rates: Record<'ours' | 'emmett', number[]> = { ours: [], emmett: [] };
    const replayRounds = Math.max(1, Math.min(ROUNDS, 2));
    for (let round = 0; round < replayRounds; round++) {
      for (const name of round % 2 === 0 ? (['ours', 'emmett'] as const) : (['emmett', 'ours'] as const))
        rates[name].push(await replay[name](round));
    }
    console.log(
      `\nreplay ${fmt(EVENTS)} events into a projection (an in-memory fold; checkpoint per batch), ${replayRounds} rounds alternating`,
    );
    const best = (xs: number[]) => Math.max(...xs);
    console.log(
      `  ours    ${fmt(best(rates.ours)).padStart(9)} events/s   Projector.rebuild(), batches of ${BATCH}   (rounds: ${rates.ours.map((r) => fmt(r)).join(', ')})`,
    );
    console.log(
      `  emmett  ${fmt(best(rates.emmett)).padStart(9)} events/s   consumer().reactor() from BEGINNING, batches of ${BATCH}, first ${fmt(EMMETT_LIMIT)} events   (rounds: ${rates.emmett.map((r) => fmt(r)).join(', ')})`,
    );
    console.log(`  ratio ours/Emmett ${fmt(best(rates.ours) / best(rates.emmett), 2)}   load ${load()}`);
    const target = best(rates.ours);
    console.log(`  target ≥ 100,000 events/s: ${target >= 100_000 ? 'met' : `${fmt((target / 100_000) * 100)} % of it`}`);
  } finally {
    await emmett.close();
    await ds.destroy();
    await oursDb.drop();
    await emmettDb.drop();
  }
});
