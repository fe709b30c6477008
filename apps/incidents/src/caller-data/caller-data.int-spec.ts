import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { eventsTopic } from '@pingan/contracts';
import { runtimeClockToken } from '@pingan/platform';
import {
  asCaller,
  closeAppAndDatabase,
  createTestDatabase,
  eventually,
  testAccessTokenKeys,
  testKafkaBrokers,
  type TestDatabase,
} from '@pingan/testing';
import { Kafka, logLevel, type Consumer } from 'kafkajs';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { INCIDENTS_CONTEXT_NAME } from '../incidents.context.js';
import { PRINCIPALS, claimsOf, hospitalFacts, minutesBefore, seedTestDirectory, type Who } from '../incidents.fixture.js';
import { CALLER_MASTER_KEY_ENV } from './caller-keys.js';

const NAME = '王报警';
const PHONE = '13987650042';
const DAY = 86_400_000;

/**
 * The 110 caller's personal data over real PostgreSQL and real Kafka (AppModule, as the service
 * runs on its own): the events table, the list and the raw Kafka message carry neither name nor
 * phone; police of the case read them (audited), the hospital and the commission do not; after
 * the retention period an administrator set, the sweep erases them (CallerDataErased, key gone).
 */
describe('110 callers’ personal data', () => {
  const saved = { ...process.env };
  const keys = testAccessTokenKeys();
  const tokens = new Map<Who, string>();
  const raw: string[] = [];
  let offsetMs = 0;
  let database: TestDatabase;
  let app: INestApplication;
  let pool: pg.Pool;
  let observer: Consumer;

  beforeAll(async () => {
    database = await createTestDatabase('incidents_callers');
    Object.assign(process.env, {
      DATABASE_URL: database.url,
      KAFKA_BROKERS: testKafkaBrokers().join(','),
      LOG_LEVEL: 'fatal',
      [CALLER_MASTER_KEY_ENV]: randomBytes(32).toString('base64'),
      ...keys.env,
    });
    for (const [who, principal] of Object.entries(PRINCIPALS)) tokens.set(who as Who, await keys.tokenFor(claimsOf(principal)));
    const { AppModule } = await import('../app.module.js');
    app = (
      await Test.createTestingModule({ imports: [AppModule] })
        // The case's clock, moved past the retention period; tokens keep the real one.
        .overrideProvider(runtimeClockToken(INCIDENTS_CONTEXT_NAME))
        .useValue(() => new Date(Date.now() + offsetMs))
        .compile()
    ).createNestApplication();
    await app.init();
    await seedTestDirectory(app);
    pool = new pg.Pool({ connectionString: database.url, max: 2 });
    // An outside observer of the topic: the messages as bytes, before any decoding.
    const kafka = new Kafka({ clientId: 'caller-observer', brokers: testKafkaBrokers(), logLevel: logLevel.NOTHING });
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic: eventsTopic('incidents') }], waitForLeaders: true }); // false if it exists
    await admin.disconnect();
    observer = kafka.consumer({ groupId: `caller-observer-${Date.now()}` });
    await observer.connect();
    await observer.subscribe({ topics: [eventsTopic('incidents')], fromBeginning: true });
    await observer.run({ eachMessage: async ({ message }) => void raw.push(message.value?.toString('utf8') ?? '') });
  }, 120_000);

  afterAll(async () => {
    await observer?.disconnect();
    await pool?.end();
    await closeAppAndDatabase(app, saved, database);
  }, 60_000);

  const as = (who: Who) => asCaller(app, tokens.get(who));
  const sql = async <T>(text: string, params: unknown[] = []): Promise<T[]> => (await pool.query(text, params)).rows as T[];
  let caseNumber = '';

  it('the events table, the list and the Kafka message carry the caller only as ciphertext', async () => {
    const now = new Date();
    const reported = await as('dispatcher')
      .post('/incidents', {
        hospital: hospitalFacts('hosp-a'),
        occurredAt: minutesBefore(now, 10),
        intake: { channel: 'call_110', callReceivedAt: minutesBefore(now, 9), caller: { name: NAME, phone: PHONE }, description: '急诊科有人闹事' },
      })
      .expect(201);
    caseNumber = reported.body.caseNumber;
    expect(JSON.stringify(reported.body)).not.toContain(PHONE);

    const [event] = await sql<{ data: string }>(`SELECT data::text AS data FROM incidents.events WHERE stream_id = $1 AND version = 1`, [
      `incident-${caseNumber}`,
    ]);
    expect(event.data).toContain('"sealed"');
    expect(event.data).not.toContain(PHONE);
    expect(event.data).not.toContain(NAME);
    // The whole schema: no table (outbox, list, anything) holds the phone in plain text.
    await as('dispatcher').get('/incidents').expect(200); // the list caught up
    const tables = await sql<{ table_name: string }>(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'incidents'`);
    for (const { table_name } of tables) {
      const hits = await sql(`SELECT 1 FROM incidents.${table_name} t WHERE t::text LIKE $1 OR t::text LIKE $2`, [`%${PHONE}%`, `%${NAME}%`]);
      expect({ table_name, hits: hits.length }).toEqual({ table_name, hits: 0 });
    }
    const [key] = await sql<{ wrapped_key: string | null }>(`SELECT wrapped_key FROM incidents.caller_keys WHERE record_id = $1`, [caseNumber]);
    expect(key.wrapped_key).toEqual(expect.any(String));

    await eventually(() => expect(raw.some((m) => m.includes(caseNumber) && m.includes('IncidentReported'))).toBe(true), 60_000);
    const message = raw.find((m) => m.includes(caseNumber) && m.includes('IncidentReported'))!;
    expect(message).toContain('"sealed"');
    expect(message).not.toContain(PHONE);
    expect(message).not.toContain(NAME);
  }, 90_000);

  it('police of the case read the caller, and the read is audited; the hospital and the commission see it withheld; another hospital nothing', async () => {
    const read = await as('dispatcher').get(`/incidents/${caseNumber}`).set('x-access-purpose', encodeURIComponent('回访报警人')).expect(200);
    expect(read.body.incident.intake.caller).toEqual({ name: NAME, phone: PHONE, status: 'shown' });
    expect(read.body.history[0].data.intake.caller).toEqual({ name: NAME, phone: PHONE, status: 'shown' });
    const audited = await sql<{ data: { recordType: string; recordId: string; readerUserId: string; purpose: string } }>(
      `SELECT data FROM incidents.events WHERE type = 'SensitiveRecordRead' AND data->>'recordId' = $1`,
      [caseNumber],
    );
    expect(audited.map((row) => row.data)).toEqual([
      expect.objectContaining({ recordType: 'incident-caller', recordId: caseNumber, readerUserId: 'disp-wz', purpose: '回访报警人' }),
    ]);

    for (const who of ['hospitalA', 'countyHc'] as const) {
      const seen = await as(who).get(`/incidents/${caseNumber}`).expect(200);
      expect(seen.body.incident.intake.caller).toEqual({ name: null, phone: null, status: 'withheld' });
      expect(JSON.stringify(seen.body)).not.toContain(PHONE);
    }
    await as('hospitalB').get(`/incidents/${caseNumber}`).expect(403);
    // Only the police read was audited.
    expect(await sql(`SELECT 1 FROM incidents.events WHERE type = 'SensitiveRecordRead' AND data->>'recordId' = $1`, [caseNumber])).toHaveLength(1);
  });

  it('a system administrator sets the retention; after it the sweep erases the caller and records it', async () => {
    expect((await as('admin').get('/incidents/settings/caller-data-retention').expect(200)).body).toMatchObject({ retentionDays: 365, isDefault: true });
    await as('dispatcher').put('/incidents/settings/caller-data-retention', { days: 30 }).expect(403);
    await as('admin').put('/incidents/settings/caller-data-retention', { days: 5 }).expect(400);
    expect((await as('admin').put('/incidents/settings/caller-data-retention', { days: 30 }).expect(200)).body).toMatchObject({
      retentionDays: 30,
      isDefault: false,
      setBy: 'admin-1',
    });
    await as('dispatcher').post(`/incidents/${caseNumber}/close`, { outcome: 'resolved_on_scene' }).expect(200);

    offsetMs = 29 * DAY; // not yet
    expect((await as('admin').post('/incidents/settings/caller-data-retention/sweep').expect(200)).body).toEqual({ erased: [] });
    expect((await as('dispatcher').get(`/incidents/${caseNumber}`).expect(200)).body.incident.intake.caller.status).toBe('shown');

    offsetMs = 30 * DAY + 60_000;
    expect((await as('admin').post('/incidents/settings/caller-data-retention/sweep').expect(200)).body).toEqual({ erased: [caseNumber] });
    const after = await as('dispatcher').get(`/incidents/${caseNumber}`).expect(200);
    expect(after.body.incident.intake.caller).toEqual({ name: null, phone: null, status: 'erased', note: '已按规定删除' });
    expect(after.body.history.at(-1)).toMatchObject({
      type: 'CallerDataErased',
      data: { caseNumber, retentionDays: 30 },
      actor: { userId: 'system' },
    });
    const [key] = await sql<{ wrapped_key: string | null; destroyed_at: Date | null }>(
      `SELECT wrapped_key, destroyed_at FROM incidents.caller_keys WHERE record_id = $1`,
      [caseNumber],
    );
    expect(key).toEqual({ wrapped_key: null, destroyed_at: expect.any(Date) });
    // A second sweep finds nothing more to do.
    expect((await as('admin').post('/incidents/settings/caller-data-retention/sweep').expect(200)).body).toEqual({ erased: [] });
  }, 60_000);
});
