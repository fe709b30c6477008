// Starts the built embedded system (`npm run build` first) as a person would with `npm start`:
// its own process, a throwaway data directory, a free port. Used by the API-type generator and the browser tests.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(fileURLToPath(import.meta.url), '../../../..');
const MAIN = join(REPO_ROOT, 'dist/apps/standalone/src/main.js');

/**
 * @returns {Promise<{ url: string, logins: Record<string, string>, dataDir: string, pid: number, stop: () => Promise<void> }>}
 *   logins: username → password, as the first start prints them.
 */
export async function startSystem({ timeoutMs = 120_000, env = {} } = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'pingan-console-'));
  const child = spawn(process.execPath, [MAIN], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      DATABASE_URL: '',
      KAFKA_BROKERS: '',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logins = {};
  let output = '';
  const url = await new Promise((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`the system did not start in ${timeoutMs} ms:\n${output.slice(-4000)}`)), timeoutMs);
    const read = (chunk) => {
      output += chunk.toString();
      for (const match of output.matchAll(/^ {2}(\S+) {2,}(\S{5}-\S{5}-\S{5}) {2}/gm)) logins[match[1]] = match[2];
      const listening = /listening on (http:\/\/[^\s"]+)/.exec(output);
      if (listening) {
        clearTimeout(timer);
        resolveUrl(listening[1]);
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the system exited (${code}) before listening:\n${output.slice(-4000)}`));
    });
  });
  child.stdout.resume();
  child.stderr.resume();
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  return { url, logins, dataDir, pid: child.pid, stop };
}
