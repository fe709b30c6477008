import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createTestDatabase, testKafkaBrokers, type TestDatabase, testAccessTokenKeys } from '@pingan/testing';
import { REPO_ROOT, freePort } from '../../libs/testing/src/infra/servers.mjs';
import { parseDemoLogins } from './http-client.js';

export { GatewayClient } from './http-client.js';

export const SERVICES = [
  'incidents',
  'prosecution',
  'disputes',
  'high-risk-persons',
  'oversight',
  'notifications',
  'security-ledger',
] as const;

interface Running {
  name: string;
  process: ChildProcess;
  url: string;
  output: string[];
}

/**
 * Every service as its own process (the built `dist/apps/<app>/src/main.js`, as in production),
 * each with its own PostgreSQL database, all on the real Kafka broker, behind the gateway.
 */
export class DistributedSystem {
  private readonly running: Running[] = [];
  private readonly databases: TestDatabase[] = [];
  /** The demo logins the gateway printed when it seeded the directory. */
  readonly passwords = new Map<string, string>();
  gatewayUrl = '';

  static build(): void {
    // The processes run the compiled code; build once per run (tsc, ~30 s on 2 cores).
    execFileSync('npm', ['run', 'build', '--silent'], { cwd: REPO_ROOT, stdio: 'inherit' });
    if (!existsSync(join(REPO_ROOT, 'dist/apps/gateway/src/main.js'))) throw new Error('build produced no gateway');
  }

  /** `healthTimeoutMs`: how long each process may take to answer /health (more on a crowded machine). */
  async start({ healthTimeoutMs = 90_000 }: { healthTimeoutMs?: number } = {}): Promise<void> {
    const keys = testAccessTokenKeys();
    const common = {
      KAFKA_BROKERS: testKafkaBrokers().join(','),
      // Topics of this system only: other test files publish on the same broker.
      KAFKA_TOPIC_PREFIX: `e2e-${process.pid}-${Date.now().toString(36)}.`,
      ACCESS_TOKEN_PUBLIC_KEY: keys.env.ACCESS_TOKEN_PUBLIC_KEY,
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
    };
    // The high-risk register's own keys (per-person data keys are wrapped by the master key).
    const highRisk = { HIGH_RISK_MASTER_KEY: randomBytes(32).toString('base64'), HIGH_RISK_MATCH_KEY: randomBytes(32).toString('base64') };
    const services = await Promise.all(
      SERVICES.map(async (name) =>
        this.spawn(name, {
          ...common,
          ...(name === 'high-risk-persons' ? highRisk : {}),
          ...(name === 'notifications' ? { NOTIFICATIONS_SECRET_KEY: randomBytes(32).toString('base64') } : {}),
          ...(name === 'incidents' ? { INCIDENTS_CALLER_MASTER_KEY: randomBytes(32).toString('base64') } : {}),
          DATABASE_URL: await this.database(name),
          PORT: String(await freePort()),
        }),
      ),
    );
    const gateway = await this.spawn('gateway', {
      ...common,
      ...keys.env,
      DATABASE_URL: await this.database('gateway'),
      PORT: String(await freePort()),
      DEMO_DIRECTORY: 'true',
      SERVICE_URLS: services.map((s) => `${s.name}=${s.url}`).join(','),
    });
    this.gatewayUrl = gateway.url;
    await Promise.all(this.running.map((r) => this.waitHealthy(r, healthTimeoutMs)));
    for (const [username, password] of parseDemoLogins(gateway.output.join(''))) this.passwords.set(username, password);
  }

  async stop(): Promise<void> {
    await Promise.all(
      this.running.map(
        (r) =>
          new Promise<void>((resolve) => {
            if (r.process.exitCode !== null) return resolve();
            r.process.once('exit', () => resolve());
            r.process.kill('SIGTERM');
            setTimeout(() => r.process.kill('SIGKILL'), 15_000).unref();
          }),
      ),
    );
    await Promise.all(this.databases.map((d) => d.drop()));
  }

  /** Output of a process, for a failing test's message. */
  logsOf(name: string): string {
    return this.running.find((r) => r.name === name)?.output.join('') ?? '';
  }

  private async database(name: string): Promise<string> {
    const db = await createTestDatabase(`e2e_${name.replace(/-/g, '_')}`);
    this.databases.push(db);
    return db.url;
  }

  private spawn(name: string, env: Record<string, string>): Running {
    const child = spawn(process.execPath, [join(REPO_ROOT, `dist/apps/${name}/src/main.js`)], {
      cwd: REPO_ROOT,
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const output: string[] = [];
    child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    const running = { name, process: child, url: `http://127.0.0.1:${env.PORT}`, output };
    this.running.push(running);
    return running;
  }

  private async waitHealthy(r: Running, timeoutMs = 90_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (r.process.exitCode !== null) throw new Error(`${r.name} exited with ${r.process.exitCode}:\n${r.output.join('')}`);
      const ok = await fetch(`${r.url}/health`)
        .then((res) => res.status === 200)
        .catch(() => false);
      if (ok) return;
      await new Promise((res) => setTimeout(res, 250));
    }
    throw new Error(`${r.name} not healthy within ${timeoutMs} ms:\n${r.output.join('')}`);
  }
}
