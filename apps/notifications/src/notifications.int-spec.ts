import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { EventSource } from 'eventsource';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import request from 'supertest';
import type { PrincipalClaims } from '@pingan/access';
import { KafkaBus } from '@pingan/messaging';
import { runtimeClockToken, runtimeToken, type ServiceRuntime } from '@pingan/platform';
import {
  createTestDatabase,
  eventually,
  openDatabase,
  testAccessTokenKeys,
  testEnvelope,
  testKafkaBrokers,
  type TestDatabase,
} from '@pingan/testing';
import { DELIVERY_SETTINGS, DeliveryWorker } from './delivery/delivery-worker.js';
import { TWO_COUNTIES, registrationOf } from './notifications.fixture.js';

/**
 * The notifications service as its own process (AppModule, Kafka because KAFKA_BROKERS is set) on
 * real PostgreSQL: the other contexts' events arrive over real Kafka, published here as their
 * services would; the directory arrives as the gateway's events. Outbound receivers are real
 * servers started by the test: an HTTP webhook receiver and an SMTP server.
 */
const who = {
  centralSecurity: {
    organisationId: 'hospital-central',
    organisationKind: 'hospital',
    organisationRegion: '500101',
    roles: ['hospital_security_officer'],
  },
  centralComplaints: {
    organisationId: 'hospital-central',
    organisationKind: 'hospital',
    organisationRegion: '500101',
    roles: ['hospital_complaints_officer'],
  },
  secondSecurity: {
    organisationId: 'hospital-second',
    organisationKind: 'hospital',
    organisationRegion: '500101',
    roles: ['hospital_security_officer'],
  },
  yzSecurity: {
    organisationId: 'hospital-yz',
    organisationKind: 'hospital',
    organisationRegion: '500103',
    roles: ['hospital_security_officer'],
  },
  office: {
    organisationId: 'office-central',
    organisationKind: 'police',
    organisationRegion: '500101',
    roles: ['police_dispatcher'],
    policeUnitType: 'hospital_police_office',
  },
  dispatcher: {
    organisationId: 'station-wz',
    organisationKind: 'police',
    organisationRegion: '500101',
    roles: ['police_dispatcher'],
    policeUnitType: 'station',
  },
  chief: {
    organisationId: 'station-wz',
    organisationKind: 'police',
    organisationRegion: '500101',
    roles: ['station_chief'],
    policeUnitType: 'station',
  },
  yzDispatcher: {
    organisationId: 'station-yz',
    organisationKind: 'police',
    organisationRegion: '500103',
    roles: ['police_dispatcher'],
    policeUnitType: 'station',
  },
  hcWz: {
    organisationId: 'hc-wz',
    organisationKind: 'health_commission',
    organisationRegion: '500101',
    roles: ['health_commission_official'],
    healthCommissionLevel: 'county',
  },
  hcCity: {
    organisationId: 'hc-city',
    organisationKind: 'health_commission',
    organisationRegion: '500100',
    roles: ['health_commission_official'],
    healthCommissionLevel: 'city',
  },
  hcYz: {
    organisationId: 'hc-yz',
    organisationKind: 'health_commission',
    organisationRegion: '500103',
    roles: ['health_commission_official'],
    healthCommissionLevel: 'county',
  },
  zfwWz: {
    organisationId: 'zfw-wz',
    organisationKind: 'political_legal',
    organisationRegion: '500101',
    roles: ['political_legal_officer'],
  },
  admin: { organisationId: 'zfw-wz', organisationKind: 'political_legal', organisationRegion: '500101', roles: ['system_administrator'] },
} satisfies Record<string, Partial<PrincipalClaims>>;
type Who = keyof typeof who;

const SIGNING_SECRET = 'whsec-int-spec-0123456789abcdef';

/** A webhook receiver written from docs/notifications.md alone ("Verifying a webhook"). */
function verifyWebhook(headers: IncomingMessage['headers'], rawBody: string, seen: Set<string>, nowSeconds: number): string | null {
  const timestamp = String(headers['x-pingan-timestamp'] ?? '');
  const signature = String(headers['x-pingan-signature'] ?? '');
  const key = String(headers['idempotency-key'] ?? '');
  if (!/^\d+$/.test(timestamp) || Math.abs(nowSeconds - Number(timestamp)) > 300) return 'stale';
  const expected = `v1=${createHmac('sha256', SIGNING_SECRET).update(`${timestamp}.${rawBody}`).digest('hex')}`;
  if (signature.length !== expected.length || !timingSafeEqual(Buffer.from(signature), Buffer.from(expected))) return 'bad signature';
  if (seen.has(key)) return 'duplicate';
  seen.add(key);
  return null;
}

