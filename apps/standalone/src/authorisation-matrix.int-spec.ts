import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { ROLES, type Role } from '@pingan/access';
import {
  closeAppAndDatabase,
  createTestDatabase,
  testAccessTokenKeys,
  testKafkaBrokers,
  type MatrixCaller,
  type MatrixEndpoint,
  type MatrixFixtures,
  type TestDatabase,
} from '@pingan/testing';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import request from 'supertest';
import { PlatformModule } from '@pingan/platform';
import { MATRIX_CALLERS, directoriesCaughtUp, gatewayMatrixFixtures } from '../../gateway/src/gateway.authorisation.fixture.js';
import { GatewayModule } from '../../gateway/src/gateway.module.js';
import { MATRIX_ENDPOINTS } from './authorisation-matrix.fixture.js';
import { SERVICE_MODULES } from './standalone.module.js';

// Every service's endpoints, in the composed system (services add a line to authorisation-matrix.fixture.ts).
const ENDPOINTS: Record<string, MatrixEndpoint> = MATRIX_ENDPOINTS;
const CALLERS: MatrixCaller[] = [...ROLES, 'anonymous', 'forged'];
const PROBLEM_KEYS = ['type', 'title', 'status', 'code', 'detail', 'instance', 'errors'];

const allows = (endpoint: MatrixEndpoint, caller: MatrixCaller): boolean => {
  if (endpoint.allowed === 'public') return true;
  if (caller === 'anonymous' || caller === 'forged') return false;
  if (endpoint.allowed === 'authenticated') return true;
  if (typeof endpoint.allowed === 'function') return endpoint.allowed(caller);
  return endpoint.allowed.includes(caller);
};

describe('authorisation matrix: every role against every endpoint', () => {
  const saved = { ...process.env };
  let database: TestDatabase;
  let app: INestApplication;
  const tokens = new Map<MatrixCaller, string>();
  let fixtures: MatrixFixtures;

  beforeAll(async () => {
    database = await createTestDatabase('gateway_matrix');
    const keys = testAccessTokenKeys();
    Object.assign(process.env, {
      DATABASE_URL: database.url,
      KAFKA_BROKERS: testKafkaBrokers().join(','),
      LOG_LEVEL: 'silent',
      ...keys.env,
    });
    const root = [PlatformModule.forRoot({ service: 'standalone', inProcessBus: true }), GatewayModule.forRoot(), ...SERVICE_MODULES];
    app = (await Test.createTestingModule({ imports: root }).compile()).createNestApplication();
    await app.init();
    fixtures = await gatewayMatrixFixtures(app);
    await directoriesCaughtUp(app, ['incidents', 'disputes', 'prosecution', 'high-risk-persons']);
    for (const role of ROLES) {
      const username = MATRIX_CALLERS[role];
      const res = await request(app.getHttpServer())
        .post('/auth/login')
        .send({ username, password: fixtures.password(username) })
        .expect(200);
      tokens.set(role, res.body.accessToken);
    }
    tokens.set('forged', await testAccessTokenKeys().tokenFor({ roles: ['system_administrator'], organisationKind: 'political_legal' }));
  }, 120_000);

  afterAll(() => closeAppAndDatabase(app, saved, database));

  const cases = Object.entries(ENDPOINTS).flatMap(([name, endpoint]) => CALLERS.map((caller) => [name, caller, endpoint] as const));

  it.each(cases)('%s as %s', async (_name, caller, endpoint) => {
    const allowed = allows(endpoint, caller);
    let call = request(app.getHttpServer())[endpoint.method](await endpoint.path(fixtures));
    const token = tokens.get(caller);
    if (token) call = call.set('authorization', `Bearer ${token}`);
    for (const [header, value] of Object.entries(endpoint.headers ?? {})) call = call.set(header, value);
    const res = endpoint.body ? await call.send(await endpoint.body(fixtures)) : await call;

    if (allowed) {
      expect({ status: res.status, body: res.body }).toMatchObject({ status: endpoint.ok });
      return;
    }
    const unauthenticated = caller === 'anonymous' || caller === 'forged';
    expect(res.status).toBe(unauthenticated ? 401 : 403);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.code).toBe(unauthenticated ? 'ACCESS.UNAUTHENTICATED' : 'ACCESS.DENIED');
    // Nothing but the problem itself: no record, no hint of it.
    expect(Object.keys(res.body).every((key) => PROBLEM_KEYS.includes(key))).toBe(true);
    for (const secret of endpoint.secrets?.(fixtures) ?? []) expect(res.text).not.toContain(secret);
  });

  /** Operations a row cannot test as a request that answers, each with where its access is tested. */
  const COVERED_ELSEWHERE: Record<string, string> = {
    'GET /notifications/stream':
      'an open event stream, opened by a short-lived ticket rather than the token: apps/notifications/src/notifications.int-spec.ts',
  };

  it('has a row for every operation the API documents', () => {
    const document = SwaggerModule.createDocument(app, new DocumentBuilder().build());
    const operations = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.keys(item)
        .filter((method) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
        .map((method) => `${method.toUpperCase()} ${path.replace(/\{([^}]+)\}/g, ':$1')}`),
    );
    expect(operations.length).toBeGreaterThan(100);
    expect(operations.filter((operation) => !(operation in ENDPOINTS) && !(operation in COVERED_ELSEWHERE))).toEqual([]);
  });

  it('covers every role', () => {
    expect(Object.keys(MATRIX_CALLERS).sort()).toEqual([...ROLES].sort() as Role[]);
  });
});
