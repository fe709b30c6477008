import os from 'node:os';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { spawn } from 'node:child_process';
import { testAccessTokenKeys } from '@pingan/testing';
import { provisionInfra, teardownInfra } from '../libs/testing/src/infra/harness.mjs';
import { freePort } from '../libs/testing/src/infra/servers.mjs';
import { parseDemoLogins } from '../test/support/http-client.js';

/** Real PostgreSQL and Kafka for a benchmark: the same provisioning as the tests (env, containers or local processes). */
export async function withInfra<T>(
  run: (env: { databaseUrl: string; kafkaBrokers: string[]; describe: string }) => Promise<T>,
): Promise<T> {
  const stateFile = path.join(os.tmpdir(), `pingan-bench-${process.pid}.json`);
  const { state, stopContainers } = await provisionInfra({ stateFile, log: () => undefined });
  try {
    const { postgres, kafka } = state;
    if (!postgres || !kafka) throw new Error('infrastructure was not provisioned');
    const describe = `${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB; PostgreSQL ${postgres.version} (${postgres.source}); Kafka ${kafka.version} (${kafka.source})`;
    return await run({ databaseUrl: postgres.url, kafkaBrokers: kafka.brokers, describe });
  } finally {
    await teardownInfra(stateFile, stopContainers);
  }
}

export async function openDataSource(url: string, poolSize: number): Promise<DataSource> {
  const ds = new DataSource({ type: 'postgres', url, extra: { max: poolSize } });
  return ds.initialize();
}

export function percentile(sortedMs: number[], p: number): number {
  if (sortedMs.length === 0) return NaN;
  return sortedMs[Math.min(sortedMs.length - 1, Math.floor((p / 100) * sortedMs.length))];
}

/** Runs `writers` loops for `seconds`; each call of `op(writer, i)` is timed. */
export async function timedLoops(
  writers: number,
  seconds: number,
  op: (writer: number, i: number) => Promise<number>,
): Promise<{ opsPerSec: number; eventsPerSec: number; p50: number; p99: number; max: number }> {
  const latencies: number[] = [];
  let events = 0;
  const end = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: writers }, async (_, w) => {
      for (let i = 0; performance.now() < end; i++) {
        const t = performance.now();
        // not `events += await op()`: that reads `events` before the await, and concurrent
        // writers would overwrite each other's counts
        const n = await op(w, i);
        events += n;
        latencies.push(performance.now() - t);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    opsPerSec: latencies.length / elapsed,
    eventsPerSec: events / elapsed,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: latencies[latencies.length - 1] ?? NaN,
  };
}

/** What an open-loop step of reports sent and what came of them at the HTTP side. */
export interface LoadCounts {
  rate: number;
  seconds: number;
  sent: number;
  accepted: number;
  failed: number;
  shed: number;
}

/**
 * Open loop: starts `send()` on schedule, `rate` a second for `seconds`, whether or not earlier
 * ones have answered; with `maxInFlight` unanswered, a request due is shed (counted, not sent).
 * `send` handles its own errors. Resolves once every request sent has settled; `elapsed` is the
 * sending time in seconds.
 */
export async function openLoop(
  rate: number,
  seconds: number,
  maxInFlight: number,
  send: () => Promise<void>,
): Promise<{ sent: number; shed: number; elapsed: number }> {
  let sent = 0,
    shed = 0,
    inFlight = 0;
  const requests: Promise<void>[] = [];
  const started = performance.now();
  while (performance.now() - started < seconds * 1000) {
    const due = Math.floor(((performance.now() - started) / 1000) * rate);
    while (sent < due) {
      sent++;
      if (inFlight >= maxInFlight) {
        shed++;
        continue;
      }
      inFlight++;
      requests.push(send().finally(() => inFlight--));
    }
    await new Promise((r) => setTimeout(r, 5));
  }
  const elapsed = (performance.now() - started) / 1000;
  await Promise.allSettled(requests);
  return { sent, shed, elapsed };
}

export const fmt = (n: number, digits = 0): string =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** Load average (1/5/15 min) as text: these machines are shared, so every figure carries it. */
export const load = (): string =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

