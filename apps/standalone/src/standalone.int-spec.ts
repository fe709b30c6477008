import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';

/**
 * Boots the real standalone app (every service, embedded PGlite, in-process bus) twice on
 * the same DATA_DIR: health and docs answer, and what the first run wrote survives the restart.
 */
describe('standalone (embedded mode)', () => {
  const saved = { ...process.env };
  let dataDir: string;
  let app: INestApplication | undefined;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'pingan-standalone-'));
    // The harness may export a server and a broker; standalone must not need either.
    delete process.env.DATABASE_URL;
    delete process.env.KAFKA_BROKERS;
    Object.assign(process.env, {
      DATA_DIR: dataDir,
      PORT: '0',
      LOG_LEVEL: 'warn',
    });
  });

  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  afterAll(async () => {
    process.env = saved;
    await rm(dataDir, { recursive: true, force: true });
  });

  async function boot(): Promise<{ app: INestApplication; url: string }> {
    const { bootstrapService } = await import('@pingan/platform');
    const { STANDALONE_SERVICES, StandaloneModule } = await import('./standalone.module.js');
    app = await bootstrapService({
      name: 'standalone',
      module: StandaloneModule,
      services: STANDALONE_SERVICES,
    });
    const { port } = app.getHttpServer().address() as { port: number };
    return { app, url: `http://127.0.0.1:${port}` };
  }

  it('answers /health and /docs-json, and keeps its data across a restart', async () => {
    const first = await boot();

    const health = await fetch(`${first.url}/health`);
    expect(health.status).toBe(200);
    expect(health.headers.get('x-correlation-id')).toBeTruthy();
    expect(await health.json()).toMatchObject({
      status: 'ok',
      info: {
        database: { status: 'up' },
        bus: { status: 'up', detail: 'in-process bus' },
      },
    });

    const docs = (await (await fetch(`${first.url}/docs-json`)).json()) as {
      info: { title: string };
      tags: { name: string }[];
    };
    expect(docs.info.title).toBe('pingan standalone');
    expect(docs.tags.map((tag) => tag.name)).toEqual(
      expect.arrayContaining(['gateway', 'incidents', 'prosecution', 'disputes', 'high-risk-persons', 'oversight']),
    );

    const notFound = await fetch(`${first.url}/no-such-route`, {
      headers: { 'x-correlation-id': 'case-110-42' },
    });
    expect(notFound.status).toBe(404);
    expect(notFound.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(notFound.headers.get('x-correlation-id')).toBe('case-110-42');
    expect(await notFound.json()).toMatchObject({
      status: 404,
      code: 'HTTP.NOT_FOUND',
    });

    const db = first.app.get(DataSource);
    await db.query('CREATE SCHEMA IF NOT EXISTS scratch');
    await db.query('CREATE TABLE scratch.marks (note text NOT NULL)');
    await db.query('INSERT INTO scratch.marks (note) VALUES ($1)', ['written before the restart']);
    await first.app.close();
    app = undefined;

    const second = await boot();
    expect((await fetch(`${second.url}/health`)).status).toBe(200);
    const rows = await second.app.get(DataSource).query('SELECT note FROM scratch.marks');
    expect(rows).toEqual([{ note: 'written before the restart' }]);
  }, 120_000);
});
