import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { GatewayClient, parseDemoLogins } from './support/http-client.js';
import { alarmReachesItsHospitalOnly } from './support/alarm-stream.js';
import { runCaseScenario } from './support/scenario.js';

/**
 * The embedded mode for real: the standalone app (every service in one process, the real
 * embedded PGlite engine in a fresh DATA_DIR, the in-process bus) listening on a free port,
 * the demo directory seeded at start with its printed logins — and the same case scenario as
 * the distributed test, step for step.
 */
const saved = { ...process.env };
let dataDir: string;
let app: INestApplication | undefined;
let client: GatewayClient;
let baseUrl: string;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'pingan-embedded-e2e-'));
  // The harness exports a server and a broker; the embedded mode must need neither.
  delete process.env.DATABASE_URL;
  delete process.env.KAFKA_BROKERS;
  Object.assign(process.env, { DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn' });

  const { bootstrapService } = await import('@pingan/platform');
  const { STANDALONE_SERVICES, StandaloneModule } = await import('../apps/standalone/src/standalone.module.js');
  // The demo logins are printed once, to the terminal, at the first seeding: read them off stdout.
  const printed: string[] = [];
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    printed.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString());
    return (write as (...args: unknown[]) => boolean)(chunk, ...rest);
  }) as typeof process.stdout.write;
  try {
    app = await bootstrapService({ name: 'standalone', module: StandaloneModule, services: STANDALONE_SERVICES });
  } finally {
    process.stdout.write = write;
  }
  const passwords = parseDemoLogins(printed.join(''));
  if (passwords.size === 0) throw new Error(`no demo logins printed at start:\n${printed.join('').slice(-4_000)}`);
  const { port } = app.getHttpServer().address() as { port: number };
  baseUrl = `http://127.0.0.1:${port}`;
  client = new GatewayClient(baseUrl, passwords);
}, 180_000);

afterAll(async () => {
  await app?.close();
  process.env = saved;
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
}, 60_000);

describe('the embedded system (one process, PGlite, in-process bus)', () => {
  it('carries one case from the 110 call to the final judgement and the performed mediation agreement, seen at the national commission', async () => {
    const result = await runCaseScenario(client, { timeoutMs: 30_000, pollMs: 100 });
    expect(result.timeline.map((e) => e.context)).toEqual(expect.arrayContaining(['incidents', 'prosecution', 'disputes']));
  }, 150_000);

  // After the case scenario: its statistics count the hospital's incidents.
  it('streams a hospital’s alarm to its security office and police office, and not to another hospital', async () => {
    const { caseNumber, security, office, second } = await alarmReachesItsHospitalOnly(client, baseUrl);
    expect(security.filter((f) => f.caseNumber === caseNumber)).toEqual([expect.objectContaining({ title: '【一键报警】万州区中心医院' })]);
    expect(office.filter((f) => f.caseNumber === caseNumber)).toHaveLength(1);
    expect(second).toEqual([]);
  }, 60_000);
});
