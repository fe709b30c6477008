/**
 * npm run bench:append
 * Append throughput of our store (hash chain; the events table is the outbox) against Emmett
 * (@event-driven-io/emmett-postgresql) doing the same work, and against the plain single-row
 * INSERT ceiling measured by pgbench, all on one PostgreSQL server in one run, contenders
 * alternating round by round. Prints figures and ratios; asserts nothing.
 *
 * BENCH_SECONDS (default 4) per round, BENCH_ROUNDS (default 3; the median is reported),
 * PGBENCH (default /usr/lib/postgresql/15/bin/pgbench). DATABASE_URL / KAFKA_BROKERS: use those
 * servers instead of starting throwaway ones.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { STREAM_DOES_NOT_EXIST, isExpectedVersionConflictError } from '@event-driven-io/emmett';
import { getPostgreSQLEventStore } from '@event-driven-io/emmett-postgresql';
import { SYSTEM_ACTOR } from '@pingan/contracts';
import { ConcurrencyError, PostgresEventStore, databaseFromDataSource } from '@pingan/event-store';
import pg from 'pg';
import {
  alternate,
  createDatabase,
  figureText,
  fmt,
  header,
  load,
  openDataSource,
  percentile,
  timedLoops,
  withInfra,
  type Figure,
} from './support.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const PGBENCH = process.env.PGBENCH ?? '/usr/lib/postgresql/15/bin/pgbench';
const POOL = 32;

const data = { hospital: '500101-001', category: 'assault_on_staff', injured: false, summary: 'patient relative struck a nurse at triage' };
const metadata = { actor: SYSTEM_ACTOR, correlationId: 'bench', causationId: null };

/** The common shape both contenders are driven through: append with an exact expected version. */
interface Contender {
  /** Appends `count` events to a stream at `expected` (0 = new stream); returns the new version or 'conflict'. */
  append(stream: string, expected: number, count: number): Promise<number | 'conflict'>;
  /** Current version of a stream (after a conflict). */
  version(stream: string): Promise<number>;
}

async function ours(url: string): Promise<Contender & { close(): Promise<void> }> {
  const ds = await openDataSource(url, POOL);
  const db = databaseFromDataSource(ds);
  const store = new PostgresEventStore({ db, schema: 'bench', context: 'bench' });
  await store.migrate();
  return {
    async append(stream, expected, count) {
      try {
        const events = Array.from({ length: count }, () => ({ type: 'IncidentUpdated', data }));
        const r = await store.append(stream, events, {
          streamType: 'bench',
          expectedVersion: expected === 0 ? 'no_stream' : expected,
          actor: SYSTEM_ACTOR,
          correlationId: 'bench',
        });
        return r.nextExpectedVersion;
      } catch (error) {
        if (error instanceof ConcurrencyError) return 'conflict';
        throw error;
      }
    },
    async version(stream) {
      const [row] = await db.query<{ version: number }>('SELECT version FROM bench.streams WHERE stream_id = $1', [stream]);
      return row?.version ?? 0;
    },
    close: () => ds.destroy(),
  };
}

async function emmett(url: string): Promise<Contender & { close(): Promise<void> }> {
  const pool = new pg.Pool({ connectionString: url, max: POOL });
  const store = getPostgreSQLEventStore(url, { connectionOptions: { pool } });
  await store.schema.migrate();
  return {
    async append(stream, expected, count) {
      try {
        const events = Array.from({ length: count }, () => ({ type: 'IncidentUpdated', data, metadata }));
        const r = await store.appendToStream(stream, events, {
          expectedStreamVersion: expected === 0 ? STREAM_DOES_NOT_EXIST : BigInt(expected),
        });
        return Number(r.nextExpectedStreamVersion);
      } catch (error) {
        if (isExpectedVersionConflictError(error)) return 'conflict';
        throw error;
      }
    },
    async version(stream) {
      const { rows } = await pool.query<{ v: string }>('SELECT stream_position::text AS v FROM emt_streams WHERE stream_id = $1', [stream]);
      return Number(rows[0]?.v ?? 0);
    },
    async close() {
      await store.close();
      await pool.end().catch(() => undefined);
    },
  };
}

