import { Body, Controller, Get, Post, type INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Public } from '@pingan/access';
import { DomainError, PROBLEM_CONTENT_TYPE, type PlatformConfig, PLATFORM_CONFIG } from '@pingan/platform';
import { closeAppAndDatabase, createTestDatabase, testKafkaBrokers, type TestDatabase, testAccessTokenKeys } from '@pingan/testing';
import { IsInt, IsString, Min } from 'class-validator';
import request from 'supertest';
import { DataSource } from 'typeorm';

class ProbeDto {
  @IsString() hospitalId!: string;
  @IsInt() @Min(1) injured!: number;
}

/** A stand-in for real endpoints, to see the platform's pipe and filter at work over HTTP (no token: it probes the platform, not access). */
@Public()
@Controller('probe')
class ProbeController {
  @Post()
  accept(@Body() dto: ProbeDto) {
    return { injuredIsNumber: typeof dto.injured === 'number' };
  }

  @Get('closed')
  closed(): never {
    throw new DomainError('INCIDENT.ALREADY_CLOSED', 'Incident 110-7 is already closed');
  }

  @Get('boom')
  boom(): never {
    throw new Error('secret connection string postgres://admin:hunter2@db');
  }
}

/** The incidents service alone (distributed mode): real PostgreSQL server and real Kafka. */
describe('incidents app on PostgreSQL and Kafka', () => {
  const saved = { ...process.env };
  let database: TestDatabase;
  let app: INestApplication;

  beforeAll(async () => {
    database = await createTestDatabase('incidents_app');
    Object.assign(process.env, {
      DATABASE_URL: database.url,
      KAFKA_BROKERS: testKafkaBrokers().join(','),
      LOG_LEVEL: 'fatal',
      ...testAccessTokenKeys().env, // services verify access tokens and refuse to start without the key
    }); // the 500 below would log its stack
    const { AppModule } = await import('./app.module.js');
    const moduleRef = await Test.createTestingModule({
      imports: [AppModule],
      controllers: [ProbeController],
    }).compile();
    app = moduleRef.createNestApplication();
    await app.init();
  }, 60_000);

  afterAll(() => closeAppAndDatabase(app, saved, database), 30_000); // a consumer group still joining in the background is let finish

  it('uses the PostgreSQL server, not the embedded engine', async () => {
    const config = app.get<PlatformConfig>(PLATFORM_CONFIG);
    expect(config).toMatchObject({
      service: 'incidents',
      databaseUrl: database.url,
    });
    const [{ version }] = await app.get(DataSource).query('SELECT version()');
    expect(version).toMatch(/^PostgreSQL/);
  });

  it('reports database and Kafka up on /health', async () => {
    const res = await request(app.getHttpServer()).get('/health').expect(200);
    expect(res.body).toMatchObject({
      status: 'ok',
      info: { database: { status: 'up' }, bus: { status: 'up' } },
    });
    expect(res.body.info.bus.detail).toMatch(/^kafka: \d+ broker/);
  }, 15_000);

  it('turns invalid and unknown fields into 400 VALIDATION.FAILED', async () => {
    const res = await request(app.getHttpServer()).post('/probe').send({ hospitalId: 7, injured: 0, extra: true }).expect(400);
    expect(res.headers['content-type']).toMatch(new RegExp(`^${PROBLEM_CONTENT_TYPE.replace('+', '\\+')}`));
    expect(res.body).toMatchObject({
      status: 400,
      code: 'VALIDATION.FAILED',
      type: 'urn:pingan:problem:VALIDATION.FAILED',
    });
    expect(res.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'hospitalId', code: 'IS_STRING' }),
        expect.objectContaining({ field: 'injured', code: 'MIN' }),
        expect.objectContaining({ field: 'extra', code: 'NOT_ALLOWED' }),
      ]),
    );
    await request(app.getHttpServer()).post('/probe').send({ hospitalId: 'h1', injured: 2 }).expect(201, { injuredIsNumber: true });
    const malformed = await request(app.getHttpServer()).post('/probe').set('content-type', 'application/json').send('{"hospitalId":');
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatchObject({ code: 'REQUEST.MALFORMED' });
    expect(malformed.headers['x-correlation-id']).toBeTruthy();
  });

  it('maps domain errors to their code and hides internal errors', async () => {
    const closed = await request(app.getHttpServer()).get('/probe/closed').expect(422);
    expect(closed.body).toMatchObject({
      code: 'INCIDENT.ALREADY_CLOSED',
      detail: 'Incident 110-7 is already closed',
    });
    const boom = await request(app.getHttpServer()).get('/probe/boom').expect(500);
    expect(boom.body).toMatchObject({ code: 'INTERNAL' });
    expect(JSON.stringify(boom.body)).not.toContain('hunter2');
  });

  it('echoes the caller correlation id and makes one up otherwise', async () => {
    const given = await request(app.getHttpServer()).get('/health').set('x-correlation-id', 'case-2026-0001');
    expect(given.headers['x-correlation-id']).toBe('case-2026-0001');
    const made = await request(app.getHttpServer()).get('/health').set('x-correlation-id', 'bad id with spaces');
    expect(made.headers['x-correlation-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('incidents app with Kafka unreachable', () => {
  const saved = { ...process.env };
  let database: TestDatabase;
  let app: INestApplication;

  beforeAll(async () => {
    database = await createTestDatabase('incidents_app_down');
    // Port 1 on loopback: nothing listens, the connection is refused at once.
    Object.assign(process.env, {
      DATABASE_URL: database.url,
      KAFKA_BROKERS: '127.0.0.1:1',
      LOG_LEVEL: 'fatal',
      ...testAccessTokenKeys().env,
    });
    const { AppModule } = await import('./app.module.js');
    app = (await Test.createTestingModule({ imports: [AppModule] }).compile()).createNestApplication();
    await app.init();
  }, 60_000);

  afterAll(() => closeAppAndDatabase(app, saved, database), 30_000); // a consumer group still joining in the background is let finish

  it('answers /health with 503 naming the bus as down', async () => {
    const res = await request(app.getHttpServer()).get('/health').expect(503);
    expect(res.body).toMatchObject({
      status: 'error',
      info: { database: { status: 'up' } },
      error: { bus: { status: 'down' } },
    });
  }, 15_000);
});
