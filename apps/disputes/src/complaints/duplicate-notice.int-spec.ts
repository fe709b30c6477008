import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { MessageBus } from '@pingan/messaging';
import { MESSAGE_BUS, PlatformModule, runtimeToken, type ServiceRuntime } from '@pingan/platform';
import {
  closeAppAndDatabase,
  createTestDatabase,
  seedDirectory,
  testAccessTokenKeys,
  testHospital,
  type TestDatabase,
} from '@pingan/testing';
import request from 'supertest';
import { DisputesModule } from '../disputes.module.js';

/**
 * Concurrent duplicates of a command without an Idempotency-Key, on real PostgreSQL: 20 identical
 * routes notices at once on one dispute. Each loser of the optimistic-concurrency race is decided
 * again on the stream as it now stands, where the notice is already recorded, so it records nothing.
 */
describe('concurrent duplicate routes notices', () => {
  const saved = { ...process.env };
  const keys = testAccessTokenKeys();
  let database: TestDatabase;
  let app: INestApplication;
  let token: string;

  const post = (path: string, body: object) => request(app.getHttpServer()).post(path).set('authorization', `Bearer ${token}`).send(body);

  beforeAll(async () => {
    database = await createTestDatabase('disputes_duplicates');
    Object.assign(process.env, { DATABASE_URL: database.url, LOG_LEVEL: 'fatal', ...keys.env });
    delete process.env.KAFKA_BROKERS;
    const moduleRef = await Test.createTestingModule({
      imports: [PlatformModule.forRoot({ service: 'disputes', inProcessBus: true }), DisputesModule],
    }).compile();
    app = moduleRef.createNestApplication();
    await app.listen(0, '127.0.0.1'); // the parallel requests share one listening server
    const runtime = app.get<ServiceRuntime>(runtimeToken('disputes'));
    await seedDirectory(app.get<MessageBus>(MESSAGE_BUS), [runtime.directory], [testHospital('hospital-a', '500101')]);
    token = await keys.tokenFor({
      userId: 'u-complaints',
      organisationId: 'hospital-a',
      organisationKind: 'hospital',
      organisationRegion: '500101',
      roles: ['hospital_complaints_officer'],
    });
  }, 60_000);

  afterAll(() => closeAppAndDatabase(app, saved, database));

  it('records 20 identical notices sent at once as one, and answers each with the dispute', async () => {
    const opened = await post('/disputes', {
      summary: '术后感染，家属要求说明',
      parties: [{ name: '张某', relation: 'relative', contact: '13800000000' }],
      claims: [],
    }).expect(201);
    const id = opened.body.disputeId as string;
    const notice = { routes: ['negotiation', 'peoples_mediation'], method: 'written', note: '书面告知书已签收' };

    const answers = await Promise.all(Array.from({ length: 20 }, () => post(`/disputes/${id}/routes-notice`, notice)));
    expect(answers.map((answer) => answer.status)).toEqual(Array(20).fill(200));
    expect(answers.filter((answer) => answer.body.events.includes('ResolutionRoutesNotified'))).toHaveLength(1);
    for (const answer of answers) expect(answer.body.dispute.routesNotified).toBe(true);

    const dispute = await request(app.getHttpServer())
      .get(`/disputes/${id}`)
      .set('authorization', `Bearer ${token}`)
      .set('x-access-purpose', 'test')
      .expect(200);
    expect(dispute.body.history.filter((event: { type: string }) => event.type === 'ResolutionRoutesNotified')).toHaveLength(1);

    // A notice that says something new is still recorded.
    const again = await post(`/disputes/${id}/routes-notice`, { ...notice, method: 'in_person', note: '当面再次告知' }).expect(200);
    expect(again.body.events).toEqual(['ResolutionRoutesNotified']);
  });
});