/** New streams, each extended to 10 events with exact expected versions; per writer, no contention. */
const distinct = (c: Contender, writers: number, tag: string) => {
  const versions = new Map<string, number>();
  return timedLoops(writers, SECONDS, async (w, i) => {
    const stream = `${tag}-w${w}-s${Math.floor(i / 10)}`;
    const v = versions.get(stream) ?? 0;
    const next = await c.append(stream, v, 1);
    if (next === 'conflict') throw new Error(`unexpected conflict on ${stream}`);
    versions.set(stream, next);
    return 1;
  });
};

/** 8 writers on 4 hot streams with exact expected versions: a conflict re-reads the version and retries. */
const hot = async (c: Contender, tag: string): Promise<Figure> => {
  const known = new Map<string, number>();
  let conflicts = 0;
  const r = await timedLoops(8, SECONDS, async (w) => {
    const stream = `${tag}-hot-${w % 4}`;
    for (;;) {
      const next = await c.append(stream, known.get(stream) ?? 0, 1);
      if (next !== 'conflict') {
        known.set(stream, next);
        return 1;
      }
      conflicts++;
      known.set(stream, await c.version(stream));
    }
  });
  return { ...r, conflictsPerEvent: conflicts / (r.eventsPerSec * SECONDS) };
};

/** Batches of 10 events, each a new stream, 8 writers. */
const batches = (c: Contender, tag: string) =>
  timedLoops(8, SECONDS, async (w, i) => {
    const next = await c.append(`${tag}-b${w}-${i}`, 0, 10);
    if (next === 'conflict') throw new Error('unexpected conflict');
    return 10;
  });

