import os from 'node:os';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { provisionInfra, teardownInfra } from '../libs/testing/src/infra/harness.mjs';

/** Real PostgreSQL and Kafka for a benchmark: the same provisioning as the tests (env, containers or local processes). */
export async function withInfra<T>(run: (env: { databaseUrl: string; kafkaBrokers: string[]; describe: string }) => Promise<T>): Promise<T> {
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
): Promise<{ opsPerSec: number; eventsPerSec: number; p50: number; p99: number }> {
  const latencies: number[] = [];
  let events = 0;
  const end = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: writers }, async (_, w) => {
      for (let i = 0; performance.now() < end; i++) {
        const t = performance.now();
        events += await op(w, i);
        latencies.push(performance.now() - t);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { opsPerSec: latencies.length / elapsed, eventsPerSec: events / elapsed, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

export const fmt = (n: number, digits = 0): string => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
