import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { PRIVATE_DIR_MODE, PRIVATE_FILE_MODE, ensurePrivateDir } from './private-dir.js';

/** PGlite (PostgreSQL in WASM) with its files under a directory, served on a local TCP port. */
export interface EmbeddedPostgres {
  /** postgres:// URL of the socket server on 127.0.0.1. */
  url: string;
  /** Lets go of this user's share; the last one stops the server and closes PGlite. */
  release(): Promise<void>;
}

interface Running {
  users: number;
  started: Promise<{
    db: PGlite;
    server: PGLiteSocketServer;
    url: string;
    lockFile: string;
  }>;
}

// One engine per data directory per process: two PGlite instances on the same files would
// corrupt them, and standalone composes every service (each wanting the database) in one process.
const running = new Map<string, Running>();
// A restart in the same process (tests) must wait until the previous engine let go of the files.
const stopping = new Map<string, Promise<void>>();

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * PGlite has no lock of its own, and two processes on the same files corrupt them (e.g. a
 * second `npm start`). A pid file refuses the second one; a stale file from a crash is taken over.
 */
async function lockDataDir(lockFile: string): Promise<void> {
  try {
    await writeFile(lockFile, String(process.pid), { flag: 'wx', mode: PRIVATE_FILE_MODE });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const holder = Number((await readFile(lockFile, 'utf8')).trim());
    if (holder !== process.pid && isAlive(holder)) {
      throw new Error(`${lockFile} is held by process ${holder}: another pingan is using this DATA_DIR`);
    }
    await writeFile(lockFile, String(process.pid));
  }
}

async function start(dataDir: string) {
  // DATA_DIR (which also holds the token keys) is made 0700; PGlite's files are narrowed to 0700/0600 even
  // when an older start made them. A DATA_DIR that already exists keeps its mode: it may be a shared parent.
  await mkdir(dirname(dataDir), { recursive: true, mode: PRIVATE_DIR_MODE });
  await ensurePrivateDir(dataDir);
  const lockFile = `${dataDir}.lock`;
  await lockDataDir(lockFile);
  const db = await PGlite.create({ dataDir }).catch(async (error: unknown) => {
    await rm(lockFile, { force: true });
    throw error;
  });
  try {
    // Port 0: the OS picks a free port. A few connections may attach (the app's pool of one,
    // a psql for inspection); pglite-socket runs their queries one at a time.
    const server = new PGLiteSocketServer({
      db,
      host: '127.0.0.1',
      port: 0,
      maxConnections: 8,
    });
    await server.start();
    const url = `postgres://postgres:postgres@${server.getServerConn()}/postgres`;
    return { db, server, url, lockFile };
  } catch (error) {
    await db.close();
    await rm(lockFile, { force: true });
    throw error;
  }
}

/** Starts the engine for `dataDir`, or shares the one already running in this process. */
export async function acquireEmbeddedPostgres(dataDir: string): Promise<EmbeddedPostgres> {
  const key = resolve(dataDir);
  let entry = running.get(key);
  if (!entry) {
    const previous = stopping.get(key) ?? Promise.resolve();
    entry = { users: 0, started: previous.then(() => start(`${key}/pglite`)) };
    running.set(key, entry);
    entry.started.catch(() => running.delete(key));
  }
  entry.users += 1;
  const current = entry;
  const { url } = await current.started;
  let released = false;
  return {
    url,
    release: async () => {
      if (released) return;
      released = true;
      current.users -= 1;
      if (current.users > 0) return;
      running.delete(key);
      const stop = current.started.then(async ({ db, server, lockFile }) => {
        await server.stop();
        await db.close();
        await rm(lockFile, { force: true });
      });
      stopping.set(
        key,
        stop.catch(() => undefined),
      );
      await stop;
    },
  };
}
