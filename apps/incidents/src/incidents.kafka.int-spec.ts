import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { eventsTopic, type EventEnvelope } from '@pingan/contracts';
import { KafkaBus, type Subscription } from '@pingan/messaging';
import {
  asCaller,
  closeAppAndDatabase,
  createTestDatabase,
  testKafkaBrokers,
  type TestDatabase,
  testAccessTokenKeys,
} from '@pingan/testing';
import { randomUUID } from 'node:crypto';
import { PRINCIPALS, claimsOf, hospitalFacts, minutesBefore, seedTestDirectory, type Who } from './incidents.fixture.js';

/**
 * The incidents service as its own process (AppModule: Kafka because KAFKA_BROKERS is set) on a
 * real PostgreSQL server: a 110 call through dispatch, arrival, classification as major and the
 * health chain up to the national commission's acknowledgement. Another service's view: a Kafka
 * consumer of `pingan.incidents.events` sees the events, in order.
 */
describe('incidents over real PostgreSQL and real Kafka', () => {
  const saved = { ...process.env };
  const keys = testAccessTokenKeys();
  const tokens = new Map<Who, string>();
  const seen: EventEnvelope[] = [];
  let database: TestDatabase;
  let app: INestApplication;
  let consumerBus: KafkaBus;
  let subscription: Subscription;

  const prefix = `t${Date.now().toString(36)}.`;

  beforeAll(async () => {
    database = await createTestDatabase('incidents_kafka');
    Object.assign(process.env, {
      DATABASE_URL: database.url,
      KAFKA_BROKERS: testKafkaBrokers().join(','),
      // Its own topics: other suites on the same broker number their cases from 0001 too.
      KAFKA_TOPIC_PREFIX: prefix,
      LOG_LEVEL: 'fatal',
      ...keys.env,
    });
    for (const [who, principal] of Object.entries(PRINCIPALS)) tokens.set(who as Who, await keys.tokenFor(claimsOf(principal)));
    const { AppModule } = await import('./app.module.js');
    app = (await Test.createTestingModule({ imports: [AppModule] }).compile()).createNestApplication();
    await app.init();
    // The directory reaches the service over Kafka too, as the gateway publishes it.
    await seedTestDirectory(app);
    consumerBus = new KafkaBus({ brokers: testKafkaBrokers(), clientId: 'incidents-kafka-test', topicPrefix: prefix });
    subscription = await consumerBus.subscribe({
      group: `incidents-test-${randomUUID()}`,
      topics: [eventsTopic('incidents')],
      handle: async (envelope) => {
        seen.push(envelope);
      },
    });
  }, 120_000);

  afterAll(async () => {
    await subscription?.close();
    await consumerBus?.close();
    await closeAppAndDatabase(app, saved, database);
  }, 60_000); // leaving Kafka consumer groups takes a few seconds

  const as = (who: Who) => asCaller(app, tokens.get(who));

  it('publishes a 110 call, the police response, the major classification and the escalation to national acknowledgement, in order', async () => {
    const now = new Date();
    const reported = await as('dispatcher')
      .post('/incidents', {
        hospital: hospitalFacts('hosp-a'),
        occurredAt: minutesBefore(now, 30),
        intake: { channel: 'call_110', callReceivedAt: minutesBefore(now, 29), description: '外科病房有人持刀威胁医生' },
      })
      .expect(201);
    const caseNumber: string = reported.body.caseNumber;
    const path = `/incidents/${caseNumber}`;
    await as('dispatcher')
      .post(`${path}/dispatch`, { dispatchedAt: minutesBefore(now, 28) })
      .expect(200);
    await as('dispatcher')
      .post(`${path}/arrival`, { arrivedAt: minutesBefore(now, 22) })
      .expect(200);
    await as('dispatcher')
      .patch(`${path}/classification`, {
        classification: { categories: ['assault_on_staff'], casualties: { staff: { seriousInjuries: 1 } } },
        reason: '伤情鉴定为重伤',
      })
      .expect(200);
    // Major: the reports to the county commission and the 综治 went up with the reclassification.
    for (const [who, level] of [
      ['countyHc', 'county'],
      ['cityHc', 'city'],
      ['provinceHc', 'province'],
    ] as const) {
      await as(who).post(`${path}/escalations/${level}/acknowledge`).expect(200);
      await as(who).post(`${path}/escalations/${level}/forward`).expect(200);
    }
    await as('nationalHc').post(`${path}/escalations/national/acknowledge`).expect(200);

    const expected = [
      'IncidentReported',
      'PoliceDispatched',
      'IncidentClockStarted',
      'PoliceArrived',
      'IncidentClockStopped',
      'IncidentReclassified',
      'IncidentClockStarted', // immediate_local_report
      'IncidentClockStarted', // national_report
      'EscalationSubmitted', // health: county
      'EscalationSubmitted', // political_legal: local
      'IncidentClockStarted', // county_forward
      'IncidentClockStopped', // immediate_local_report: the hospital's duty is met
      'EscalationAcknowledged',
      'EscalationForwarded',
      'IncidentClockStarted', // city_forward
      'IncidentClockStopped', // county_forward
      'EscalationAcknowledged',
      'EscalationForwarded',
      'IncidentClockStarted', // province_forward
      'IncidentClockStopped', // city_forward
      'EscalationAcknowledged',
      'EscalationForwarded',
      'IncidentClockStopped', // national_report: the report reached the national commission
      'IncidentClockStopped', // province_forward
      'EscalationAcknowledged',
    ];
    const ofIncident = () => seen.filter((e) => e.streamType === 'incident' && e.correlationId === caseNumber);
    const deadline = Date.now() + 60_000;
    while (ofIncident().length < expected.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));

    const events = ofIncident();
    expect(events.map((e) => e.type)).toEqual(expected);
    expect(events.map((e) => e.version)).toEqual(expected.map((_, i) => i + 1));
    expect(events.every((e) => e.context === 'incidents' && e.streamId === `incident-${caseNumber}`)).toBe(true);
    expect(events[0].actor).toEqual({ userId: 'disp-wz', organisationId: 'station-wz', role: 'police_dispatcher' });
    expect(events.at(-1)).toMatchObject({ data: { chain: 'health', level: 'national', organisationId: 'nhc', major: true } });
    expect(events.at(-3)).toMatchObject({ data: { clock: 'national_report', deadlineId: `${caseNumber}:national_report:1` } });
    // The addressee is the directory's national commission; other suites on this broker publish their own directory too.
    expect(events.at(-4)).toMatchObject({ data: { toLevel: 'national', addresseeOrganisationId: expect.any(String) } });

    // The clocks' own steps travel on the same topic, for oversight's board.
    while (
      !seen.some((e) => e.type === 'DeadlineMet' && e.data.deadlineId === `${caseNumber}:national_report:1`) &&
      Date.now() < deadline
    ) {
      await new Promise((r) => setTimeout(r, 100));
    }
    const clockSteps = seen
      .filter((e) => e.streamType === 'deadline' && e.correlationId === caseNumber)
      .map((e) => `${e.type} ${String(e.data.deadlineId).split(':')[1]}`);
    expect(clockSteps).toEqual(
      expect.arrayContaining([
        'DeadlineStarted police_arrival',
        'DeadlineMet police_arrival',
        'DeadlineStarted national_report',
        'DeadlineMet national_report',
      ]),
    );
  }, 120_000);
});
