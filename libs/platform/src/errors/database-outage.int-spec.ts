import { Controller, Get, Inject, Query, type INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Public } from '@pingan/access';
import type { Database } from '@pingan/event-store';
import { createTestDatabase, testAccessTokenKeys, testDatabaseUrl, type TestDatabase } from '@pingan/testing';
import pg from 'pg';
import request from 'supertest';
import { DATABASE } from '../database/database.module.js';
import { PlatformModule } from '../platform.module.js';
import { DATABASE_RETRY_AFTER_SECONDS, toProblemDetails } from './problem-details.js';

@Public()
@Controller('probe')
class ProbeController {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  /** A read, optionally a slow one (so that its connection can be cut while it runs). */
  @Get()
  async probe(@Query('sleep') sleep?: string): Promise<{ ok: true }> {
    await this.db.query(sleep ? 'SELECT pg_sleep(5)' : 'SELECT 1');
    return { ok: true };
  }
}

/**
 * A database outage answers 503 SERVICE.UNAVAILABLE with Retry-After (never a 500), on real PostgreSQL:
 * this file's own database has its connections cut (pg_terminate_backend) and is closed to new ones
 * (ALLOW_CONNECTIONS false), never the shared server.
 */
describe('a database outage', () => {
  const saved = { ...process.env };
  let database: TestDatabase;
  let name: string;
  let app: INestApplication;
  const http = () => request(app.getHttpServer());
  const server = testDatabaseUrl(); // read before DATABASE_URL is pointed at this file's database

  // On the server's own database, not the one under test (which is the one closed).
  const admin = async (sql: string, params: unknown[] = []) => {
    const client = new pg.Client({ connectionString: server });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows;
    } finally {
      await client.end();
    }
  };
  const cutConnections = () =>
    admin(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [name]);

  beforeAll(async () => {
    database = await createTestDatabase('outage');
    name = new URL(database.url).pathname.slice(1);
    Object.assign(process.env, { DATABASE_URL: database.url, LOG_LEVEL: 'silent', ...testAccessTokenKeys().env });
    const moduleRef = await Test.createTestingModule({
      imports: [PlatformModule.forRoot({ service: 'outage', inProcessBus: true })],
      controllers: [ProbeController],
    }).compile();
    app = moduleRef.createNestApplication();
    await app.init();
  }, 60_000);

  afterAll(async () => {
    await admin(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS true`).catch(() => undefined);
    await app?.close();
    process.env = saved;
    await database?.drop();
  });

  it('serves while the database is there', async () => {
    await http().get('/probe').expect(200);
    expect((await http().get('/health/ready').expect(200)).body).toMatchObject({ status: 'up', degraded: [] });
  });

  it('answers a query whose connection is cut while it runs with 503 and Retry-After, then recovers', async () => {
    const pending = http()
      .get('/probe?sleep=1')
      .then((res) => res);
    // Wait until the slow query runs on the server, then cut it off as a server restart would.
    for (let i = 0; i < 100; i++) {
      const running = await admin(`SELECT 1 FROM pg_stat_activity WHERE datname = $1 AND query LIKE 'SELECT pg_sleep%'`, [name]);
      if (running.length > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await cutConnections();
    const res = await pending;
    expect(res.status).toBe(503);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.headers['retry-after']).toBe(String(DATABASE_RETRY_AFTER_SECONDS));
    expect(res.body).toMatchObject({ status: 503, code: 'SERVICE.UNAVAILABLE', instance: '/probe?sleep=1' });
    expect(JSON.stringify(res.body)).not.toMatch(/administrator|pg_sleep|127\.0\.0\.1/);
    await http().get('/probe').expect(200); // the pool reconnects by itself
  }, 30_000);

  it('answers 503 while the database refuses connections; liveness stays up, readiness says the database is down', async () => {
    await admin(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS false`);
    await cutConnections();
    try {
      const res = await http().get('/probe');
      expect(res.status).toBe(503);
      expect(res.body.code).toBe('SERVICE.UNAVAILABLE');
      expect(res.headers['retry-after']).toBe(String(DATABASE_RETRY_AFTER_SECONDS));

      expect((await http().get('/health/live').expect(200)).body).toMatchObject({ status: 'up' });
      const ready = await http().get('/health/ready').expect(503);
      expect(ready.body).toMatchObject({
        status: 'down',
        degraded: ['database'],
        checks: { database: { status: 'down' }, broker: { status: 'up' } },
      });
    } finally {
      await admin(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS true`);
    }
    await http().get('/probe').expect(200);
    await http().get('/health/ready').expect(200);
  }, 30_000);

  it('maps what pg says about a server on a closed port to the same 503', async () => {
    // A second client, pointed at a port nothing listens on (a server that is down).
    const probe = new pg.Client({ host: '127.0.0.1', port: 1, user: 'nobody', database: 'none', connectionTimeoutMillis: 2_000 });
    const error = await probe.connect().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeDefined();
    expect(toProblemDetails(error)).toMatchObject({ problem: { status: 503, code: 'SERVICE.UNAVAILABLE' }, retryAfterSeconds: 5 });
  });
});
