import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { eventsTopic, type EventEnvelope } from '@pingan/contracts';
import type { Database } from '@pingan/event-store';
import { KafkaBus, type MessageBus, type Subscription } from '@pingan/messaging';
import { DATABASE, MESSAGE_BUS, PlatformModule, ServiceRuntime, runtimeToken } from '@pingan/platform';
import {
  closeAppAndDatabase,
  createTestDatabase,
  seedDirectory,
  testAccessTokenKeys,
  testHospital,
  testKafkaBrokers,
  type TestDatabase,
} from '@pingan/testing';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DisputesModule } from '../disputes.module.js';
import { DISPUTES_RUNTIME_OPTIONS } from '../disputes.runtime.js';

const HOSPITAL = 'hospital-k';
const COMMITTEE = 'committee-k';
const T0 = new Date('2026-03-02T02:00:00Z'); // a Monday, 10:00 in Shanghai
const DAY = 86_400_000;

/**
 * People's mediation as the regulation has it (医疗纠纷预防和处理条例 第38条), over real PostgreSQL
 * and real Kafka, with the runtime's clock moved by the test: accepted → an appraisal pauses the
 * 30-working-day clock → its result resumes it → an extension both parties consented to → the
 * agreement (clock met); and a second mediation that runs out: its clock lapses (the outcome, not a
 * breach), the sweep's DeadlineLapsed goes out on Kafka, the context's own consumer hears it and
 * records MediationFailed { reason: 'expired' } once; no DeadlineBreached of that clock is published.
 */