/** pgbench, 8 clients, one single-row INSERT per transaction; latencies from its per-transaction log. */
async function pgbench(url: string): Promise<Figure> {
  const u = new URL(url);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pingan-pgbench-'));
  try {
    writeFileSync(path.join(dir, 'insert.sql'), `INSERT INTO bench_plain (data) VALUES ('${JSON.stringify(data)}'::jsonb);\n`);
    const { stdout } = await promisify(execFile)(
      PGBENCH,
      [
        '-n',
        '-c',
        '8',
        '-j',
        '2',
        '-T',
        String(SECONDS),
        '-f',
        'insert.sql',
        '-l',
        '-h',
        u.hostname,
        '-p',
        u.port,
        '-U',
        decodeURIComponent(u.username),
        u.pathname.slice(1),
      ],
      { cwd: dir, env: { ...process.env, PGPASSWORD: decodeURIComponent(u.password) } },
    );
    const tps = Number(/tps = ([\d.]+) \(without initial connection time\)/.exec(stdout)?.[1]);
    // log lines: client_id transaction_no time_us script_no time_epoch time_us_part
    const latencies = readdirSync(dir)
      .filter((f) => f.startsWith('pgbench_log'))
      .flatMap((f) =>
        readFileSync(path.join(dir, f), 'utf8')
          .split('\n')
          .filter(Boolean)
          .map((line) => Number(line.split(' ')[2]) / 1000),
      )
      .sort((a, b) => a - b);
    return { eventsPerSec: tps, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await withInfra(async ({ databaseUrl, describe }) => {
  header('append', describe);
  console.log(`${SECONDS} s per round, ${ROUNDS} rounds alternating, median round reported; pools of ${POOL} connections\n`);
  const [oursDb, emmettDb] = [await createDatabase(databaseUrl, 'bench_ours'), await createDatabase(databaseUrl, 'bench_emmett')];
  const [a, b] = [await ours(oursDb.url), await emmett(emmettDb.url)];
  const ratios: Record<string, number> = {};
  const report = (label: string, r: Record<'ours' | 'emmett', { median: Figure; rounds: Figure[] }>) => {
    const ratio = r.ours.median.eventsPerSec / r.emmett.median.eventsPerSec;
    ratios[label] = ratio;
    console.log(label);
    for (const name of ['ours', 'emmett'] as const) {
      const extra = r[name].median.conflictsPerEvent !== undefined ? `   conflicts/event ${fmt(r[name].median.conflictsPerEvent, 2)}` : '';
      console.log(
        `  ${name.padEnd(7)} ${figureText(r[name].median)}${extra}   (rounds: ${r[name].rounds.map((x) => fmt(x.eventsPerSec)).join(', ')})`,
      );
    }
    console.log(`  ratio ours/Emmett ${fmt(ratio, 2)}   load ${load()}`);
  };
  try {
    // warm-up: open every pooled connection and create the functions' plans before measuring
    for (const c of [a, b]) await timedLoops(POOL, 1, async (w, i) => (await c.append(`warm-${w}-${i}`, 0, 1), 1));
    for (const writers of [1, 8, 32]) {
      report(
        `single-event appends, ${writers} writer(s), distinct streams`,
        await alternate(ROUNDS, {
          ours: (round) => distinct(a, writers, `d${writers}r${round}`),
          emmett: (round) => distinct(b, writers, `d${writers}r${round}`),
        }),
      );
    }
    report(
      'single-event appends, 8 writers, 4 hot streams',
      await alternate(ROUNDS, { ours: (round) => hot(a, `r${round}`), emmett: (round) => hot(b, `r${round}`) }),
    );
    report(
      'batches of 10 events, 8 writers',
      await alternate(ROUNDS, { ours: (round) => batches(a, `r${round}`), emmett: (round) => batches(b, `r${round}`) }),
    );

    // The ceiling: a plain single-row INSERT, pgbench with 8 clients, alternating with our 8-writer appends.
    const plain = await createDatabase(databaseUrl, 'bench_plain');
    const plainClient = new pg.Client({ connectionString: plain.url });
    await plainClient.connect();
    await plainClient.query('CREATE TABLE bench_plain (id bigserial PRIMARY KEY, data jsonb)');
    await plainClient.end();
    const ceiling = await alternate(ROUNDS, { pgbench: () => pgbench(plain.url), ours: (round) => distinct(a, 8, `c8r${round}`) });
    console.log('single-row INSERT ceiling: pgbench, 8 clients, same server');
    console.log(
      `  pgbench ${figureText(ceiling.pgbench.median)}   (rounds: ${ceiling.pgbench.rounds.map((x) => fmt(x.eventsPerSec)).join(', ')})`,
    );
    console.log(`  ours    ${figureText(ceiling.ours.median)}   (single-event appends, 8 writers, distinct streams)`);
    ratios.pgbench = ceiling.ours.median.eventsPerSec / ceiling.pgbench.median.eventsPerSec;
    console.log(`  ratio ours/pgbench ${fmt(ratios.pgbench, 2)}   load ${load()}`);
    await plain.drop();

    console.log('\ntargets');
    const target = (label: string, value: number, goal: number) =>
      console.log(
        `  ${label.padEnd(52)} ${fmt(value, 2).padStart(5)} (target ≥ ${goal}; ${value >= goal ? 'met' : `${fmt((value / goal) * 100)} % of it`})`,
      );
    target('ours/Emmett, single-event, 8 writers', ratios['single-event appends, 8 writer(s), distinct streams'], 2);
    target('ours/pgbench single-row INSERT, 8 clients', ratios.pgbench, 0.6);
    target('ours/Emmett, batches of 10', ratios['batches of 10 events, 8 writers'], 1.5);
  } finally {
    await a.close();
    await b.close();
    await oursDb.drop();
    await emmettDb.drop();
  }
});
