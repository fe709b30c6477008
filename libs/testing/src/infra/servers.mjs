// Local PostgreSQL and Apache Kafka processes, without Docker.
// Plain ESM JavaScript (typed by servers.d.mts) so that the Jest harness, the reaper and
// `npm run infra:up` (plain Node, no TypeScript loader) all run the same code.
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import kafkajs from 'kafkajs';
import pg from 'pg';

export const KAFKA_VERSION = '3.9.1';
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const KAFKA_DIR = path.join(REPO_ROOT, 'docker/kafka');

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** A port the OS says is free on 127.0.0.1 right now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** True while the process runs; a zombie (exited, not yet reaped by its parent) counts as dead. */
export function isAlive(pid) {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

/** Signal one process by pid, wait for it to exit, SIGKILL it after `timeoutMs`. */
export async function stopProcess(pid, signal = 'SIGTERM', timeoutMs = 20_000) {
  if (!pid || !isAlive(pid)) return;
  try {
    process.kill(pid, signal);
  } catch {
    return;
  }
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid)) {
    if (Date.now() > deadline) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
      await sleep(200);
      return;
    }
    await sleep(100);
  }
}

/** Start a server in its own process group, output appended to `logFile`; it outlives its parent. */
function spawnDetached(command, args, { logFile, cwd, user }) {
  const out = fs.openSync(logFile, 'a');
  const child = spawn(command, args, { cwd, detached: true, stdio: ['ignore', out, out], ...user });
  fs.closeSync(out);
  child.unref();
  return child;
}

// ---------------------------------------------------------------- PostgreSQL

/** Newest /usr/lib/postgresql/<major>/bin (Debian's layout), or PG_BIN. */
export function findPostgresBin() {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const root = '/usr/lib/postgresql';
  const majors = fs.existsSync(root)
    ? fs
        .readdirSync(root)
        .filter((v) => fs.existsSync(path.join(root, v, 'bin/postgres')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (majors.length === 0) {
    throw new Error(
      'PostgreSQL server binaries not found under /usr/lib/postgresql. Install them ' +
        '(`apt-get update && apt-get install -y postgresql`), set PG_BIN, or set DATABASE_URL.',
    );
  }
  return path.join(root, majors[0], 'bin');
}

/** initdb and postgres refuse to run as root: run them as the `postgres` OS user then. */
function postgresUser() {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    throw new Error('Running as root but there is no `postgres` OS user to run PostgreSQL as.');
  }
}

function chownTree(dir, user) {
  if (!user) return;
  fs.chownSync(dir, user.uid, user.gid);
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) chownTree(p, user);
    else fs.chownSync(p, user.uid, user.gid);
  }
}

export const postgresUrl = (port, database = 'postgres') => `postgres://postgres:postgres@127.0.0.1:${port}/${database}`;

/**
 * Start PostgreSQL on 127.0.0.1:`port` with its cluster in `dir/data` (initdb'd when new),
 * server log in `dir/postgres.log`. Resolves once a query succeeds.
 */
export async function startPostgres({ dir, port, timeoutMs = 60_000 }) {
  const bin = findPostgresBin();
  const user = postgresUser();
  const dataDir = path.join(dir, 'data');
  const logFile = path.join(dir, 'postgres.log');
  fs.mkdirSync(dir, { recursive: true });
  fs.chmodSync(dir, 0o755); // the postgres user must reach its data dir
  if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
    fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    chownTree(dataDir, user);
    // Trust auth is acceptable only because the server listens on loopback alone.
    execFileSync(path.join(bin, 'initdb'), ['-D', dataDir, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C'], {
      stdio: ['ignore', 'ignore', 'pipe'],
      ...user,
    });
    fs.appendFileSync(
      path.join(dataDir, 'postgresql.conf'),
      [
        '',
        '# pingan: loopback only, many pools from parallel test workers; fsync stays on.',
        "listen_addresses = '127.0.0.1'",
        `port = ${port}`,
        'max_connections = 200',
        "unix_socket_directories = ''",
        '',
      ].join('\n'),
    );
  }
  const child = spawnDetached(path.join(bin, 'postgres'), ['-D', dataDir], { logFile, cwd: dir, user });
  const url = postgresUrl(port);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (!isAlive(child.pid)) {
      throw new Error(`PostgreSQL exited during start; see ${logFile}:\n${tail(logFile)}`);
    }
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      const { rows } = await client.query('SHOW server_version');
      return { pid: child.pid, url, port, dir, logFile, version: rows[0].server_version };
    } catch (error) {
      if (Date.now() > deadline) {
        await stopProcess(child.pid, 'SIGINT');
        throw new Error(`PostgreSQL not ready after ${timeoutMs} ms (${error.message}); see ${logFile}`);
      }
      await sleep(200);
    } finally {
      await client.end().catch(() => undefined);
    }
  }
}

