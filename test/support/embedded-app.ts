import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { GatewayClient, parseDemoLogins } from './http-client.js';

export interface EmbeddedApp {
  app: INestApplication;
  url: string;
  client: GatewayClient;
  passwords: Map<string, string>;
  stop(): Promise<void>;
}

/**
 * The real embedded system as `npm start` runs it (every service in one process, PGlite in a
 * fresh DATA_DIR, the in-process bus, the demo directory seeded), listening on a free port; the
 * demo logins are read off what it prints once at the first start.
 */
export async function startEmbeddedApp(prefix: string): Promise<EmbeddedApp> {
  const saved = { ...process.env };
  const dataDir = await mkdtemp(join(tmpdir(), `pingan-${prefix}-`));
  // The harness exports a server and a broker; the embedded mode must need neither.
  delete process.env.DATABASE_URL;
  delete process.env.KAFKA_BROKERS;
  Object.assign(process.env, { DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn' });

  const { bootstrapService } = await import('@pingan/platform');
  const { STANDALONE_SERVICES, StandaloneModule } = await import('../../apps/standalone/src/standalone.module.js');
  const printed: string[] = [];
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    printed.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString());
    return (write as (...args: unknown[]) => boolean)(chunk, ...rest);
  }) as typeof process.stdout.write;
  let app: INestApplication;
  try {
    app = await bootstrapService({ name: 'standalone', module: StandaloneModule, services: STANDALONE_SERVICES });
  } finally {
    process.stdout.write = write;
  }
  const passwords = parseDemoLogins(printed.join(''));
  if (passwords.size === 0) throw new Error(`no demo logins printed at start:\n${printed.join('').slice(-4_000)}`);
  const { port } = app.getHttpServer().address() as { port: number };
  const url = `http://127.0.0.1:${port}`;
  return {
    app,
    url,
    passwords,
    client: new GatewayClient(url, passwords),
    async stop() {
      await app.close();
      process.env = saved;
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
