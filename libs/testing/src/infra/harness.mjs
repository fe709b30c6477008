// Resolution order for the real PostgreSQL and Kafka that tests use, each independently:
//   1. DATABASE_URL / KAFKA_BROKERS from the environment;
//   2. a reachable Docker engine → testcontainers;
//   3. local processes (servers.mjs): a throwaway PostgreSQL cluster and a KRaft Kafka broker.
// Plain JavaScript: Jest loads global-setup.ts through Node's own loader, which cannot resolve
// the `.js` → `.ts` mapping, so everything global setup needs lives in .mjs files.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import {
  REPO_ROOT,
  ensureKafkaLibs,
  freePort,
  prepareKafka,
  readState,
  startKafka,
  startPostgres,
  stopRecorded,
  waitForKafka,
  writeState,
} from './servers.mjs';

export const POSTGRES_IMAGE = 'postgres:16';
export const KAFKA_IMAGE = 'confluentinc/cp-kafka:7.9.0';

/** Cheap check for a Docker engine: no socket means no engine, without any timeout. */
export async function dockerEngineReachable() {
  const host = process.env.DOCKER_HOST;
  let request;
  if (!host || host.startsWith('unix://')) {
    const socketPath = host ? host.slice('unix://'.length) : '/var/run/docker.sock';
    if (!fs.existsSync(socketPath)) return false;
    request = { socketPath, path: '/_ping' };
  } else if (host.startsWith('tcp://')) {
    const url = new URL(host.replace('tcp://', 'http://'));
    request = { host: url.hostname, port: url.port || 2375, path: '/_ping' };
  } else {
    return false;
  }
  return new Promise((resolve) => {
    const req = http.get({ ...request, timeout: 1_000 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(false));
  });
}

async function postgresVersion(url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query('SHOW server_version')).rows[0].server_version;
  } finally {
    await client.end();
  }
}

/** Starts the missing servers as containers; returns their state and a stop function. */
async function provisionContainers({ needPostgres, needKafka }) {
  const started = [];
  const result = { stop: () => Promise.all(started.map((c) => c.stop())) };
  try {
    if (needPostgres) {
      const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
      const container = await new PostgreSqlContainer(POSTGRES_IMAGE).start();
      started.push(container);
      const url = container.getConnectionUri();
      result.postgres = { source: 'container', url, version: await postgresVersion(url) };
    }
    if (needKafka) {
      const { KafkaContainer } = await import('@testcontainers/kafka');
      const container = await new KafkaContainer(KAFKA_IMAGE).withKraft().start();
      started.push(container);
      const brokers = [`${container.getHost()}:${container.getMappedPort(9093)}`];
      await waitForKafka(brokers);
      result.kafka = { source: 'container', brokers, version: `image ${KAFKA_IMAGE}` };
    }
  } catch (error) {
    await result.stop();
    throw error;
  }
  return result;
}

/** Watches `ownerPid` and cleans up after it if it dies without teardown (see reaper.mjs). */
function spawnReaper(ownerPid, stateFile) {
  const child = spawn(process.execPath, [path.join(REPO_ROOT, 'libs/testing/src/infra/reaper.mjs'), String(ownerPid), stateFile], {
    detached: true,
    stdio: 'ignore',
  });
  child.unref();
  return child.pid;
}

/**
 * Provide a PostgreSQL and a Kafka for this process and its children. Records what it started
 * in `stateFile`; `teardownInfra(stateFile)` stops exactly that.
 * Returns the state plus a function that stops containers (held in memory: the
 * testcontainers reaper (Ryuk) removes them if this process dies).
 */