describe('notifications over real PostgreSQL and Kafka', () => {
  const saved = { ...process.env };
  const keys = testAccessTokenKeys();
  const prefix = `t${Date.now().toString(36)}.`;
  const tokens = new Map<Who, string>();
  let database: TestDatabase;
  let db: Awaited<ReturnType<typeof openDatabase>>;
  let app: INestApplication;
  let base: string;
  let publisher: KafkaBus;
  let clockOffsetMs = 0;
  let sequence = 0;

  beforeAll(async () => {
    database = await createTestDatabase('notifications');
    Object.assign(process.env, {
      DATABASE_URL: database.url,
      KAFKA_BROKERS: testKafkaBrokers().join(','),
      KAFKA_TOPIC_PREFIX: prefix,
      NOTIFICATIONS_SECRET_KEY: Buffer.alloc(32, 7).toString('base64'),
      LOG_LEVEL: 'fatal',
      ...keys.env,
    });
    for (const [name, claims] of Object.entries(who)) {
      tokens.set(name as Who, await keys.tokenFor({ userId: `user-${name}`, username: name, ...claims } as Partial<PrincipalClaims>));
    }
    const { AppModule } = await import('./app.module.js');
    const moduleRef = await Test.createTestingModule({ imports: [AppModule] })
      .overrideProvider(runtimeClockToken('notifications'))
      .useValue(() => new Date(Date.now() + clockOffsetMs))
      .overrideProvider(DELIVERY_SETTINGS)
      // Short backoff so a receiver that comes back is found within a second or two; the outage itself is real.
      .useValue({ pollMs: 200, retryBaseMs: 500, retryMaxMs: 2_000, maxAttempts: 200, timeoutMs: 2_000 })
      .compile();
    app = moduleRef.createNestApplication();
    await app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    db = await openDatabase(database.url);
    publisher = new KafkaBus({ brokers: testKafkaBrokers(), clientId: 'notifications-int-spec', topicPrefix: prefix });
    // The directory, as the gateway publishes it.
    await publisher.publish(
      TWO_COUNTIES.map((o, i) =>
        testEnvelope({
          context: 'access',
          type: 'OrganisationRegistered',
          streamType: 'organisation',
          streamId: `organisation-${o.organisationId}`,
          globalPosition: String(i + 1),
          correlationId: o.organisationId,
          data: registrationOf(o),
        }),
      ),
    );
    await eventually(async () => {
      const [row] = await db.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM notifications.directory_organisations`);
      expect(row.n).toBe(TWO_COUNTIES.length);
    }, 60_000);
  }, 180_000);

  afterAll(async () => {
    await publisher?.close();
    await app?.close();
    await db?.close();
    process.env = saved;
    await database?.drop();
  }, 60_000);

  const as = (name: Who) => ({
    get: (path: string) =>
      request(app.getHttpServer())
        .get(path)
        .set('authorization', `Bearer ${tokens.get(name)}`),
    post: (path: string, body: object = {}) =>
      request(app.getHttpServer())
        .post(path)
        .set('authorization', `Bearer ${tokens.get(name)}`)
        .send(body),
    put: (path: string, body: object) =>
      request(app.getHttpServer())
        .put(path)
        .set('authorization', `Bearer ${tokens.get(name)}`)
        .send(body),
  });

  const inbox = async (name: Who) => (await as(name).get('/notifications?limit=200').expect(200)).body.items as Record<string, unknown>[];
  const about = async (name: Who, caseNumber: string) => (await inbox(name)).filter((n) => n.caseNumber === caseNumber);

  /** An incident reported at a hospital, as the incidents service publishes it. */
  async function reportIncident(hospitalId: string, regionCode: string, extra: { major?: boolean; channel?: string } = {}) {
    const caseNumber = `${regionCode}-20261122-${String(++sequence).padStart(4, '0')}`;
    const envelope = testEnvelope({
      context: 'incidents',
      type: 'IncidentReported',
      streamType: 'incident',
      streamId: `incident-${caseNumber}`,
      correlationId: caseNumber,
      data: {
        caseNumber,
        hospitalId,
        regionCode,
        channel: extra.channel ?? 'one_key_alarm',
        intake: { channel: 'one_key_alarm', location: '急诊科', deviceId: null },
        occurredAt: new Date().toISOString(),
        major: extra.major ?? false,
      },
    });
    await publisher.publish([envelope]);
    return { caseNumber, envelope };
  }

  it('tells each rule’s addressees, and nobody else: a hospital never gets another hospital’s alarm', async () => {
    const central = await reportIncident('hospital-central', '500101', { major: true });
    const yz = await reportIncident('hospital-yz', '500103');
    await eventually(async () => expect(await about('hcWz', central.caseNumber)).toHaveLength(1));
    await eventually(async () => expect(await about('yzDispatcher', yz.caseNumber)).toHaveLength(1));

    const told: Record<Who, number> = {} as Record<Who, number>;
    for (const name of Object.keys(who) as Who[]) told[name] = (await about(name, central.caseNumber)).length;
    expect(told).toEqual({
      centralSecurity: 1,
      centralComplaints: 0, // the alarm goes to the security office
      secondSecurity: 0,
      yzSecurity: 0,
      office: 1,
      dispatcher: 1,
      chief: 0, // only if nobody acknowledges in time
      yzDispatcher: 0,
      hcWz: 1, // major: the county commission and 综治
      hcCity: 0, // only once the county forwards it
      hcYz: 0,
      zfwWz: 1,
      admin: 0,
    });
    expect((await about('yzSecurity', yz.caseNumber)).map((n) => n.ruleId)).toEqual(['incident-reported']);
    expect(await about('centralSecurity', yz.caseNumber)).toEqual([]);
    expect(await about('hcYz', yz.caseNumber)).toEqual([]); // not major

    const [alarm] = await about('office', central.caseNumber);
    expect(alarm).toMatchObject({ urgency: 'immediate', status: 'unread', link: `/incidents/${central.caseNumber}` });
    expect(alarm.title).toBe('【一键报警】万州区中心医院');

    // Delivered again (a rebalance, a replay): nobody is told twice.
    await publisher.publish([central.envelope]);
    await new Promise((r) => setTimeout(r, 1_500));
    expect(await about('office', central.caseNumber)).toHaveLength(1);
  }, 60_000);

  it('the other rules over Kafka: a forward, a clock warning, a dispute likely to escalate, a supervision — each to its addressees only', async () => {
    const { caseNumber } = await reportIncident('hospital-central', '500101', { major: true });
    await eventually(async () => expect(await about('hcWz', caseNumber)).toHaveLength(1));
    const now = new Date().toISOString();
    const incidentEvent = (type: string, data: Record<string, unknown>) =>
      testEnvelope({ context: 'incidents', type, streamType: 'incident', streamId: `incident-${caseNumber}`, correlationId: caseNumber, data });
    const disputeId = randomUUID();
    const disputeNumber = `500101-20261122-D${String(++sequence).padStart(3, '0')}`;
    const supervisionId = randomUUID();
    await publisher.publish([
      incidentEvent('EscalationForwarded', {
        caseNumber,
        hospitalId: 'hospital-central',
        regionCode: '500101',
        chain: 'health',
        fromLevel: 'county',
        toLevel: 'city',
        forwardedAt: now,
        organisationId: 'hc-wz',
        major: true,
      }),
      incidentEvent('DeadlineWarned', {
        deadlineId: `${caseNumber}/police_arrival`,
        subject: caseNumber,
        rule: 'police-arrival-3min',
        state: 'warned',
        dueAt: now,
        at: now,
        responsibleOrganisationId: 'station-wz',
        supervisingOrganisationId: null,
      }),
      testEnvelope({
        context: 'disputes',
        type: 'DisputeFlaggedAsEscalationRisk',
        streamType: 'dispute',
        streamId: `dispute-${disputeId}`,
        correlationId: disputeNumber,
        data: {
          disputeId,
          caseNumber: disputeNumber,
          hospitalId: 'hospital-second',
          regionCode: '500101',
          flaggedAt: now,
          reasons: ['扬言报复'],
          partyCount: 6,
          incidentId: null,
          flaggedBy: { userId: 'user-centralComplaints', organisationId: 'hospital-second' },
        },
      }),
      testEnvelope({
        context: 'oversight',
        type: 'SupervisionStarted',
        streamType: 'supervision',
        streamId: `supervision-${supervisionId}`,
        correlationId: caseNumber,
        data: {
          supervisionId,
          caseNumber,
          regionCode: '500101',
          hospitalId: 'hospital-central',
          supervisorOrganisationId: 'hc-wz',
          supervisorKind: 'health_commission',
          instructions: '督促尽快查处',
          dueAt: now,
          startedAt: now,
          deadlineId: `supervision-${supervisionId}`,
        },
      }),
    ]);
    const byRule = async (name: Who, ruleId: string, ofCase = caseNumber) => (await about(name, ofCase)).filter((n) => n.ruleId === ruleId);
    const whoGot = async (ruleId: string, ofCase = caseNumber) => {
      const got: string[] = [];
      for (const name of Object.keys(who) as Who[]) if ((await byRule(name, ruleId, ofCase)).length > 0) got.push(name);
      return got.sort();
    };
    await eventually(async () => expect(await byRule('hcCity', 'escalation-forwarded')).toHaveLength(1));
    expect(await whoGot('escalation-forwarded')).toEqual(['hcCity']);
    await eventually(async () => expect(await byRule('dispatcher', 'deadline-warned')).toHaveLength(1));
    expect(await whoGot('deadline-warned')).toEqual(['chief', 'dispatcher']); // the station responsible, every case-working role
    await eventually(async () => expect(await byRule('hcWz', 'dispute-escalation-risk', disputeNumber)).toHaveLength(1));
    expect(await whoGot('dispute-escalation-risk', disputeNumber)).toEqual(['chief', 'dispatcher', 'hcWz']);
    await eventually(async () => expect(await byRule('centralSecurity', 'supervision-started')).toHaveLength(1));
    // The units working the case: its hospital (every case-working role) — no police unit was dispatched to it.
    expect(await whoGot('supervision-started')).toEqual(['centralComplaints', 'centralSecurity']);
  }, 90_000);

  it('read, then acknowledged: for the whole addressee organisation, and an event in the case history', async () => {
    const { caseNumber } = await reportIncident('hospital-central', '500101');
    await eventually(async () => expect(await about('dispatcher', caseNumber)).toHaveLength(1));
    const [n] = await about('dispatcher', caseNumber);
    expect((await as('dispatcher').post(`/notifications/${n.notificationId}/read`).expect(200)).body.status).toBe('read');
    expect((await about('chief', caseNumber)).length).toBe(0);
    await as('centralSecurity').post(`/notifications/${n.notificationId}/acknowledge`).expect(404); // not theirs
    const acked = await as('dispatcher').post(`/notifications/${n.notificationId}/acknowledge`).expect(200);
    expect(acked.body).toMatchObject({ status: 'acknowledged', acknowledgedBy: 'user-dispatcher' });
    await as('dispatcher').post(`/notifications/${n.notificationId}/acknowledge`).expect(200); // again: nothing new

    const runtime = app.get<ServiceRuntime>(runtimeToken('notifications'));
    const history = await runtime.store.readStream(`notification-${String(n.notificationId)}`);
    expect(history.map((e) => [e.type, e.correlationId, e.actor.userId])).toEqual([
      ['NotificationAcknowledged', caseNumber, 'user-dispatcher'],
    ]);
    const unread = await as('dispatcher').get('/notifications?status=unread&limit=200').expect(200);
    expect(unread.body.items.some((i: { notificationId: string }) => i.notificationId === n.notificationId)).toBe(false);
  }, 60_000);

  it('a high-risk person’s arrival: hospital, police office and station, with what to do and nothing of who', async () => {
    const personId = randomUUID();
    await publisher.publish([
      testEnvelope({
        context: 'high-risk-persons',
        type: 'ArrivalAlertRaised',
        streamType: 'high-risk-person',
        streamId: `high-risk-person-${personId}`,
        correlationId: personId,
        data: {
          personId,
          regionCode: '500101',
          alertId: randomUUID(),
          flagNo: 1,
          hospitalId: 'hospital-central',
          hospitalRegionCode: '500101',
          categories: ['threatened_violence'],
          advice: ['security_escort', 'notify_police'],
          checkedAt: new Date().toISOString(),
        },
      }),
    ]);
    const alerts = async (name: Who) => (await inbox(name)).filter((n) => n.ruleId === 'high-risk-arrival');
    await eventually(async () => expect(await alerts('dispatcher')).toHaveLength(1));
    const hospital = await alerts('centralSecurity');
    expect(hospital).toHaveLength(1);
    expect(hospital[0].body).toContain('安保陪诊、通知公安');
    expect(JSON.stringify(hospital)).not.toContain(personId);
    expect((await alerts('office'))[0].link).toBe(`/high-risk-persons/${personId}`);
    expect(await alerts('yzSecurity')).toEqual([]);
    expect(await alerts('secondSecurity')).toEqual([]);
  }, 60_000);

  it('a self-inspection return not filed in time: the hospital and the commission that set it are told, no other', async () => {
    const returnId = randomUUID();
    const deadlineId = `${returnId}/hospital-central`;
    await publisher.publish([
      testEnvelope({
        context: 'security-ledger',
        type: 'DeadlineBreached',
        streamType: 'deadline',
        streamId: `deadline-${deadlineId}`,
        correlationId: returnId,
        data: {
          deadlineId,
          subject: 'hospital-central',
          rule: 'self-inspection-return',
          state: 'breached',
          dueAt: new Date().toISOString(),
          at: new Date().toISOString(),
          responsibleOrganisationId: 'hospital-central',
          supervisingOrganisationId: 'hc-wz',
        },
      }),
    ]);
    const breaches = async (name: Who) => (await about(name, returnId)).filter((n) => n.ruleId === 'deadline-breached');
    await eventually(async () => expect(await breaches('hcWz')).toHaveLength(1));
    expect(await breaches('centralSecurity')).toHaveLength(1);
    expect((await breaches('hcWz'))[0].title).toContain('【超时】');
    expect(await breaches('hcYz')).toEqual([]);
    expect(await breaches('secondSecurity')).toEqual([]);
  }, 60_000);

  it('an administrator overrides a rule for a county only; a region outside theirs is refused', async () => {
    await as('admin')
      .put('/notifications/rules/incident-reported/regions/500101', { urgency: 'high' })
      .expect(200)
      .expect((res) => expect(res.body).toMatchObject({ id: 'incident-reported', urgency: 'high', enabled: true }));
    await as('admin').put('/notifications/rules/incident-reported/regions/500103', { urgency: 'high' }).expect(403);
    await as('dispatcher').put('/notifications/rules/incident-reported/regions/500101', { urgency: 'high' }).expect(403);
    const bad = await as('admin').put('/notifications/rules/incident-reported/regions/500101', { urgency: 'whenever' }).expect(400);
    expect(bad.headers['content-type']).toMatch(/problem\+json/);
    const { caseNumber } = await reportIncident('hospital-central', '500101');
    const yz = await reportIncident('hospital-yz', '500103');
    await eventually(async () => expect(await about('office', caseNumber)).toHaveLength(1));
    await eventually(async () => expect(await about('yzDispatcher', yz.caseNumber)).toHaveLength(1));
    expect((await about('office', caseNumber))[0].urgency).toBe('high');
    expect((await about('yzDispatcher', yz.caseNumber))[0].urgency).toBe('immediate');
    await request(app.getHttpServer())
      .delete('/notifications/rules/incident-reported/regions/500101')
      .set('authorization', `Bearer ${tokens.get('admin')}`)
      .expect(200);
  }, 60_000);

  it('a webhook receiver down for 30 s, then back, receives every message exactly once, each signature verifiable from the docs', async () => {
    const received: { key: string; verdict: string | null; body: Record<string, unknown> }[] = [];
    const seen = new Set<string>();
    const receiver = (): Server =>
      createServer((req, res) => {
        let raw = '';
        req.setEncoding('utf8');
        req.on('data', (chunk: string) => (raw += chunk));
        req.on('end', () => {
          const verdict = verifyWebhook(req.headers, raw, seen, Math.floor(Date.now() / 1000));
          received.push({ key: String(req.headers['idempotency-key']), verdict, body: JSON.parse(raw) as Record<string, unknown> });
          res.writeHead(verdict === null || verdict === 'duplicate' ? 200 : 401).end();
        });
      });
    // Learn a free port, then keep it closed: the receiver is down.
    let server = receiver();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as AddressInfo).port;
    await new Promise<void>((r) => server.close(() => r()));

    const channel = await as('admin')
      .post('/notifications/channels', {
        organisationId: 'office-central',
        kind: 'webhook',
        name: '警务室指挥平台',
        settings: { url: `http://127.0.0.1:${port}/pingan` },
        secrets: { signingSecret: SIGNING_SECRET },
      })
      .expect(201);
    expect(JSON.stringify(channel.body)).not.toContain(SIGNING_SECRET);
    expect(channel.body.secretNames).toEqual(['signingSecret']);

    const cases = [];
    for (let i = 0; i < 3; i++) cases.push((await reportIncident('hospital-central', '500101')).caseNumber);
    const deliveries = async () =>
      (await as('admin').get('/notifications/deliveries?limit=200').expect(200)).body.items.filter(
        (d: { channelId: string }) => d.channelId === channel.body.channelId,
      ) as { status: string; attempts: number; lastError: string | null; notificationId: string }[];
    await eventually(async () => {
      const log = await deliveries();
      expect(log).toHaveLength(3);
      expect(log.every((d) => d.attempts >= 2 && d.status === 'pending')).toBe(true);
    }, 20_000);

    await new Promise((r) => setTimeout(r, 30_000)); // down for 30 s in all
    const failing = await deliveries();
    expect(failing.every((d) => d.status === 'pending' && /ECONNREFUSED/.test(d.lastError ?? ''))).toBe(true);

    server = receiver();
    await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
    try {
      await eventually(async () => expect((await deliveries()).every((d) => d.status === 'delivered')).toBe(true), 20_000);
      await new Promise((r) => setTimeout(r, 1_500)); // nothing more arrives
      expect(received.map((r) => r.verdict)).toEqual([null, null, null]);
      expect(new Set(received.map((r) => r.key)).size).toBe(3);
      const caseNumbers = received.map((r) => (r.body.notification as { caseNumber: string }).caseNumber).sort();
      expect(caseNumbers).toEqual([...cases].sort());
      // The log per notification shows every attempt.
      const [first] = await deliveries();
      const log = await as('admin').get(`/notifications/${first.notificationId}/deliveries`).expect(200);
      expect(log.body.items[0].attempts.at(-1)).toMatchObject({ outcome: 'delivered' });
      expect(log.body.items[0].attempts.length).toBeGreaterThan(5);
    } finally {
      await new Promise<void>((r) => server.close(() => r()));
    }
    await request(app.getHttpServer())
      .delete(`/notifications/channels/${channel.body.channelId}`)
      .set('authorization', `Bearer ${tokens.get('admin')}`)
      .expect(200);
  }, 90_000);

  it('emails a major incident over SMTP with a Chinese subject and body', async () => {
    const mails: { subject?: string; text?: string; messageId?: string }[] = [];
    const smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, _session, callback) {
        simpleParser(stream)
          .then((mail) => mails.push({ subject: mail.subject, text: mail.text, messageId: mail.messageId }))
          .then(() => callback(), callback);
      },
    });
    await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', r));
    const port = (smtp.server.address() as AddressInfo).port;
    try {
      await as('admin')
        .post('/notifications/channels', {
          organisationId: 'hc-wz',
          kind: 'email',
          name: '区卫健委值班邮箱',
          minUrgency: 'immediate',
          settings: { host: '127.0.0.1', port, from: 'pingan@wz.example', to: ['duty@hc-wz.example'] },
          secrets: {},
        })
        .expect(201);
      const { caseNumber } = await reportIncident('hospital-central', '500101', { major: true, channel: 'hospital_report' });
      await eventually(() => expect(mails).toHaveLength(1), 20_000);
      expect(mails[0].subject).toBe('【重大涉医事件】万州区中心医院');
      expect(mails[0].text).toContain(`案件编号 ${caseNumber} 已定为重大事件`);
      expect(mails[0].messageId).toMatch(/@pingan>$/);
    } finally {
      await new Promise<void>((r) => smtp.close(() => r()));
    }
  }, 60_000);

  it('escalates an alarm nobody acknowledged in time to the station chief', async () => {
    const { caseNumber } = await reportIncident('hospital-second', '500101');
    await eventually(async () => expect(await about('dispatcher', caseNumber)).toHaveLength(1));
    expect(await about('chief', caseNumber)).toHaveLength(0);
    clockOffsetMs = 4 * 60_000; // past the rule's 3 minutes
    try {
      await app.get(DeliveryWorker).tick();
      await eventually(async () => expect(await about('chief', caseNumber)).toHaveLength(1));
      const [escalated] = await about('chief', caseNumber);
      expect(escalated.title).toMatch(/^【未确认·升级】/);
      expect(escalated.escalationOf).toBeTruthy();
      await app.get(DeliveryWorker).tick();
      expect(await about('chief', caseNumber)).toHaveLength(1); // once
    } finally {
      clockOffsetMs = 0;
    }
  }, 60_000);

  describe('the live stream (SSE)', () => {
    type Frame = { id: string; item: { caseNumber: string | null; seq: number } };

    async function open(name: Who, lastEventId?: string): Promise<{ frames: Frame[]; source: EventSource; ready: Promise<string> }> {
      const ticket = (await as(name).post('/notifications/stream-tickets').expect(201)).body as { url: string };
      const frames: Frame[] = [];
      const url = `${base}${ticket.url}${lastEventId ? `&lastEventId=${lastEventId}` : ''}`;
      const source = new EventSource(url);
      source.addEventListener('notification', (e) => frames.push({ id: e.lastEventId, item: JSON.parse(e.data) as Frame['item'] }));
      const ready = new Promise<string>((resolve, reject) => {
        source.addEventListener('ready', (e) => resolve(e.lastEventId));
        source.onerror = () => reject(new Error(`stream of ${name} failed`));
      });
      await ready;
      return { frames, source, ready };
    }

    it('delivers to two users of different organisations only what each may see', async () => {
      const central = await open('centralSecurity');
      const yz = await open('yzSecurity');
      try {
        const a = await reportIncident('hospital-central', '500101');
        const b = await reportIncident('hospital-yz', '500103');
        await eventually(() => expect(central.frames.map((f) => f.item.caseNumber)).toContain(a.caseNumber));
        await eventually(() => expect(yz.frames.map((f) => f.item.caseNumber)).toContain(b.caseNumber));
        await new Promise((r) => setTimeout(r, 1_000));
        expect(central.frames.map((f) => f.item.caseNumber)).toEqual([a.caseNumber]);
        expect(yz.frames.map((f) => f.item.caseNumber)).toEqual([b.caseNumber]);
      } finally {
        central.source.close();
        yz.source.close();
      }
    }, 60_000);

    it('rejects a ticket that is not one, and a stream without any credentials', async () => {
      const forged = await request(app.getHttpServer()).get('/notifications/stream?ticket=forged').expect(401);
      expect(forged.body.code).toBe('ACCESS.UNAUTHENTICATED');
      await request(app.getHttpServer()).get('/notifications/stream').expect(401);
    });

    it('reconnecting with Last-Event-ID misses nothing and repeats nothing', async () => {
      const first = await open('dispatcher');
      const one = await reportIncident('hospital-central', '500101');
      await eventually(() => expect(first.frames.map((f) => f.item.caseNumber)).toContain(one.caseNumber));
      const lastEventId = first.frames.at(-1)!.id;
      first.source.close();

      // While disconnected: two more alarms.
      const two = await reportIncident('hospital-central', '500101');
      const three = await reportIncident('hospital-second', '500101');
      await eventually(async () => expect(await about('dispatcher', three.caseNumber)).toHaveLength(1));

      // Back, the way EventSource reconnects (the Last-Event-ID header), here over fetch to set it.
      const ticket = (await as('dispatcher').post('/notifications/stream-tickets').expect(201)).body as { url: string };
      const controller = new AbortController();
      const response = await fetch(`${base}${ticket.url}`, { headers: { 'last-event-id': lastEventId }, signal: controller.signal });
      expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
      const reader = response.body!.getReader();
      let text = '';
      const decoder = new TextDecoder();
      while (!text.includes('event: ready')) text += decoder.decode((await reader.read()).value, { stream: true });
      controller.abort();
      const resumed = text
        .split('\n\n')
        .filter((block) => block.includes('event: notification'))
        .map(
          (block) =>
            JSON.parse(
              block
                .split('\n')
                .find((l) => l.startsWith('data: '))!
                .slice(6),
            ) as Frame['item'],
        );
      expect(resumed.map((i) => i.caseNumber)).toEqual([two.caseNumber, three.caseNumber]);
      expect(resumed.every((i) => i.seq > Number(lastEventId))).toBe(true);

      // And with ?lastEventId= for a new EventSource (it cannot set the header itself).
      const again = await open('dispatcher', lastEventId);
      try {
        expect(again.frames.map((f) => f.item.caseNumber)).toEqual([two.caseNumber, three.caseNumber]);
      } finally {
        again.source.close();
      }
    }, 60_000);
  });
});
