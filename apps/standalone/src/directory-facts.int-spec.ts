import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { eventsTopic, type EventEnvelope } from '@pingan/contracts';
import type { MessageBus } from '@pingan/messaging';
import { MESSAGE_BUS, PlatformModule, runtimeToken, type ServiceRuntime } from '@pingan/platform';
import { createTestDatabase, testAccessTokenKeys, testPrincipal, waitForDirectories, type TestDatabase } from '@pingan/testing';
import request from 'supertest';
import { GatewayModule } from '../../gateway/src/gateway.module.js';
import { IncidentsModule } from '../../incidents/src/incidents.module.js';

/**
 * The directory reaches the services as the gateway's events (embedded mode: the in-process bus;
 * Kafka in the distributed mode is the incidents Kafka test): an organisation an administrator
 * registers is what the incidents service derives its facts from, and a deactivated one is refused.
 * Users and the read audit never leave the gateway.
 */
describe('the access directory, from the gateway to the services', () => {
  const saved = { ...process.env };
  const keys = testAccessTokenKeys();
  const onTheBus: EventEnvelope[] = [];
  let database: TestDatabase;
  let app: INestApplication;
  let admin: string;
  let dispatcher: string;

  const post = (token: string, path: string, body: object) =>
    request(app.getHttpServer()).post(path).set('authorization', `Bearer ${token}`).send(body);

  beforeAll(async () => {
    database = await createTestDatabase('directory_facts');
    Object.assign(process.env, { DATABASE_URL: database.url, LOG_LEVEL: 'fatal', ...keys.env });
    const moduleRef = await Test.createTestingModule({
      imports: [
        PlatformModule.forRoot({ service: 'standalone', inProcessBus: true }),
        GatewayModule.forRoot({ services: [] }),
        IncidentsModule,
      ],
    }).compile();
    app = moduleRef.createNestApplication();
    await app.init();
    await app.get<MessageBus>(MESSAGE_BUS).subscribe({
      group: 'directory-facts-test',
      topics: [eventsTopic('access')],
      handle: async (envelope) => void onTheBus.push(envelope),
    });
    admin = await keys.tokenFor(
      testPrincipal({ roles: ['system_administrator'], organisationKind: 'political_legal', organisationRegion: '500101' }),
    );
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    process.env = saved;
    await database?.drop();
  });

  const register = async (body: object): Promise<string> =>
    (await post(admin, '/access/organisations', body).expect(201)).body.organisationId;

  it('an organisation registered at the gateway is what the incidents service derives its facts from', async () => {
    const bureau = await register({ kind: 'police', name: '测试分局', regionCode: '500102', policeUnitType: 'bureau' });
    const station = await register({
      kind: 'police',
      name: '测试派出所',
      regionCode: '500102',
      parentId: bureau,
      policeUnitType: 'station',
    });
    const hospital = await register({
      kind: 'hospital',
      name: '测试医院',
      regionCode: '500102',
      hospital: { level: '三级', ownership: 'public', beds: 900, dailyOutpatients: 3000, hasPoliceOffice: true },
    });
    const commission = await register({
      kind: 'health_commission',
      name: '测试区卫健委',
      regionCode: '500102',
      healthCommissionLevel: 'county',
    });
    await post(admin, '/access/users', {
      organisationId: station,
      username: 'directory.dispatcher',
      displayName: '测试接警',
      roles: ['police_dispatcher'],
      password: 'a-long-enough-password',
    }).expect(201);
    const runtime = app.get<ServiceRuntime>(runtimeToken('incidents'));
    await waitForDirectories([runtime.directory], [bureau, station, hospital, commission]);

    dispatcher = await keys.tokenFor(
      testPrincipal({
        organisationId: station,
        organisationKind: 'police',
        organisationRegion: '500102',
        roles: ['police_dispatcher'],
        policeUnitType: 'station',
      }),
    );
    const at = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
    const reported = await post(dispatcher, '/incidents', {
      hospital: { hospitalId: hospital },
      occurredAt: at(10),
      intake: { channel: 'call_110', callReceivedAt: at(9), description: '门诊有人闹事' },
      classification: { categories: ['assault_on_staff'], casualties: { staff: { seriousInjuries: 1 } } },
    }).expect(201);
    expect(reported.body.incident).toMatchObject({
      ref: { hospitalId: hospital, regionCode: '500102' },
      hasPoliceOffice: true,
      countyHealthCommissionId: commission,
    });
    const dispatched = await post(dispatcher, `/incidents/${reported.body.caseNumber}/dispatch`, { dispatchedAt: at(8) }).expect(200);
    expect(dispatched.body.incident.police).toMatchObject({ unitOrganisationId: station, supervisingOrganisationId: bureau });

    // Only organisations travel: no user (with a phone number), no password, no read of the audit.
    expect(onTheBus.length).toBeGreaterThanOrEqual(4);
    expect(new Set(onTheBus.map((e) => e.streamType))).toEqual(new Set(['organisation']));
    expect(JSON.stringify(onTheBus)).not.toContain('directory.dispatcher');
  });

  it('a deactivated hospital is refused, naming the field', async () => {
    const hospital = await register({
      kind: 'hospital',
      name: '将撤销的医院',
      regionCode: '500102',
      hospital: { level: '一级', ownership: 'private', beds: 10, dailyOutpatients: 50, hasPoliceOffice: false },
    });
    await post(admin, `/access/organisations/${hospital}/deactivate`, { reason: '已注销' }).expect(204);
    const runtime = app.get<ServiceRuntime>(runtimeToken('incidents'));
    const deadline = Date.now() + 20_000;
    while ((await runtime.directory!.find(hospital))?.active !== false && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 50));
    const at = new Date(Date.now() - 60_000).toISOString();
    const refused = await post(dispatcher, '/incidents', {
      hospital: { hospitalId: hospital },
      occurredAt: at,
      intake: { channel: 'call_110', callReceivedAt: at, description: '有人闹事' },
    }).expect(422);
    expect(refused.body).toMatchObject({
      code: 'DIRECTORY.ORGANISATION_DEACTIVATED',
      errors: [expect.objectContaining({ field: 'hospital.hospitalId' })],
    });
  });
});
