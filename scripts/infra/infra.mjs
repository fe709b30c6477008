#!/usr/bin/env node
// Local PostgreSQL + single-node Kafka (KRaft) for the distributed mode, without Docker.
//   npm run infra:up      start them (data kept in ./.infra/local between runs)
//   npm run infra:down    stop them  (add `-- --purge` to delete ./.infra/local as well)
// Ports: PostgreSQL 55432, Kafka 59092 (controller 59093); override with
// PINGAN_PG_PORT / PINGAN_KAFKA_PORT / PINGAN_KAFKA_CONTROLLER_PORT.
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import {
  REPO_ROOT,
  ensureKafkaLibs,
  isAlive,
  prepareKafka,
  readState,
  startKafka,
  startPostgres,
  stopRecorded,
  writeState,
} from '../../libs/testing/src/infra/servers.mjs';

const dir = path.join(REPO_ROOT, '.infra/local');
const stateFile = path.join(dir, 'state.json');
const ports = {
  postgres: Number(process.env.PINGAN_PG_PORT ?? 55432),
  kafka: Number(process.env.PINGAN_KAFKA_PORT ?? 59092),
  controller: Number(process.env.PINGAN_KAFKA_CONTROLLER_PORT ?? 59093),
};

async function up() {
  const running = readState(stateFile);
  if (running?.postgres?.pid && isAlive(running.postgres.pid) && running?.kafka?.pid && isAlive(running.kafka.pid)) {
    console.log('Already running.');
    return printEnv(running);
  }
  await stopRecorded(running); // half-running leftovers
  for (const [name, port] of Object.entries(ports)) {
    if (await portInUse(port))
      throw new Error(`port ${port} (${name}) is in use on 127.0.0.1; free it or set another port (see scripts/infra/infra.mjs)`);
  }
  const state = { ownerPid: process.pid, removeDirs: [] };
  try {
    const pg = await startPostgres({ dir: path.join(dir, 'postgres'), port: ports.postgres });
    state.postgres = { source: 'local', url: pg.url, version: pg.version, pid: pg.pid, dir: pg.dir };
    writeState(stateFile, state);
    console.log(`PostgreSQL ${pg.version} started (pid ${pg.pid}), log ${pg.logFile}`);

    const libsDir = ensureKafkaLibs({ log: console.log });
    const spec = prepareKafka({ dir: path.join(dir, 'kafka'), port: ports.kafka, controllerPort: ports.controller, libsDir });
    const { pid, clusterId } = await startKafka(spec, {
      onSpawn: (pid) =>
        writeState(stateFile, { ...state, kafka: { source: 'local', brokers: spec.brokers, version: spec.version, pid, spec } }),
    });
    state.kafka = { source: 'local', brokers: spec.brokers, version: spec.version, pid, spec };
    writeState(stateFile, state);
    console.log(`Kafka ${spec.version} started (pid ${pid}, cluster ${clusterId}), log ${spec.logFile}`);
  } catch (error) {
    await stopRecorded(readState(stateFile));
    fs.rmSync(stateFile, { force: true });
    throw error;
  }
  printEnv(state);
}

async function down() {
  const state = readState(stateFile);
  if (state) {
    await stopRecorded(state);
    fs.rmSync(stateFile, { force: true });
    console.log('Stopped PostgreSQL and Kafka.');
  } else {
    console.log('Nothing running.');
  }
  if (process.argv.includes('--purge')) {
    fs.rmSync(dir, { recursive: true, force: true });
    console.log(`Deleted ${dir}.`);
  }
}

function printEnv(state) {
  console.log('\nUse:');
  console.log(`  export DATABASE_URL=${state.postgres.url}`);
  console.log(`  export KAFKA_BROKERS=${state.kafka.brokers.join(',')}`);
}

function portInUse(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

const command = process.argv[2];
const commands = { up, down };
if (!commands[command]) {
  console.error('usage: infra.mjs up|down [--purge]');
  process.exit(2);
}
commands[command]().catch((error) => {
  console.error(error.message);
  process.exit(1);
});