describe('people’s mediation over real PostgreSQL and real Kafka', () => {
  const saved = { ...process.env };
  const keys = testAccessTokenKeys();
  const tokens: Record<string, string> = {};
  const seen: EventEnvelope[] = [];
  let database: TestDatabase;
  let app: INestApplication;
  let runtime: ServiceRuntime;
  let consumerBus: KafkaBus;
  let subscription: Subscription;
  let now = T0;

  const http = () => request(app.getHttpServer());
  const as = (who: string) => ({ authorization: `Bearer ${tokens[who]}` });
  const post = (who: string, path: string, body: object = {}) => http().post(path).set(as(who)).send(body);
  const get = (who: string, path: string) => http().get(path).set(as(who)).set('x-access-purpose', 'test');
  const eventually = async <T>(probe: () => Promise<T | undefined | null | false>, ms = 30_000): Promise<T> => {
    const until = Date.now() + ms;
    for (;;) {
      const value = await probe();
      if (value) return value;
      if (Date.now() > until) throw new Error('timed out waiting');
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  const consent = { patientPartyId: 'party-k', hospitalRepresentative: '医务科 李科长', reference: '延长调解期限约定书 2026-01' };

  beforeAll(async () => {
    database = await createTestDatabase('disputes_kafka');
    Object.assign(process.env, {
      DATABASE_URL: database.url,
      KAFKA_BROKERS: testKafkaBrokers().join(','),
      LOG_LEVEL: 'fatal',
      ...keys.env,
    });
    const moduleRef = await Test.createTestingModule({
      imports: [PlatformModule.forRoot({ service: 'disputes' }), DisputesModule],
    })
      // The runtime's clock is the test's: 30 working days pass in a line.
      .overrideProvider(runtimeToken('disputes'))
      .useFactory({
        inject: [DATABASE, MESSAGE_BUS],
        factory: (db: Database, messageBus: MessageBus) =>
          new ServiceRuntime(
            {
              ...DISPUTES_RUNTIME_OPTIONS,
              deadlines: { ...DISPUTES_RUNTIME_OPTIONS.deadlines!, sweepIntervalMs: 3_600_000 },
              clock: () => now,
            },
            db,
            messageBus,
          ),
      })
      .compile();
    app = moduleRef.createNestApplication();
    await app.init();
    runtime = app.get(runtimeToken('disputes'));
    // The directory reaches the service over Kafka too: the committee sits under the county commission.
    await seedDirectory(
      app.get<MessageBus>(MESSAGE_BUS),
      [runtime.directory],
      [
        testHospital(HOSPITAL, '500101'),
        { organisationId: 'hc-k', kind: 'health_commission', regionCode: '500101' },
        { organisationId: COMMITTEE, kind: 'mediation_committee', regionCode: '500101', parentId: 'hc-k' },
      ],
    );
    tokens.complaints = await keys.tokenFor({
      userId: 'u-complaints-k',
      organisationId: HOSPITAL,
      organisationKind: 'hospital',
      organisationRegion: '500101',
      roles: ['hospital_complaints_officer'],
    });
    tokens.mediator = await keys.tokenFor({
      userId: 'u-med-k',
      organisationId: COMMITTEE,
      organisationKind: 'mediation_committee',
      organisationRegion: '500101',
      roles: ['mediator'],
    });
    consumerBus = new KafkaBus({ brokers: testKafkaBrokers(), clientId: 'disputes-kafka-test' });
    subscription = await consumerBus.subscribe({
      group: `disputes-test-${randomUUID()}`,
      topics: [eventsTopic('disputes')],
      handle: async (envelope) => {
        seen.push(envelope);
      },
    });
  }, 120_000);

  afterAll(async () => {
    await subscription?.close();
    await consumerBus?.close();
    await closeAppAndDatabase(app, saved, database);
  }, 60_000);

  const acceptedMediation = async (): Promise<string> => {
    const opened = await post('complaints', '/disputes', {
      summary: '术后感染，家属要求赔偿',
      parties: [{ name: '王某', relation: 'relative' }],
      claims: [{ kind: 'compensation', description: '医疗费', amountFen: 800_000 }],
    }).expect(201);
    const id: string = opened.body.disputeId;
    await post('complaints', `/disputes/${id}/routes-notice`, { routes: ['peoples_mediation', 'litigation'], method: 'written' }).expect(
      200,
    );
    await post('complaints', `/disputes/${id}/mediation/referral`, { kind: 'peoples_mediation', mediatorOrganisationId: COMMITTEE }).expect(
      200,
    );
    await post('mediator', `/disputes/${id}/mediation/acceptance`).expect(200);
    return id;
  };
  const clockOf = async (id: string) =>
    (await get('mediator', `/disputes/${id}`).expect(200)).body.clocks.find(
      (c: { deadlineId: string }) => c.deadlineId === `${id}/peoples-mediation/1`,
    );
  // The dispute's own events and its clocks' (whose ids begin with the dispute id).
  const published = (id: string) =>
    seen.filter(
      (e) =>
        e.streamId === id ||
        [(e.data as { disputeId?: string }).disputeId, (e.data as { deadlineId?: string }).deadlineId].some((v) => v?.startsWith(id)),
    );

  it('accepted → appraisal pauses → result resumes → extended with both parties’ consent → agreement: the clock is met', async () => {
    now = T0;
    const id = await acceptedMediation();
    expect((await clockOf(id)).dueAt).toBe('2026-04-14T16:00:00.000Z'); // 30 working days, 清明 off

    now = new Date(T0.getTime() + 7 * DAY);
    const appraisal = await post('mediator', `/disputes/${id}/appraisals`, { kind: 'medical_damage', appraiser: '重庆市医学会' }).expect(
      200,
    );
    expect(await clockOf(id)).toMatchObject({ state: 'paused' });
    now = new Date(T0.getTime() + 28 * DAY);
    await post('mediator', `/disputes/${id}/appraisals/${appraisal.body.appraisalId}/result`, {
      reportReference: '渝医鉴〔2026〕31号',
      outcome: 'concluded',
      liability: { responsibility: 'minor', summary: '轻微责任' },
    }).expect(200);
    expect(await clockOf(id)).toMatchObject({ state: 'running', dueAt: '2026-05-08T16:00:00.000Z' });

    // Without the consent the DTO refuses (400); with it, the extension and who consented are recorded.
    await post('mediator', `/disputes/${id}/mediation/extension`, { workingDays: 10, reason: '双方同意延长' }).expect(400);
    await post('mediator', `/disputes/${id}/mediation/extension`, { workingDays: 10, reason: '双方同意延长', consent }).expect(200);
    expect(await clockOf(id)).toMatchObject({ state: 'running', dueAt: '2026-05-21T16:00:00.000Z' });

    now = new Date(Date.parse('2026-05-20T02:00:00Z'));
    await post('mediator', `/disputes/${id}/mediation/agreement`, {
      terms: '医方致歉并赔偿',
      compensation: [{ head: '医疗费', amountFen: 300_000 }],
    }).expect(200);
    const body = (await get('mediator', `/disputes/${id}`).expect(200)).body;
    expect(body.mediation).toMatchObject({ phase: 'agreed', extendedWorkingDays: 10 });
    expect((await clockOf(id)).state).toBe('met');
    expect(body.history.find((e: { type: string }) => e.type === 'MediationExtended').data.consent).toEqual(consent);

    const types = await eventually(async () => {
      const t = published(id).map((e) => e.type);
      return t.includes('MediationAgreed') && t.includes('DeadlineMet') && t;
    });
    const mediationSteps = types.filter((t) => /^(Mediation|Deadline|Appraisal)/.test(t));
    expect(mediationSteps).toEqual(
      expect.arrayContaining([
        'MediationAccepted',
        'DeadlineStarted',
        'AppraisalRequested',
        'DeadlinePaused',
        'DeadlineResumed',
        'MediationExtended',
        'DeadlineExtended',
        'MediationAgreed',
        'DeadlineMet',
      ]),
    );
    expect(types.indexOf('MediationAgreed')).toBeGreaterThan(types.indexOf('MediationExtended'));
    expect(types).not.toContain('DeadlineBreached');
  }, 120_000);

  it('no agreement by the due date: the lapse on Kafka becomes MediationFailed { expired } (视为调解不成), no breach', async () => {
    now = T0;
    const id = await acceptedMediation();
    const due = (await clockOf(id)).dueAt as string;
    now = new Date(Date.parse(due) + 60_000);
    await runtime.sweepDeadlines();
    const failed = await eventually(async () => {
      const history = (await get('mediator', `/disputes/${id}`).expect(200)).body.history as {
        type: string;
        data: Record<string, unknown>;
      }[];
      return history.find((e) => e.type === 'MediationFailed');
    }, 60_000);
    expect(failed.data).toMatchObject({ reason: 'expired', failedAt: due });
    const late = await post('mediator', `/disputes/${id}/mediation/agreement`, { terms: '迟到的协议', compensation: [] }).expect(422);
    expect(late.body.code).toBe('DISPUTE.MEDIATION_EXPIRED');
    await runtime.sweepDeadlines(); // a later sweep fires nothing more
    await eventually(async () => published(id).some((e) => e.type === 'MediationFailed'), 60_000);
    expect(await clockOf(id)).toMatchObject({ state: 'lapsed', breachedAt: null });
    const history = (await get('mediator', `/disputes/${id}`).expect(200)).body.history as { type: string }[];
    expect(history.filter((e) => e.type === 'MediationFailed')).toHaveLength(1);
    // The mediation clock's own events (the risk-review clock of the dispute is a duty: it may breach).
    const ofClock = published(id)
      .filter((e) => (e.data as { deadlineId?: string }).deadlineId === `${id}/peoples-mediation/1`)
      .map((e) => e.type);
    expect(ofClock).toEqual(['DeadlineStarted', 'DeadlineWarned', 'DeadlineLapsed']);
    expect(published(id).filter((e) => e.type === 'MediationFailed')).toHaveLength(1);
  }, 120_000);
});
