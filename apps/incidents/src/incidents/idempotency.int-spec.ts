import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { CLOCK, IDEMPOTENCY_KEY_TTL_MS, PlatformModule } from '@pingan/platform';
import { asCaller, closeAppAndDatabase, createTestDatabase, type TestDatabase, testAccessTokenKeys } from '@pingan/testing';
import { randomUUID } from 'node:crypto';
import { IncidentsModule } from '../incidents.module.js';
import { PRINCIPALS, claimsOf, hospitalFacts, minutesBefore, seedTestDirectory, type Who } from '../incidents.fixture.js';

/**
 * Idempotency-Key on the report of an incident, on real PostgreSQL (the platform's interceptor,
 * which every command route of every app has): a retry is answered with the first answer and
 * records nothing, a key reused for another report is refused, concurrent duplicates run once.
 */
describe('reporting an incident with an Idempotency-Key', () => {
  const saved = { ...process.env };
  const keys = testAccessTokenKeys();
  const tokens = new Map<Who, string>();
  let database: TestDatabase;
  let app: INestApplication;
  let offset = 0; // moves the app's clock (keys expire by it)

  const as = (who: Who) => asCaller(app, tokens.get(who));
  const report = (marker: string) => ({
    hospital: hospitalFacts('hosp-a'),
    occurredAt: minutesBefore(new Date(), 30),
    intake: { channel: 'hospital_report', location: '门诊大厅', partiesCount: 2, behaviour: `辱骂护士 ${marker}`, anyoneInjured: false },
  });
  const reportWithKey = (key: string, body: object, who: Who = 'hospitalA') => as(who).post('/incidents', body).set('Idempotency-Key', key);
  /** Incidents whose behaviour carries the marker, as the list shows them. */
  const incidentsMarked = async (marker: string) =>
    (
      await as('hospitalA')
        .get(`/incidents?q=${encodeURIComponent(marker)}`)
        .expect(200)
    ).body.total;
  const sequenceOf = (caseNumber: string) => Number(caseNumber.split('-')[2]);

  beforeAll(async () => {
    database = await createTestDatabase('incidents_idempotency');
    Object.assign(process.env, { DATABASE_URL: database.url, LOG_LEVEL: 'fatal', ...keys.env });
    for (const [who, principal] of Object.entries(PRINCIPALS)) tokens.set(who as Who, await keys.tokenFor(claimsOf(principal)));
    const moduleRef = await Test.createTestingModule({
      imports: [PlatformModule.forRoot({ service: 'incidents', inProcessBus: true }), IncidentsModule],
    })
      .overrideProvider(CLOCK)
      .useValue(() => new Date(Date.now() + offset))
      .compile();
    app = moduleRef.createNestApplication();
    await app.listen(0, '127.0.0.1'); // parallel requests below share one listening server
    await seedTestDirectory(app);
  }, 60_000);

  afterAll(() => closeAppAndDatabase(app, saved, database));

  it('answers 20 retries with the first answer: one incident, one case number, none used up', async () => {
    const key = randomUUID();
    const body = report('retry-20');
    const first = await reportWithKey(key, body).expect(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    for (let retry = 0; retry < 20; retry++) {
      const again = await reportWithKey(key, body).expect(201);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(again.body).toEqual(first.body);
    }
    // The same body with its fields in another order is the same request.
    const reordered = await reportWithKey(key, { intake: body.intake, occurredAt: body.occurredAt, hospital: body.hospital }).expect(201);
    expect(reordered.body.caseNumber).toBe(first.body.caseNumber);
    expect(await incidentsMarked('retry-20')).toBe(1);

    // The retries allocated no case numbers: the next report has the next one.
    const next = await reportWithKey(randomUUID(), report('next-after-retries')).expect(201);
    expect(sequenceOf(next.body.caseNumber)).toBe(sequenceOf(first.body.caseNumber) + 1);
  });

  it('refuses the same key with another body (422 naming the header) and records nothing for it', async () => {
    const key = randomUUID();
    const body = report('reuse-first');
    const first = await reportWithKey(key, body).expect(201);
    const reused = await reportWithKey(key, report('reuse-second')).expect(422);
    expect(reused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(reused.body).toMatchObject({ code: 'REQUEST.IDEMPOTENCY_KEY_REUSED', status: 422 });
    expect(reused.body.errors).toEqual([expect.objectContaining({ field: 'Idempotency-Key' })]);
    expect(await incidentsMarked('reuse-second')).toBe(0);
    // The first answer is still the key's.
    expect((await reportWithKey(key, body).expect(201)).body.caseNumber).toBe(first.body.caseNumber);
  });

  it('runs concurrent duplicates once: one incident, the others told it is in flight or given its answer', async () => {
    const key = randomUUID();
    const body = report('concurrent');
    const answers = await Promise.all(Array.from({ length: 12 }, () => reportWithKey(key, body)));
    const created = answers.filter((answer) => answer.status === 201);
    const inFlight = answers.filter((answer) => answer.status === 409);
    expect(created.length + inFlight.length).toBe(answers.length);
    expect(created.length).toBeGreaterThanOrEqual(1);
    expect(new Set(created.map((answer) => answer.body.caseNumber)).size).toBe(1);
    for (const answer of inFlight) {
      expect(answer.body).toMatchObject({ code: 'REQUEST.IDEMPOTENCY_KEY_IN_FLIGHT', status: 409 });
      expect(answer.headers['retry-after']).toBe('1');
    }
    expect(await incidentsMarked('concurrent')).toBe(1);
    // Once it has answered, a retry gets that answer.
    const retry = await reportWithKey(key, body).expect(201);
    expect(retry.body.caseNumber).toBe(created[0].body.caseNumber);
  });

  it('keeps no failed first request: a rejected report uses no case number and a corrected retry under its key runs', async () => {
    const key = randomUUID();
    const before = await reportWithKey(randomUUID(), report('prior-report')).expect(201);
    const bad = report('rejected');
    await reportWithKey(key, { ...bad, intake: { ...bad.intake, partiesCount: -1 } }).expect(400);
    // Refused inside the report's transaction, after its number was drawn: the number goes back.
    const future = await reportWithKey(key, { ...bad, occurredAt: new Date(Date.now() + 3_600_000).toISOString() });
    expect(future.status).toBe(422);
    expect(await incidentsMarked('rejected')).toBe(0);
    const corrected = await reportWithKey(key, bad).expect(201);
    expect(sequenceOf(corrected.body.caseNumber)).toBe(sequenceOf(before.body.caseNumber) + 1);
  });

  it('scopes a key by caller: another reporter with the same key makes a report of their own', async () => {
    const key = randomUUID();
    const mine = await reportWithKey(key, report('scope')).expect(201);
    const theirs = await reportWithKey(key, { ...report('scope'), hospital: hospitalFacts('hosp-b') }, 'hospitalB').expect(201);
    expect(theirs.headers['idempotent-replayed']).toBeUndefined();
    expect(theirs.body.caseNumber).not.toBe(mine.body.caseNumber);
  });

  it('refuses a key that is no key with a 400 naming the header, before anything is recorded', async () => {
    // 256 characters, only spaces, a Latin-1 letter (what Node lets a header carry beyond ASCII).
    for (const key of ['x'.repeat(256), '"  "', 'clé']) {
      const res = await as('hospitalA').post('/incidents', report('bad-key')).set('Idempotency-Key', key).expect(400);
      expect(res.body).toMatchObject({ code: 'REQUEST.IDEMPOTENCY_KEY_INVALID' });
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'Idempotency-Key' })]);
    }
    expect(await incidentsMarked('bad-key')).toBe(0);
  });

  it('forgets a key once it has expired: the same key then makes a new report', async () => {
    const key = randomUUID();
    const body = report('expiry');
    const first = await reportWithKey(key, body).expect(201);
    offset = IDEMPOTENCY_KEY_TTL_MS + 60_000;
    // Another body under the key: before expiry a 422 (above), after it a new request.
    const later = await reportWithKey(key, { ...body, occurredAt: new Date(Date.now() + offset - 60_000).toISOString() }).expect(201);
    expect(later.headers['idempotent-replayed']).toBeUndefined();
    expect(later.body.caseNumber).not.toBe(first.body.caseNumber);
  });
});
