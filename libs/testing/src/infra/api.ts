// What tests use: the endpoints global-setup.ts provided, a database per test file, and a
// way to restart the local Kafka broker.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { readState, startKafka, stopKafka, writeState } from './servers.mjs';

/** The PostgreSQL server for this run (DATABASE_URL, set by the Jest global setup). */
export function testDatabaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set: run tests through Jest (its global setup provides it) or set it.');
  return url;
}

/** The Kafka bootstrap brokers for this run (KAFKA_BROKERS, comma-separated). */
export function testKafkaBrokers(): string[] {
  const brokers = process.env.KAFKA_BROKERS;
  if (!brokers) throw new Error('KAFKA_BROKERS is not set: run tests through Jest (its global setup provides it) or set it.');
  return brokers.split(',').map((b) => b.trim());
}

export interface TestDatabase {
  /** Connection string of the new database. */
  url: string;
  /** Drops the database, closing any connection still open to it. */
  drop(): Promise<void>;
}

/** A fresh, empty database on the test server, so test files never see each other's rows. */
export async function createTestDatabase(prefix: string): Promise<TestDatabase> {
  const safe = prefix
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '_')
    .slice(0, 40);
  const name = `${safe}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  await adminQuery(`CREATE DATABASE "${name}"`);
  const url = new URL(testDatabaseUrl());
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: testDatabaseUrl() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** True when this run started its own Kafka broker, i.e. restartKafkaBroker() can work. */
export function canRestartKafkaBroker(): boolean {
  const stateFile = process.env.PINGAN_INFRA_STATE;
  return !!stateFile && readState(stateFile)?.kafka?.source === 'local';
}

/**
 * Stop the local broker and start it again on the same ports and log dir: committed
 * messages and offsets survive, connected clients see an outage. Only for brokers this run
 * started (not KAFKA_BROKERS or a container). It disturbs every test using Kafka at that
 * moment, so keep restart tests in their own file.
 */
export async function restartKafkaBroker(): Promise<void> {
  const stateFile = process.env.PINGAN_INFRA_STATE;
  const state = stateFile ? readState(stateFile) : undefined;
  const kafka = state?.kafka;
  if (!stateFile || !state || !kafka || kafka.source !== 'local' || !kafka.spec) {
    throw new Error(
      `restartKafkaBroker(): the Kafka broker ${kafka ? `came from ${kafka.source === 'env' ? 'KAFKA_BROKERS' : 'a container'}` : 'was not started by this test run'}; ` +
        'only a broker the harness started as a local process can be restarted (check canRestartKafkaBroker()).',
    );
  }
  await stopKafka(kafka.pid!);
  await startKafka(kafka.spec, {
    // The broker was started by the Jest main process; record the new pid for its teardown.
    onSpawn: (pid) => writeState(stateFile, { ...readState(stateFile)!, kafka: { ...kafka, pid } }),
  });
}