/** SIGINT is PostgreSQL's "fast" shutdown: SIGTERM ("smart") would wait for every client to leave. */
export const stopPostgres = (pid) => stopProcess(pid, 'SIGINT', 30_000);

// ---------------------------------------------------------------- Kafka

export const kafkaCacheDir = (version = KAFKA_VERSION) =>
  path.join(process.env.PINGAN_CACHE_DIR ?? path.join(os.homedir(), '.cache/pingan'), `kafka-${version}`);

/**
 * The broker's jars, resolved from Maven Central by docker/kafka/pom.xml into
 * ~/.cache/pingan/kafka-<version>/libs. Maven runs only when that cache is missing.
 */
export function ensureKafkaLibs({ version = KAFKA_VERSION, log = () => undefined } = {}) {
  const libs = path.join(kafkaCacheDir(version), 'libs');
  if (fs.existsSync(path.join(libs, `kafka_2.13-${version}.jar`))) return libs;
  const partial = `${libs}.partial-${process.pid}`;
  log(`[infra] downloading Apache Kafka ${version} jars with Maven into ${libs}`);
  try {
    execFileSync(
      'mvn',
      [
        '-B',
        '-q',
        '-f',
        path.join(KAFKA_DIR, 'pom.xml'),
        `-Dkafka.version=${version}`,
        'org.apache.maven.plugins:maven-dependency-plugin:3.6.1:copy-dependencies',
        `-DoutputDirectory=${partial}`,
        '-DincludeScope=runtime',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' },
    );
    // Rename so an interrupted download never looks like a complete cache.
    fs.renameSync(partial, libs);
  } catch (error) {
    fs.rmSync(partial, { recursive: true, force: true });
    if (fs.existsSync(path.join(libs, `kafka_2.13-${version}.jar`))) return libs; // a parallel run won
    const detail =
      error.code === 'ENOENT' ? 'mvn not found (install Maven and a JDK 17)' : `${error.stdout ?? ''}${error.stderr ?? error.message}`;
    throw new Error(`Could not resolve the Kafka broker jars: ${detail}`);
  }
  return libs;
}

/** The broker version, read from the kafka_2.13-<version>.jar name. */
export function kafkaVersionOf(libsDir) {
  const jar = fs.readdirSync(libsDir).find((f) => /^kafka_2\.13-.*\.jar$/.test(f));
  return jar?.replace(/^kafka_2\.13-(.*)\.jar$/, '$1') ?? 'unknown';
}

function serverProperties({ port, controllerPort, logDir }) {
  return [
    '# Single-node KRaft (combined broker + controller), loopback only. Written by pingan.',
    'process.roles=broker,controller',
    'node.id=1',
    `controller.quorum.voters=1@127.0.0.1:${controllerPort}`,
    `listeners=PLAINTEXT://127.0.0.1:${port},CONTROLLER://127.0.0.1:${controllerPort}`,
    `advertised.listeners=PLAINTEXT://127.0.0.1:${port}`,
    'inter.broker.listener.name=PLAINTEXT',
    'controller.listener.names=CONTROLLER',
    'listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT',
    `log.dirs=${logDir}`,
    'num.partitions=3',
    'offsets.topic.replication.factor=1',
    'transaction.state.log.replication.factor=1',
    'transaction.state.log.min.isr=1',
    'group.initial.rebalance.delay.ms=0',
    '',
  ].join('\n');
}

/** Kafka's Uuid text form: 16 random bytes, base64url; Kafka itself avoids a leading '-'. */
function randomClusterId() {
  for (;;) {
    const id = randomBytes(16).toString('base64url');
    if (!id.startsWith('-')) return id;
  }
}

const javaArgs = (spec, mainClass, ...rest) => [
  ...spec.jvmOptions,
  `-Dlog4j.configuration=file:${path.join(KAFKA_DIR, 'log4j.properties')}`,
  '-cp',
  path.join(spec.libsDir, '*'),
  mainClass,
  ...rest,
];

/**
 * Prepare a broker in `dir` (server.properties, storage formatted with a random cluster id)
 * without starting it. An already formatted `dir` is kept as it is.
 */
export function prepareKafka({ dir, port, controllerPort, libsDir }) {
  const logDir = path.join(dir, 'data');
  const propertiesFile = path.join(dir, 'server.properties');
  const spec = {
    dir,
    port,
    controllerPort,
    libsDir,
    propertiesFile,
    logFile: path.join(dir, 'kafka.log'),
    brokers: [`127.0.0.1:${port}`],
    version: kafkaVersionOf(libsDir),
    // The kafka-server-start.sh defaults, with a smaller heap.
    jvmOptions: [
      '-Xms512m',
      '-Xmx512m',
      '-XX:+UseG1GC',
      '-XX:MaxGCPauseMillis=20',
      '-XX:InitiatingHeapOccupancyPercent=35',
      '-Djava.awt.headless=true',
    ],
  };
  fs.mkdirSync(dir, { recursive: true });
  if (fs.existsSync(path.join(logDir, 'meta.properties'))) return spec;
  fs.writeFileSync(propertiesFile, serverProperties({ port, controllerPort, logDir }));
  execFileSync('java', javaArgs(spec, 'kafka.tools.StorageTool', 'format', '-t', randomClusterId(), '-c', propertiesFile), {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  return spec;
}

/**
 * Start the broker described by `spec` in the background; resolves with its pid once it
 * answers. Same spec, same ports and log dir: this is also how a broker is restarted.
 */
export async function startKafka(spec, { timeoutMs = 90_000, onSpawn } = {}) {
  const child = spawnDetached('java', javaArgs(spec, 'kafka.Kafka', spec.propertiesFile), {
    logFile: spec.logFile,
    cwd: spec.dir,
  });
  try {
    onSpawn?.(child.pid); // lets the caller record the pid before the (slow) wait
    const clusterId = await waitForKafka(spec.brokers, { timeoutMs, pid: child.pid, logFile: spec.logFile });
    return { pid: child.pid, clusterId };
  } catch (error) {
    await stopProcess(child.pid);
    throw error;
  }
}

/** Ready means a metadata round trip: kafkajs admin describeCluster succeeds. Returns the cluster id. */
export async function waitForKafka(brokers, { timeoutMs = 90_000, pid, logFile } = {}) {
  const kafka = new kafkajs.Kafka({
    clientId: 'pingan-infra-probe',
    brokers,
    logLevel: kafkajs.logLevel.NOTHING,
    retry: { retries: 0 },
    connectionTimeout: 1_000,
  });
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (pid && !isAlive(pid)) throw new Error(`Kafka broker exited during start; see ${logFile}:\n${tail(logFile)}`);
    const admin = kafka.admin();
    try {
      await admin.connect();
      const { clusterId } = await admin.describeCluster();
      return clusterId;
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`Kafka at ${brokers} not ready after ${timeoutMs} ms: ${error.message}`);
      await sleep(250);
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
  }
}

export const stopKafka = (pid) => stopProcess(pid, 'SIGTERM', 30_000);

function tail(file, lines = 20) {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

// ---------------------------------------------------------------- state file

/**
 * What a harness run started, so that teardown, the reaper and restartKafkaBroker() (in a
 * test worker) act on exactly those processes.
 */
export function readState(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

export function writeState(file, state) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(state, null, 2));
  fs.renameSync(tmp, file); // atomic: a reader never sees half a file
}

/** Stop every local process recorded in `state`, then remove its throwaway directories. */
export async function stopRecorded(state) {
  await Promise.all([state?.postgres?.pid && stopPostgres(state.postgres.pid), state?.kafka?.pid && stopKafka(state.kafka.pid)]);
  for (const dir of state?.removeDirs ?? []) fs.rmSync(dir, { recursive: true, force: true });
}