/** A fresh database on the benchmark's server; returns its URL and a drop function. */
export async function createDatabase(serverUrl: string, prefix: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const { default: pg } = await import('pg');
  const name = `${prefix}_${process.pid}_${Date.now().toString(36)}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

export interface Figure {
  eventsPerSec: number;
  p50: number;
  p99: number;
  [extra: string]: number;
}

/**
 * Runs the contenders one after another, `rounds` times, alternating (A B A B ...), so drift of a
 * shared machine hits each alike; returns every contender's rounds and their median by events/s.
 */
export async function alternate<K extends string>(
  rounds: number,
  contenders: Record<K, (round: number) => Promise<Figure>>,
): Promise<Record<K, { rounds: Figure[]; median: Figure }>> {
  const names = Object.keys(contenders) as K[];
  const all = Object.fromEntries(names.map((n) => [n, [] as Figure[]])) as Record<K, Figure[]>;
  for (let round = 0; round < rounds; round++) {
    // alternate the order too, so neither always runs first (on a warmer or colder server)
    const order = round % 2 === 0 ? names : [...names].reverse();
    for (const name of order) all[name].push(await contenders[name](round));
  }
  const median = (figures: Figure[]): Figure =>
    [...figures].sort((a, b) => a.eventsPerSec - b.eventsPerSec)[Math.floor((figures.length - 1) / 2)];
  return Object.fromEntries(names.map((n) => [n, { rounds: all[n], median: median(all[n]) }])) as Record<
    K,
    { rounds: Figure[]; median: Figure }
  >;
}

export const figureText = (r: Figure): string =>
  `${fmt(r.eventsPerSec).padStart(8)} events/s   p50 ${fmt(r.p50, 2).padStart(6)} ms   p99 ${fmt(r.p99, 2).padStart(7)} ms${r.max === undefined ? '' : `   max ${fmt(r.max).padStart(5)} ms`}`;

/** The header every benchmark prints: date, machine, versions, load. */
export function header(name: string, describe: string): void {
  console.log(`# ${name} — ${new Date().toISOString()}`);
  console.log(`machine: ${describe}; node ${process.version}; load average ${load()}`);
}

/**
 * Writes a benchmark's figures to bench/results/<YYYY-MM-DD>-<name>.json (committed: the figures
 * behind docs/benchmarks.md). `merge` keeps what an earlier run of the same day wrote under other
 * keys (e.g. one mode run now, the other before).
 */
export function writeResults(name: string, figures: Record<string, unknown>, merge = true): string {
  const dir = path.join(path.dirname(new URL(import.meta.url).pathname), 'results');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${new Date().toISOString().slice(0, 10)}-${name}.json`);
  const earlier = merge && existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
  writeFileSync(file, `${JSON.stringify({ ...earlier, ...figures }, null, 2)}\n`);
  return file;
}

export interface Standalone {
  url: string;
  pid: number;
  passwords: Map<string, string>;
  output: () => string;
  stop: () => Promise<void>;
}

/**
 * The embedded mode as its own process (the built standalone app, in-process bus) on the given
 * PostgreSQL database rather than PGlite, so that it is comparable with the distributed mode; the
 * demo directory seeded, its logins read off what it prints. Waits until /health answers.
 */
export async function startStandalone(databaseUrl: string, env: Record<string, string> = {}, nodeArgs: string[] = []): Promise<Standalone> {
  const port = await freePort();
  const child = spawn(process.execPath, [...nodeArgs, 'dist/apps/standalone/src/main.js'], {
    env: {
      PATH: process.env.PATH ?? '',
      // on a PostgreSQL server (not PGlite) the app wants its token keys, as the distributed gateway does
      ...testAccessTokenKeys().env,
      DEMO_DIRECTORY: 'true',
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  child.stdout.on('data', (c: Buffer) => output.push(c.toString()));
  child.stderr.on('data', (c: Buffer) => output.push(c.toString()));
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  const url = `http://127.0.0.1:${port}`;
  const until = Date.now() + 120_000;
  while (
    !(await fetch(`${url}/health`).then(
      (r) => r.ok,
      () => false,
    ))
  ) {
    if (child.exitCode !== null || Date.now() > until) {
      await stop();
      throw new Error(`standalone did not start:\n${output.join('').slice(-3000)}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { url, pid: child.pid!, passwords: parseDemoLogins(output.join('')), output: () => output.join(''), stop };
}