export async function provisionInfra({ stateFile, log = console.log }) {
  const started = Date.now();
  const env = process.env;
  const state = { ownerPid: process.pid, removeDirs: [] };
  let stopContainers = async () => undefined;

  if (env.DATABASE_URL) {
    state.postgres = { source: 'env', url: env.DATABASE_URL, version: await postgresVersion(env.DATABASE_URL) };
  }
  if (env.KAFKA_BROKERS) {
    const brokers = env.KAFKA_BROKERS.split(',').map((b) => b.trim());
    await waitForKafka(brokers, { timeoutMs: 30_000 });
    state.kafka = { source: 'env', brokers, version: 'unknown (external)' };
  }
  const missing = { needPostgres: !state.postgres, needKafka: !state.kafka };

  if ((missing.needPostgres || missing.needKafka) && (await dockerEngineReachable())) {
    const containers = await provisionContainers(missing);
    Object.assign(state, { postgres: state.postgres ?? containers.postgres, kafka: state.kafka ?? containers.kafka });
    stopContainers = containers.stop;
  }

  if (!state.postgres || !state.kafka) {
    const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pingan-infra-'));
    fs.chmodSync(runDir, 0o755); // PostgreSQL runs as another user when we are root
    state.removeDirs.push(runDir);
    writeState(stateFile, state);
    state.reaperPid = spawnReaper(process.pid, stateFile);

    // Start both at once; record each pid as soon as it exists so a failure cleans up the other.
    const tasks = [];
    if (!state.postgres) {
      tasks.push(
        freePort()
          .then((port) => startPostgres({ dir: path.join(runDir, 'postgres'), port }))
          .then((pgServer) => {
            state.postgres = { source: 'local', url: pgServer.url, version: pgServer.version, pid: pgServer.pid, dir: pgServer.dir };
            writeState(stateFile, state);
          }),
      );
    }
    if (!state.kafka) {
      tasks.push(
        (async () => {
          const libsDir = ensureKafkaLibs({ log });
          const [port, controllerPort] = [await freePort(), await freePort()];
          const spec = prepareKafka({ dir: path.join(runDir, 'kafka'), port, controllerPort, libsDir });
          const { pid } = await startKafka(spec, {
            onSpawn: (pid) => {
              state.kafka = { source: 'local', brokers: spec.brokers, version: spec.version, pid, spec };
              writeState(stateFile, state);
            },
          });
          state.kafka.pid = pid;
        })(),
      );
    }
    const failures = (await Promise.allSettled(tasks)).filter((r) => r.status === 'rejected');
    if (failures.length > 0) {
      await stopRecorded(state);
      fs.rmSync(stateFile, { force: true });
      throw failures[0].reason;
    }
  }
  writeState(stateFile, state);

  const how = { env: 'from the environment', container: 'testcontainers', local: 'local process' };
  const { postgres, kafka } = state;
  log(
    `[infra] PostgreSQL ${postgres.version} — ${how[postgres.source]}${postgres.pid ? `, pid ${postgres.pid}` : ''}, ${redact(postgres.url)}`,
  );
  log(`[infra] Kafka ${kafka.version} — ${how[kafka.source]}${kafka.pid ? `, pid ${kafka.pid}` : ''}, ${kafka.brokers.join(',')}`);
  log(`[infra] ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return { state, stopContainers };
}

/** Stop what `provisionInfra` recorded in `stateFile` and forget it. */
export async function teardownInfra(stateFile, stopContainers = async () => undefined) {
  await Promise.all([stopRecorded(readState(stateFile)), stopContainers()]);
  fs.rmSync(stateFile, { force: true }); // the reaper sees this and exits
}

/**
 * Last resort for `process.on('exit')`: only synchronous work is possible there, so signal the
 * recorded processes; the reaper waits for them and removes the directories.
 */
export function signalRecordedSync(stateFile) {
  const state = readState(stateFile);
  for (const [pid, signal] of [
    [state?.postgres?.pid, 'SIGINT'],
    [state?.kafka?.pid, 'SIGTERM'],
  ]) {
    try {
      if (pid) process.kill(pid, signal);
    } catch {
      /* already gone */
    }
  }
}

const redact = (url) => url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
