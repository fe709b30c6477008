import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { type PrincipalClaims } from '@pingan/access';
import { type EventEnvelope } from '@pingan/contracts';
import type { MessageBus } from '@pingan/messaging';
import { MESSAGE_BUS, PlatformModule, runtimeClockToken, runtimeToken, type ServiceRuntime } from '@pingan/platform';
import {
  closeAppAndDatabase,
  createTestDatabase,
  seedDirectory,
  testAccessTokenKeys,
  testHospital,
  type TestDatabase,
} from '@pingan/testing';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { ProsecutionModule } from './prosecution.module.js';

const REGION = '500101';
const HOSPITAL = 'hospital-wz-central';
const BUREAU = 'police-wz-bureau';
const PROCURATORATE = 'procuratorate-wz';

describe('prosecution service over HTTP (PostgreSQL, in-process bus, moved clock)', () => {
  const saved = { ...process.env };
  const keys = testAccessTokenKeys();
  let database: TestDatabase;
  let app: INestApplication;
  let runtime: ServiceRuntime;
  let now = new Date('2025-09-30T13:30:00Z'); // Tue 30 Sep 2025, 21:30 in Beijing
  const token: Record<string, string> = {};
  const as = (claims: Partial<PrincipalClaims>) => keys.tokenFor(claims);
  const http = () => request(app.getHttpServer());
  const post = (who: string, path: string, body: object) => http().post(path).set('authorization', `Bearer ${token[who]}`).send(body);
  const get = (who: string, path: string) => http().get(path).set('authorization', `Bearer ${token[who]}`);
  let counter = 0;
  const newCaseNumber = () => `A500101${Date.now().toString(36)}${++counter}`.toUpperCase();

  async function openCase(kind: 'administrative' | 'criminal'): Promise<string> {
    const caseNumber = newCaseNumber();
    await post('officer', '/police-cases', { caseNumber, hospitalId: HOSPITAL, regionCode: REGION, kind, summary: '殴打医生' }).expect(201);
    return caseNumber;
  }
  async function addSuspect(caseNumber: string, name = '张某某'): Promise<string> {
    const res = await post('officer', `/police-cases/${caseNumber}/suspects`, { name }).expect(201);
    return res.body.suspectId;
  }
  // An administrative case also runs its 治安案件 period: pick the ministry-entry clock by its rule.
  const ministry = (c: { rule: string }) => c.rule === 'ministry-system-entry';
  const clockStream = async (deadlineId: string) => (await runtime.store.readStream(`deadline-${deadlineId}`)).map((e) => e.type);

  beforeAll(async () => {
    database = await createTestDatabase('prosecution_app');
    Object.assign(process.env, { DATABASE_URL: database.url, LOG_LEVEL: 'silent', ...keys.env });
    delete process.env.KAFKA_BROKERS;
    const moduleRef = await Test.createTestingModule({
      imports: [PlatformModule.forRoot({ service: 'prosecution', inProcessBus: true }), ProsecutionModule],
    })
      .overrideProvider(runtimeClockToken('prosecution'))
      .useValue(() => now)
      .compile();
    app = moduleRef.createNestApplication();
    await app.init();
    runtime = app.get(runtimeToken('prosecution'));
    // The directory as the gateway publishes it.
    await seedDirectory(
      app.get<MessageBus>(MESSAGE_BUS),
      [runtime.directory],
      [
        testHospital(HOSPITAL, REGION),
        { organisationId: BUREAU, kind: 'police', regionCode: REGION, details: { police: { unitType: 'bureau' } } },
        { organisationId: 'police-wz-station', kind: 'police', regionCode: REGION, parentId: BUREAU },
        { organisationId: 'police-yz', kind: 'police', regionCode: '500103' },
        { organisationId: 'police-wz-city-bureau', kind: 'police', regionCode: '500100', details: { police: { unitType: 'bureau' } } },
        { organisationId: PROCURATORATE, kind: 'procuratorate', regionCode: REGION },
        { organisationId: 'court-wz', kind: 'court', regionCode: REGION },
      ],
    );
    token.officer = await as({
      userId: 'u-officer',
      organisationId: BUREAU,
      organisationKind: 'police',
      organisationRegion: REGION,
      roles: ['police_case_officer'],
    });
    token.otherPolice = await as({
      userId: 'u-other',
      organisationId: 'police-yz',
      organisationKind: 'police',
      organisationRegion: '500103',
      roles: ['police_case_officer'],
    });
    token.prosecutor = await as({
      userId: 'u-pros',
      organisationId: PROCURATORATE,
      organisationKind: 'procuratorate',
      organisationRegion: REGION,
      roles: ['prosecutor'],
    });
    token.judge = await as({
      userId: 'u-judge',
      organisationId: 'court-wz',
      organisationKind: 'court',
      organisationRegion: REGION,
      roles: ['judge'],
    });
    token.hospital = await as({
      userId: 'u-hosp',
      organisationId: HOSPITAL,
      organisationKind: 'hospital',
      organisationRegion: REGION,
      roles: ['hospital_security_officer'],
    });
    token.hc = await as({
      userId: 'u-hc',
      organisationId: 'hc-wz',
      organisationKind: 'health_commission',
      organisationRegion: REGION,
      roles: ['health_commission_official'],
      healthCommissionLevel: 'county',
    });
    token.zfw = await as({
      userId: 'u-zfw',
      organisationId: 'zfw-wz',
      organisationKind: 'political_legal',
      organisationRegion: REGION,
      roles: ['political_legal_officer'],
    });
  }, 60_000);

  afterAll(() => closeAppAndDatabase(app, saved, database));

  it('ministry entry: a penalty decided on the evening of 30 Sep 2025 is due at 24:00 of the 3rd working day after, past National Day; warns, then breaches', async () => {
    now = new Date('2025-09-30T13:30:00Z');
    const caseNumber = await openCase('administrative');
    const suspectId = await addSuspect(caseNumber);
    const decided = await post('officer', `/police-cases/${caseNumber}/penalty-decisions`, {
      suspectId,
      penalty: { kind: 'fine', amountYuan: 500 },
      decidedAt: '2025-09-30T13:00:00Z', // 21:00 in Beijing
    }).expect(201);
    const deadlineId = `${caseNumber}:ministry-system-entry:${decided.body.decisionId}`;
    // The answer names the clock the decision started and when it falls due.
    expect(decided.body.clocks.filter(ministry)).toEqual([
      expect.objectContaining({ deadlineId, state: 'running', dueAt: '2025-10-11T16:00:00.000Z' }),
    ]);
    expect(decided.body.case).toMatchObject({ caseNumber });

    const view = await get('officer', `/police-cases/${caseNumber}`).expect(200);
    const clock = view.body.clocks.find((c: { deadlineId: string }) => c.deadlineId === deadlineId);
    // Oct 1–8 off; Thu 9, Fri 10 and the make-up Saturday 11 Oct are the three working days.
    expect(clock).toMatchObject({ rule: 'ministry-system-entry', state: 'running', dueAt: '2025-10-11T16:00:00.000Z', provisional: false });
    expect(view.body.history.map((e: { type: string }) => e.type)).toEqual([
      'CaseAccepted',
      'SuspectAdded',
      'AdministrativePenaltyDecided',
    ]);

    now = new Date(new Date(clock.warnAt).getTime() + 60_000);
    await runtime.sweepDeadlines();
    expect((await get('officer', `/police-cases/${caseNumber}`)).body.clocks.find(ministry).state).toBe('warned');
    now = new Date('2025-10-11T16:00:01Z');
    await runtime.sweepDeadlines();
    const after = await get('officer', `/police-cases/${caseNumber}`).expect(200);
    expect(after.body.clocks.find(ministry)).toMatchObject({ state: 'breached', breachedAt: expect.any(String) });
    expect(await clockStream(deadlineId)).toEqual(['DeadlineStarted', 'DeadlineWarned', 'DeadlineBreached']);
  });

  it('ministry entry recorded in time meets the clock', async () => {
    now = new Date('2025-09-30T13:30:00Z');
    const caseNumber = await openCase('administrative');
    const suspectId = await addSuspect(caseNumber);
    const decided = await post('officer', `/police-cases/${caseNumber}/penalty-decisions`, {
      suspectId,
      penalty: { kind: 'warning' },
      decidedAt: '2025-09-30T13:00:00Z',
    }).expect(201);
    now = new Date('2025-10-09T02:00:00Z');
    await post('officer', `/police-cases/${caseNumber}/ministry-entries`, {
      decisionId: decided.body.decisionId,
      referenceNumber: 'GA-2025-0001',
    }).expect(201);
    now = new Date('2025-10-20T00:00:00Z');
    await runtime.sweepDeadlines();
    const view = await get('officer', `/police-cases/${caseNumber}`).expect(200);
    expect(view.body.clocks.find(ministry)).toMatchObject({ state: 'met', completedAt: '2025-10-09T02:00:00.000Z' });
  });

  it('ministry entry made in time but entered after the breach: the instant it happened meets the clock, the breach is corrected', async () => {
    now = new Date('2025-09-30T13:30:00Z');
    const caseNumber = await openCase('administrative');
    const suspectId = await addSuspect(caseNumber);
    const typo = await post('officer', `/police-cases/${caseNumber}/penalty-decisions`, {
      suspectId,
      penalty: { kind: 'warning' },
      decidedAt: '1970-09-30T13:00:00Z',
    }).expect(422);
    expect(typo.body).toMatchObject({ code: 'OCCURRED_AT.TOO_OLD', errors: [expect.objectContaining({ field: 'decidedAt' })] });
    const decided = await post('officer', `/police-cases/${caseNumber}/penalty-decisions`, {
      suspectId,
      penalty: { kind: 'warning' },
      decidedAt: '2025-09-30T13:00:00Z',
    }).expect(201);
    const deadlineId = `${caseNumber}:ministry-system-entry:${decided.body.decisionId}`;
    now = new Date('2025-10-12T00:00:00Z'); // past the due instant (24:00 of 11 Oct, Beijing): the sweeper breaches
    await runtime.sweepDeadlines();
    expect((await get('officer', `/police-cases/${caseNumber}`)).body.clocks.find(ministry).state).toBe('breached');

    const entry = { decisionId: decided.body.decisionId, referenceNumber: 'GA-2025-0002' };
    // Each bound is a 422 naming the field: in the future, before the case began, absurdly old.
    const future = await post('officer', `/police-cases/${caseNumber}/ministry-entries`, { ...entry, occurredAt: '2025-10-12T00:05:00Z' });
    expect(future.status).toBe(422);
    expect(future.body).toMatchObject({ code: 'OCCURRED_AT.IN_FUTURE', errors: [expect.objectContaining({ field: 'occurredAt' })] });
    const before = await post('officer', `/police-cases/${caseNumber}/ministry-entries`, { ...entry, occurredAt: '2025-09-01T00:00:00Z' });
    expect(before.body).toMatchObject({ code: 'OCCURRED_AT.BEFORE_CASE', errors: [expect.objectContaining({ field: 'occurredAt' })] });
    const old = await post('officer', `/police-cases/${caseNumber}/ministry-entries`, { ...entry, occurredAt: '1970-01-01T00:00:00Z' });
    expect(old.body).toMatchObject({ code: 'OCCURRED_AT.TOO_OLD', errors: [expect.objectContaining({ field: 'occurredAt' })] });
    // Within the allowed skew (the caller's clock a minute ahead) is accepted as now.
    expect(
      (
        await post('officer', `/police-cases/${caseNumber}/ministry-entries`, {
          decisionId: 'no-such-decision',
          referenceNumber: 'x',
          occurredAt: '2025-10-12T00:01:00Z',
        })
      ).body.code,
    ).not.toMatch(/^OCCURRED_AT/);

    // Entered on 12 Oct, made on 10 Oct: met, the breach corrected, recorded-at kept apart from occurred-at.
    const recorded = await post('officer', `/police-cases/${caseNumber}/ministry-entries`, {
      ...entry,
      occurredAt: '2025-10-10T03:00:00Z',
    }).expect(201);
    expect(recorded.body.clocks).toEqual([]); // the penalty decision met the 治安案件 period too
    const view = await get('officer', `/police-cases/${caseNumber}`).expect(200);
    expect(view.body.clocks.find(ministry)).toMatchObject({ state: 'met', completedAt: '2025-10-10T03:00:00.000Z' });
    const last = view.body.history[view.body.history.length - 1];
    expect(last).toMatchObject({ type: 'MinistrySystemEntryRecorded', occurredAt: '2025-10-10T03:00:00.000Z' });
    expect(last.recordedAt).not.toBe(last.occurredAt);
    expect(await clockStream(deadlineId)).toEqual(['DeadlineStarted', 'DeadlineWarned', 'DeadlineBreached', 'DeadlineMet']);
  });

  it('arrest request: 3 days after criminal detention, extended by 2, met by the request; the procuratorate then has 7 days', async () => {
    now = new Date('2025-11-03T02:30:00Z'); // Mon 3 Nov, 10:30 in Beijing
    const caseNumber = await openCase('criminal');
    await post('officer', `/police-cases/${caseNumber}/filing`, {}).expect(201);
    const suspectId = await addSuspect(caseNumber);
    const detained = await post('officer', `/police-cases/${caseNumber}/compulsory-measures`, {
      suspectId,
      measure: 'criminal_detention',
      decidedAt: '2025-11-03T02:00:00Z',
    }).expect(201);
    const arrestClock = `${caseNumber}:arrest-request:${detained.body.measureId}`;
    const clocks = async () =>
      (await get('officer', `/police-cases/${caseNumber}`).expect(200)).body.clocks as {
        deadlineId: string;
        dueAt: string;
        state: string;
      }[];
    expect((await clocks()).find((c) => c.deadlineId === arrestClock)).toMatchObject({
      dueAt: '2025-11-06T16:00:00.000Z',
      state: 'running',
    });

    now = new Date('2025-11-06T08:00:00Z');
    await post('officer', `/police-cases/${caseNumber}/arrest-request-extensions`, {
      suspectId,
      ground: 'special_circumstances',
      explanation: '同案人在逃',
      days: 2,
    }).expect(201);
    // Custody: ends at 24:00 of Sat 8 Nov, never moved past the weekend.
    expect((await clocks()).find((c) => c.deadlineId === arrestClock)).toMatchObject({ dueAt: '2025-11-08T16:00:00.000Z' });
    await post('officer', `/police-cases/${caseNumber}/arrest-request-extensions`, {
      suspectId,
      ground: 'special_circumstances',
      explanation: 'more',
      days: 3,
    }).expect(422);

    now = new Date('2025-11-08T03:00:00Z'); // past 75 % of the extended period
    await runtime.sweepDeadlines();
    const requested = await post('officer', `/police-cases/${caseNumber}/arrest-requests`, {
      suspectId,
      procuratorateId: PROCURATORATE,
    }).expect(201);
    const decisionClock = `${caseNumber}:arrest-decision:${requested.body.requestId}`;
    const afterRequest = await clocks();
    expect(afterRequest.find((c) => c.deadlineId === arrestClock)).toMatchObject({ state: 'met' });
    // The procuratorate's 7 days count from its receipt (received the next morning, entered later that day).
    expect(afterRequest.find((c) => c.deadlineId === decisionClock)).toBeUndefined();
    now = new Date('2025-11-09T06:00:00Z');
    const tooEarly = await post('prosecutor', `/police-cases/${caseNumber}/arrest-decisions`, {
      suspectId,
      outcome: 'approved',
      reason: 'x',
    });
    expect(tooEarly.status).toBe(422);
    expect(tooEarly.body.code).toBe('ARREST_DECISION.REQUEST_NOT_RECEIVED');
    await post('prosecutor', `/police-cases/${caseNumber}/arrest-request-receipt`, {
      suspectId,
      occurredAt: '2025-11-09T01:00:00Z',
    }).expect(201);
    const received = (await clocks()).find((c) => c.deadlineId === decisionClock);
    expect(received).toMatchObject({ state: 'running', dueAt: '2025-11-16T16:00:00.000Z' });
    const beforeRequest = await post('prosecutor', `/police-cases/${caseNumber}/arrest-decisions`, {
      suspectId,
      outcome: 'approved',
      reason: 'x',
      occurredAt: '2025-11-08T23:00:00Z',
    });
    expect(beforeRequest.body).toMatchObject({ code: 'POLICE_CASE.BEFORE_PREVIOUS_STEP' });

    now = new Date('2025-11-10T03:00:00Z');
    await post('prosecutor', `/police-cases/${caseNumber}/arrest-decisions`, { suspectId, outcome: 'approved', reason: '证据确实' }).expect(
      201,
    );
    expect((await clocks()).find((c) => c.deadlineId === decisionClock)).toMatchObject({ state: 'met' });
    expect(await clockStream(arrestClock)).toEqual(['DeadlineStarted', 'DeadlineExtended', 'DeadlineWarned', 'DeadlineMet']);
    // The procuratorate the request went to reads the case now; another unit's police still does not.
    await get('prosecutor', `/police-cases/${caseNumber}`).expect(200);
    await get('otherPolice', `/police-cases/${caseNumber}`).expect(403);
  });

  it('arrest request for a suspect on bail: the procuratorate has 15 calendar days, run across National Day', async () => {
    now = new Date('2025-09-28T02:00:00Z'); // Sun 28 Sep, 10:00 in Beijing
    const caseNumber = await openCase('criminal');
    await post('officer', `/police-cases/${caseNumber}/filing`, {}).expect(201);
    const suspectId = await addSuspect(caseNumber);
    await post('officer', `/police-cases/${caseNumber}/compulsory-measures`, {
      suspectId,
      measure: 'bail',
      decidedAt: '2025-09-28T01:00:00Z',
    }).expect(201);
    const requested = await post('officer', `/police-cases/${caseNumber}/arrest-requests`, {
      suspectId,
      procuratorateId: PROCURATORATE,
    }).expect(201);
    const decisionClock = `${caseNumber}:arrest-decision:${requested.body.requestId}`;
    await post('prosecutor', `/police-cases/${caseNumber}/arrest-request-receipt`, { suspectId }).expect(201);
    const clock = async () =>
      ((await get('officer', `/police-cases/${caseNumber}`).expect(200)).body.clocks as { deadlineId: string }[]).find(
        (c) => c.deadlineId === decisionClock,
      );
    // 24:00 of 13 Oct in Beijing: calendar days, not moved past the holiday.
    expect(await clock()).toMatchObject({ state: 'running', dueAt: '2025-10-13T16:00:00.000Z' });
    now = new Date('2025-10-10T03:00:00Z');
    await post('prosecutor', `/police-cases/${caseNumber}/arrest-decisions`, { suspectId, outcome: 'approved', reason: '证据确实' }).expect(
      201,
    );
    expect(await clock()).toMatchObject({ state: 'met' });
  });

  it('criminal case → arrest request → returned once for supplementary investigation → resubmitted → indicted: every clock met, no false breach', async () => {
    type Clock = { deadlineId: string; rule: string; dueAt: string; state: string };
    now = new Date('2026-01-02T02:00:00Z'); // Fri 2 Jan 2026, 10:00 in Beijing
    const caseNumber = await openCase('criminal');
    // 立案 takes the instant it happened (issue 14, item 3): not before the case began.
    const beforeCase = await post('officer', `/police-cases/${caseNumber}/filing`, { occurredAt: '2026-01-01T02:00:00Z' }).expect(422);
    expect(beforeCase.body).toMatchObject({ code: 'OCCURRED_AT.BEFORE_CASE', errors: [expect.objectContaining({ field: 'occurredAt' })] });
    await post('officer', `/police-cases/${caseNumber}/filing`, { occurredAt: '2026-01-02T02:00:00Z' }).expect(201);
    const suspectId = await addSuspect(caseNumber);
    const clocks = async () => (await get('officer', `/police-cases/${caseNumber}`).expect(200)).body.clocks as Clock[];
    const clock = async (deadlineId: string) => (await clocks()).find((c) => c.deadlineId === deadlineId);
    const detained = await post('officer', `/police-cases/${caseNumber}/compulsory-measures`, {
      suspectId,
      measure: 'criminal_detention',
      decidedAt: '2026-01-02T01:00:00Z',
    }).expect(201);
    await post('officer', `/police-cases/${caseNumber}/ministry-entries`, {
      decisionId: detained.body.measureId,
      referenceNumber: 'MPS-D1',
    }).expect(201);

    now = new Date('2026-01-04T02:00:00Z');
    const requested = await post('officer', `/police-cases/${caseNumber}/arrest-requests`, {
      suspectId,
      procuratorateId: PROCURATORATE,
    }).expect(201);
    // Received the next day: the procuratorate's 7 days count from then (CPL art. 91), to 24:00 of 12 Jan.
    now = new Date('2026-01-05T03:00:00Z');
    await post('prosecutor', `/police-cases/${caseNumber}/arrest-request-receipt`, {
      suspectId,
      occurredAt: '2026-01-05T01:00:00Z',
    }).expect(201);
    expect(await clock(`${caseNumber}:arrest-decision:${requested.body.requestId}`)).toMatchObject({
      state: 'running',
      dueAt: '2026-01-12T16:00:00.000Z',
    });
    now = new Date('2026-01-08T02:00:00Z');
    await post('prosecutor', `/police-cases/${caseNumber}/arrest-decisions`, { suspectId, outcome: 'approved', reason: '证据确实' }).expect(
      201,
    );
    const arrested = await post('officer', `/police-cases/${caseNumber}/compulsory-measures`, {
      suspectId,
      measure: 'arrest',
      decidedAt: '2026-01-08T01:30:00Z',
    }).expect(201);
    await post('officer', `/police-cases/${caseNumber}/ministry-entries`, {
      decisionId: arrested.body.measureId,
      referenceNumber: 'MPS-A1',
    }).expect(201);

    // Transferred on the 9th, entered on the 10th: the month counts from the stated transfer (issue 14, item 3).
    now = new Date('2026-01-10T02:00:00Z');
    const transfer = { suspectIds: [suspectId], procuratorateId: PROCURATORATE };
    const future = await post('officer', `/police-cases/${caseNumber}/prosecution-transfer`, {
      ...transfer,
      occurredAt: '2026-01-11T02:00:00Z',
    }).expect(422);
    expect(future.body).toMatchObject({ code: 'OCCURRED_AT.IN_FUTURE', errors: [expect.objectContaining({ field: 'occurredAt' })] });
    const typo = await post('officer', `/police-cases/${caseNumber}/prosecution-transfer`, {
      ...transfer,
      occurredAt: '1970-01-09T02:00:00Z',
    }).expect(422);
    expect(typo.body).toMatchObject({ code: 'OCCURRED_AT.TOO_OLD', errors: [expect.objectContaining({ field: 'occurredAt' })] });
    await post('officer', `/police-cases/${caseNumber}/prosecution-transfer`, { ...transfer, occurredAt: '2026-01-09T02:00:00Z' }).expect(
      201,
    );
    const firstReview = `${caseNumber}:prosecution-review`;
    expect(await clock(firstReview)).toMatchObject({
      state: 'running',
      startedAt: '2026-01-09T02:00:00.000Z',
      dueAt: '2026-02-09T16:00:00.000Z',
    });

    // Returned on 31 January: the police's month ends with 28 February (custody: not moved), not 30 days on.
    now = new Date('2026-01-31T02:00:00Z');
    const returned = await post('prosecutor', `/police-cases/${caseNumber}/supplementary-investigation`, {
      reason: '补充伤情鉴定意见和监控录像',
    }).expect(201);
    expect(returned.body.events).toEqual(['CaseReturnedForSupplementaryInvestigation']);
    const month = `${caseNumber}:supplementary-investigation:1`;
    expect(await clock(firstReview)).toMatchObject({ state: 'met' });
    expect(await clock(month)).toMatchObject({
      rule: 'supplementary-investigation-in-custody',
      state: 'running',
      dueAt: '2026-02-28T16:00:00.000Z',
    });
    // With the police: the procuratorate cannot indict; only the handling unit resubmits.
    const early = await post('prosecutor', `/police-cases/${caseNumber}/indictment`, {
      suspectIds: [suspectId],
      courtId: 'court-wz',
    }).expect(422);
    expect(early.body.code).toBe('PROSECUTION.NOT_UNDER_REVIEW');
    await post('otherPolice', `/police-cases/${caseNumber}/prosecution-resubmission`, {}).expect(403);
    await post('prosecutor', `/police-cases/${caseNumber}/prosecution-resubmission`, {}).expect(403);

    now = new Date('2026-02-27T02:00:00Z');
    await runtime.sweepDeadlines(); // past the first review's due date and the month's warning: the review stays met
    const resubmitted = await post('officer', `/police-cases/${caseNumber}/prosecution-resubmission`, {}).expect(201);
    expect(resubmitted.body.events).toEqual(['CaseResubmittedForProsecution']);
    const secondReview = `${caseNumber}:prosecution-review:resubmission-1`;
    expect(await clock(month)).toMatchObject({ state: 'met' });
    // 重新计算审查起诉期限: a month from the resubmission.
    expect(await clock(secondReview)).toMatchObject({ state: 'running', dueAt: '2026-03-27T16:00:00.000Z' });
    const again = await post('officer', `/police-cases/${caseNumber}/prosecution-resubmission`, {}).expect(422);
    expect(again.body.code).toBe('PROSECUTION.NOT_RETURNED_TO_POLICE');

    now = new Date('2026-03-20T02:00:00Z');
    await runtime.sweepDeadlines();
    const before = await post('prosecutor', `/police-cases/${caseNumber}/indictment`, {
      suspectIds: [suspectId],
      courtId: 'court-wz',
      occurredAt: '2026-02-20T02:00:00Z', // before the resubmission the review runs from
    }).expect(422);
    expect(before.body).toMatchObject({
      code: 'POLICE_CASE.BEFORE_PREVIOUS_STEP',
      errors: [expect.objectContaining({ field: 'occurredAt' })],
    });
    const indicted = await post('prosecutor', `/police-cases/${caseNumber}/indictment`, {
      suspectIds: [suspectId],
      courtId: 'court-wz',
      occurredAt: '2026-03-19T02:00:00Z',
    }).expect(201);
    expect(indicted.body.events).toEqual(['SuspectsIndicted']);

    now = new Date('2026-04-30T02:00:00Z');
    await runtime.sweepDeadlines();
    const all = await clocks();
    expect(all.filter((c) => c.state !== 'met')).toEqual([]);
    expect(all.map((c) => c.rule).sort()).toEqual(
      [
        'arrest-decision',
        'arrest-request',
        'ministry-system-entry',
        'ministry-system-entry',
        'prosecution-review-in-custody',
        'prosecution-review-in-custody',
        'supplementary-investigation-in-custody',
      ].sort(),
    );
    expect(await clockStream(firstReview)).toEqual(['DeadlineStarted', 'DeadlineMet']);
    expect(await clockStream(secondReview)).toEqual(['DeadlineStarted', 'DeadlineMet']);
    const view = await get('officer', `/police-cases/${caseNumber}`).expect(200);
    expect(view.body.history.find((e: { type: string }) => e.type === 'SuspectsIndicted')).toMatchObject({
      occurredAt: '2026-03-19T02:00:00.000Z',
    });
    const listed = await get('officer', `/police-cases?status=indicted&limit=100`).expect(200);
    expect(JSON.stringify(listed.body)).toContain(caseNumber);
    // The region's name beside its code (issue 14, item 4).
    expect(listed.body.items.find((item: { caseNumber: string }) => item.caseNumber === caseNumber)).toMatchObject({
      regionCode: REGION,
      regionName: expect.stringContaining('万州'),
    });

    // The court's facts take the instant they happened too (issue 14, item 3): the appeal window
    // runs from the verdict as delivered, and an appeal filed in time but entered late meets it.
    await post('judge', `/police-cases/${caseNumber}/trial`, {}).expect(201);
    const verdict = { suspectId, verdict: 'guilty', sentence: { principal: 'fixed_term_imprisonment', termMonths: 12 } };
    const old = await post('judge', `/police-cases/${caseNumber}/verdicts`, { ...verdict, occurredAt: '1970-01-01T00:00:00Z' }).expect(422);
    expect(old.body).toMatchObject({ code: 'OCCURRED_AT.TOO_OLD', errors: [expect.objectContaining({ field: 'occurredAt' })] });
    await post('judge', `/police-cases/${caseNumber}/verdicts`, { ...verdict, occurredAt: '2026-04-28T02:00:00Z' }).expect(201);
    const windowId = `${caseNumber}:appeal-window:${suspectId}`;
    expect(await clock(windowId)).toMatchObject({ state: 'running', startedAt: '2026-04-28T02:00:00.000Z' });
    const beforeVerdict = await post('judge', `/police-cases/${caseNumber}/appeals`, {
      suspectId,
      appellant: 'defendant',
      occurredAt: '2026-04-27T02:00:00Z',
    }).expect(422);
    expect(beforeVerdict.body).toMatchObject({
      code: 'POLICE_CASE.BEFORE_PREVIOUS_STEP',
      errors: [expect.objectContaining({ field: 'occurredAt' })],
    });
    now = new Date('2026-05-20T02:00:00Z'); // entered long after the 10 days
    await post('judge', `/police-cases/${caseNumber}/appeals`, {
      suspectId,
      appellant: 'defendant',
      occurredAt: '2026-05-06T02:00:00Z',
    }).expect(201);
    expect(await clock(windowId)).toMatchObject({ state: 'met', completedAt: '2026-05-06T02:00:00.000Z' });
  });

  it('an incident handed to the police opens one case, even when the event is delivered twice', async () => {
    const bus = app.get<MessageBus>(MESSAGE_BUS);
    const incidentCase = `${REGION}-20251103-${String(1000 + ++counter)}`;
    const ref = { caseNumber: incidentCase, hospitalId: HOSPITAL, regionCode: REGION };
    const envelope = (type: string, data: Record<string, unknown>, version: number): EventEnvelope => ({
      eventId: randomUUID(),
      type,
      schemaVersion: 1,
      context: 'incidents',
      streamId: `incident-${incidentCase}`,
      streamType: 'incident',
      version,
      globalPosition: String(version),
      occurredAt: '2025-11-03T03:00:00.000Z',
      recordedAt: '2025-11-03T03:00:00.000Z',
      actor: { userId: 'u-dispatch', organisationId: 'police-wz-station', role: 'police_dispatcher' },
      correlationId: incidentCase,
      causationId: null,
      data: { ...ref, ...data },
    });
    // Written before the grades were kept apart: the merged 轻伤/轻微伤 count reads as 轻微伤, so not criminal.
    const casualties = { deaths: 0, seriousInjuries: 0, minorInjuries: 1 };
    const closed = envelope(
      'IncidentClosed',
      { outcome: 'handed_to_police_case', closedAt: '2025-11-03T04:00:00.000Z', note: '嫌疑人已控制', major: false },
      4,
    );
    await bus.publish([
      envelope(
        'IncidentReported',
        {
          channel: 'hospital_report',
          intake: {
            channel: 'hospital_report',
            location: '急诊科',
            partiesCount: 2,
            behaviour: '推搡、殴打护士',
            anyoneInjured: true,
            description: null,
          },
          occurredAt: '2025-11-03T02:50:00.000Z',
          reportedAt: '2025-11-03T02:55:00.000Z',
          reportedByOrganisationId: HOSPITAL,
          hasPoliceOffice: true,
          classification: {
            categories: ['assault_on_staff'],
            casualties: { staff: casualties, patients: { deaths: 0, seriousInjuries: 0, minorInjuries: 0 } },
            massIncident: false,
            weaponsInvolved: false,
          },
          major: false,
        },
        1,
      ),
      envelope('PoliceDispatched', { dispatchedAt: '2025-11-03T02:56:00.000Z', unitOrganisationId: BUREAU }, 2),
      envelope('DisturbanceStopped', { stoppedAt: '2025-11-03T03:05:00.000Z' }, 3),
      closed,
    ]);
    await bus.publish([closed]); // redelivered: same event id
    await bus.publish([{ ...closed, eventId: randomUUID() }]); // republished copy under a new id

    const deadline = Date.now() + 10_000;
    let history: { type: string; correlationId: string }[] = [];
    while (Date.now() < deadline) {
      history = await runtime.store.readStream(incidentCase);
      if (history.length > 0) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    await new Promise((r) => setTimeout(r, 500)); // give the duplicates their chance
    history = await runtime.store.readStream(incidentCase);
    expect(history.map((e) => e.type)).toEqual(['CaseAccepted']);
    expect(history[0].correlationId).toBe(incidentCase);
    const view = await get('officer', `/police-cases/${incidentCase}`).expect(200);
    expect(view.body.case).toMatchObject({
      kind: 'administrative',
      handlingUnitId: BUREAU,
      origin: { source: 'incident', incidentId: `incident-${incidentCase}` },
    });
    const list = await get('officer', `/police-cases?unit=${BUREAU}&kind=administrative`).expect(200);
    expect(list.body.items.map((i: { caseNumber: string }) => i.caseNumber)).toContain(incidentCase);
  });

  it('治安案件 from an incident: 30-day period, no 治安调解 before the disturbance is stopped, extended once, met by the agreement', async () => {
    const bus = app.get<MessageBus>(MESSAGE_BUS);
    const incidentCase = `${REGION}-20251103-${String(1000 + ++counter)}`;
    const ref = { caseNumber: incidentCase, hospitalId: HOSPITAL, regionCode: REGION };
    const none = { deaths: 0, seriousInjuries: 0, lightInjuries: 0, slightInjuries: 0 };
    const envelope = (type: string, data: Record<string, unknown>, version: number): EventEnvelope => ({
      eventId: randomUUID(),
      type,
      schemaVersion: 1,
      context: 'incidents',
      streamId: `incident-${incidentCase}`,
      streamType: 'incident',
      version,
      globalPosition: String(version),
      occurredAt: '2025-11-03T03:00:00.000Z',
      recordedAt: '2025-11-03T03:00:00.000Z',
      actor: { userId: 'u-dispatch', organisationId: 'police-wz-station', role: 'police_dispatcher' },
      correlationId: incidentCase,
      causationId: null,
      data: { ...ref, ...data },
    });
    const closed = (version: number) =>
      envelope(
        'IncidentClosed',
        { outcome: 'handed_to_police_case', closedAt: '2025-11-03T04:00:00.000Z', note: null, major: false },
        version,
      );
    const waitFor = async (type: string) => {
      const until = Date.now() + 10_000;
      let types: string[] = [];
      while (Date.now() < until && !types.includes(type)) {
        types = (await runtime.store.readStream(incidentCase)).map((e) => e.type);
        if (!types.includes(type)) await new Promise((r) => setTimeout(r, 50));
      }
      return types;
    };
    // 轻微伤 only: an administrative case (治安案件); handed over before the disturbance was recorded stopped.
    await bus.publish([
      envelope(
        'IncidentReported',
        {
          channel: 'hospital_report',
          intake: {
            channel: 'hospital_report',
            location: '门诊大厅',
            partiesCount: 2,
            behaviour: '辱骂、推搡医生',
            anyoneInjured: true,
            description: null,
          },
          occurredAt: '2025-11-03T02:50:00.000Z',
          reportedAt: '2025-11-03T02:55:00.000Z',
          reportedByOrganisationId: HOSPITAL,
          hasPoliceOffice: true,
          classification: {
            categories: ['threat_intimidation_insult'],
            casualties: { staff: { ...none, slightInjuries: 1 }, patients: none, perpetrators: none, bystanders: none },
            massIncident: false,
            weaponsInvolved: false,
            seriousInjuryPendingAppraisal: false,
          },
          major: false,
        },
        1,
      ),
      envelope('PoliceDispatched', { dispatchedAt: '2025-11-03T02:56:00.000Z', unitOrganisationId: BUREAU }, 2),
      closed(3),
    ]);
    expect(await waitFor('CaseAccepted')).toEqual(['CaseAccepted']);
    const period = `${incidentCase}:public-security-case`;
    const periodClock = async () =>
      (
        (await get('officer', `/police-cases/${incidentCase}`).expect(200)).body.clocks as {
          deadlineId: string;
          state: string;
          dueAt: string;
        }[]
      ).find((c) => c.deadlineId === period)!;
    // Accepted 3 Nov (Beijing): day 1 is 4 Nov, day 30 is Wednesday 3 December.
    expect(await periodClock()).toMatchObject({ rule: 'public-security-case', state: 'running', dueAt: '2025-12-03T16:00:00.000Z' });

    now = new Date('2025-11-05T02:00:00Z');
    const refused = await post('officer', `/police-cases/${incidentCase}/public-security-mediations`, { outcome: 'agreement_reached' });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'MEDIATION.DISTURBANCE_NOT_STOPPED' });

    // The incident is reopened, the stop recorded, and it is handed over again: the case notes the stop.
    await bus.publish([envelope('DisturbanceStopped', { stoppedAt: '2025-11-05T01:00:00.000Z' }, 5), closed(6)]);
    expect(await waitFor('IncidentDisturbanceStoppedNoted')).toEqual(['CaseAccepted', 'IncidentDisturbanceStoppedNoted']);

    now = new Date('2025-11-28T02:00:00Z');
    const extension = { approvingUnitId: 'police-wz-city-bureau', approverName: '市局法制支队 李某', reason: '案情复杂' };
    await post('officer', `/police-cases/${incidentCase}/case-period-extensions`, extension).expect(201);
    // 3 December + 30 days = 2 January 2026, a New Year holiday (1–3 January) → Sunday 4 January, a make-up working day.
    expect(await periodClock()).toMatchObject({ state: 'running', dueAt: '2026-01-04T16:00:00.000Z' });
    const twice = await post('officer', `/police-cases/${incidentCase}/case-period-extensions`, extension);
    expect(twice.status).toBe(409);
    expect(twice.body).toMatchObject({ code: 'POLICE_CASE.PERIOD_ALREADY_EXTENDED' });

    now = new Date('2025-12-10T02:00:00Z'); // past the first 30 days: extended, so no false breach
    await runtime.sweepDeadlines();
    await post('officer', `/police-cases/${incidentCase}/public-security-mediations`, {
      outcome: 'failed',
      note: '赔偿数额未达成一致',
    }).expect(201);
    expect((await periodClock()).state).not.toBe('breached');
    now = new Date('2025-12-15T02:00:00Z');
    const agreed = await post('officer', `/police-cases/${incidentCase}/public-security-mediations`, {
      outcome: 'agreement_reached',
      note: '赔礼道歉，赔偿医药费',
    }).expect(201);
    expect(agreed.body.clocks.map((c: { deadlineId: string }) => c.deadlineId)).not.toContain(period);
    now = new Date('2026-02-01T00:00:00Z');
    await runtime.sweepDeadlines();
    expect(await periodClock()).toMatchObject({ state: 'met' });
    expect(await clockStream(period)).not.toContain('DeadlineBreached');

    // A criminal case has no 治安调解.
    const criminal = await openCase('criminal');
    const notAdministrative = await post('officer', `/police-cases/${criminal}/public-security-mediations`, {
      outcome: 'agreement_reached',
    });
    expect(notAdministrative.status).toBe(422);
    expect(notAdministrative.body).toMatchObject({ code: 'POLICE_CASE.NOT_ADMINISTRATIVE' });
  });

  it.each([
    [
      'a 轻伤 alone (the threshold of a crime, 刑法 art. 234)',
      { staff: { deaths: 0, seriousInjuries: 0, lightInjuries: 1, slightInjuries: 0 } },
      false,
    ],
    ['a knife attack with nobody hurt', {}, true],
  ])('an incident with %s opens the police case as criminal [S2 二(六), S3 一(一)]', async (_what, hurt, weaponsInvolved) => {
    const bus = app.get<MessageBus>(MESSAGE_BUS);
    const incidentCase = `${REGION}-20251103-${String(1000 + ++counter)}`;
    const ref = { caseNumber: incidentCase, hospitalId: HOSPITAL, regionCode: REGION };
    const none = { deaths: 0, seriousInjuries: 0, lightInjuries: 0, slightInjuries: 0 };
    const envelope = (type: string, data: Record<string, unknown>, version: number): EventEnvelope => ({
      eventId: randomUUID(),
      type,
      schemaVersion: 1,
      context: 'incidents',
      streamId: `incident-${incidentCase}`,
      streamType: 'incident',
      version,
      globalPosition: String(version),
      occurredAt: '2025-11-03T03:00:00.000Z',
      recordedAt: '2025-11-03T03:00:00.000Z',
      actor: { userId: 'u-dispatch', organisationId: 'police-wz-station', role: 'police_dispatcher' },
      correlationId: incidentCase,
      causationId: null,
      data: { ...ref, ...data },
    });
    await bus.publish([
      envelope(
        'IncidentReported',
        {
          channel: 'patrol',
          intake: { channel: 'patrol', location: '门诊大厅', description: '持刀伤医' },
          occurredAt: '2025-11-03T02:50:00.000Z',
          reportedAt: '2025-11-03T02:55:00.000Z',
          reportedByOrganisationId: BUREAU,
          hasPoliceOffice: true,
          classification: {
            categories: ['assault_on_staff'],
            casualties: { staff: none, patients: none, perpetrators: none, bystanders: none, ...hurt },
            massIncident: false,
            weaponsInvolved,
            seriousInjuryPendingAppraisal: false,
          },
          major: false,
        },
        1,
      ),
      envelope('PoliceDispatched', { dispatchedAt: '2025-11-03T02:56:00.000Z', unitOrganisationId: BUREAU }, 2),
      envelope('IncidentClosed', { outcome: 'handed_to_police_case', closedAt: '2025-11-03T04:00:00.000Z', note: null, major: false }, 3),
    ]);
    const deadline = Date.now() + 10_000;
    let history: { type: string }[] = [];
    while (Date.now() < deadline && history.length === 0) {
      history = await runtime.store.readStream(incidentCase);
      if (history.length === 0) await new Promise((r) => setTimeout(r, 50));
    }
    expect(history.map((e) => e.type)).toEqual(['CaseAccepted']);
    const view = await get('officer', `/police-cases/${incidentCase}`).expect(200);
    expect(view.body.case).toMatchObject({ kind: 'criminal', handlingUnitId: BUREAU, major: false, designatedProsecutorMissing: false });
  });

  it('suspect names stay out of the events; reading them is audited and need-to-know', async () => {
    now = new Date('2025-11-03T02:30:00Z');
    const caseNumber = await openCase('criminal');
    await addSuspect(caseNumber, '李某某');
    const events = await runtime.store.readStream(caseNumber);
    expect(JSON.stringify(events)).not.toContain('李某某');
    await get('hc', `/police-cases/${caseNumber}`).expect(200); // oversight reads the case…
    await get('hc', `/police-cases/${caseNumber}/suspects`).expect(403); // …not who the suspects are
    const read = await get('officer', `/police-cases/${caseNumber}/suspects`)
      .set('x-access-purpose', encodeURIComponent('侦查'))
      .expect(200);
    expect(read.body.suspects[0].name).toBe('李某某');
    const audit = await runtime.store.readStream(`read-audit-${BUREAU}`);
    expect(audit.at(-1)).toMatchObject({
      type: 'SensitiveRecordRead',
      data: { recordId: caseNumber, readerUserId: 'u-officer', purpose: '侦查' },
    });
  });

  it('listed supervision: a political-legal committee over the region puts it, reads it, lifts it with a reason', async () => {
    now = new Date('2025-11-03T02:30:00Z');
    const caseNumber = await openCase('criminal');
    await get('zfw', `/police-cases/${caseNumber}`).expect(403);
    await post('zfw', `/police-cases/${caseNumber}/supervision`, { requirements: '一周内报告进展', dueAt: '2025-11-10T00:00:00Z' }).expect(
      201,
    );
    await get('zfw', `/police-cases/${caseNumber}`).expect(200);
    await post('officer', `/police-cases/${caseNumber}/supervision/progress`, { report: '嫌疑人已到案' }).expect(201);
    const listed = await get('zfw', '/police-cases?underSupervision=true').expect(200);
    expect(listed.body.items.map((i: { caseNumber: string }) => i.caseNumber)).toEqual([caseNumber]);
    await post('hc', `/police-cases/${caseNumber}/supervision/removal`, { reason: 'x' }).expect(403);
    const noReason = await post('zfw', `/police-cases/${caseNumber}/supervision/removal`, { reason: '' }).expect(400);
    expect(noReason.headers['content-type']).toMatch(/problem\+json/);
    await post('zfw', `/police-cases/${caseNumber}/supervision/removal`, { reason: '已结案' }).expect(201);
  });

  it('validation, authentication and authorisation: 400 / 401 / 403 / 404', async () => {
    const caseNumber = await openCase('administrative');
    await http().post('/police-cases').send({ caseNumber: 'X1234' }).expect(401);
    await http().get(`/police-cases/${caseNumber}`).set('authorization', 'Bearer not-a-token').expect(401);
    const bad = await post('officer', '/police-cases', {
      caseNumber: 'A1',
      hospitalId: HOSPITAL,
      regionCode: '5001',
      kind: 'odd',
      summary: 's',
      extra: 1,
    }).expect(400);
    expect(bad.headers['content-type']).toMatch(/^application\/problem\+json/);
    await post('officer', `/police-cases/${caseNumber}/penalty-decisions`, {
      suspectId: 's',
      penalty: { kind: 'fine' },
      decidedAt: 'yesterday',
    }).expect(400);
    await post('hospital', `/police-cases/${caseNumber}/notes`, { text: 'x' }).expect(403); // no police role
    await post('prosecutor', `/police-cases/${caseNumber}/indictment`, { suspectIds: ['s'], courtId: 'court-wz' }).expect(403); // not party
    await post('otherPolice', `/police-cases/${caseNumber}/notes`, { text: 'x' }).expect(403); // outside jurisdiction
    await post('otherPolice', '/police-cases', {
      caseNumber: newCaseNumber(),
      hospitalId: HOSPITAL,
      regionCode: REGION,
      kind: 'criminal',
      summary: 's',
    }).expect(403);
    await get('hospital', `/police-cases/${caseNumber}`).expect(403); // the hospital is not party to the police file
    await get('officer', '/police-cases/NOSUCHCASE1').expect(404);
    await get('hc', '/police-cases/NOSUCHCASE1').expect(403); // no probing of case numbers
    const rule = await post('officer', `/police-cases/${caseNumber}/filing`, {}).expect(422);
    expect(rule.body.code).toBe('POLICE_CASE.NOT_CRIMINAL');
    const list = await get('otherPolice', '/police-cases').expect(200);
    expect(list.body.items.map((i: { caseNumber: string }) => i.caseNumber)).not.toContain(caseNumber);
  });

  it('takes the region from the hospital in the directory and checks every unit it names, 422 naming the field', async () => {
    const refused = (res: request.Response, code: string, field: string) => {
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({ code, errors: [expect.objectContaining({ field })] });
    };
    const caseNumber = newCaseNumber();
    const open = (body: object) =>
      post('officer', '/police-cases', { caseNumber, hospitalId: HOSPITAL, kind: 'criminal', summary: '殴打医生', ...body });
    refused(await open({ hospitalId: 'no-such-hospital' }), 'DIRECTORY.UNKNOWN_ORGANISATION', 'hospitalId');
    refused(await open({ hospitalId: 'court-wz' }), 'DIRECTORY.WRONG_KIND_OF_ORGANISATION', 'hospitalId');
    refused(await open({ regionCode: '500102' }), 'DIRECTORY.CONTRADICTS_DIRECTORY', 'regionCode');
    await open({}).expect(201); // no region stated: the hospital's
    expect((await get('officer', `/police-cases/${caseNumber}`).expect(200)).body.case).toMatchObject({
      regionCode: REGION,
      hospitalId: HOSPITAL,
    });

    const suspectId = await addSuspect(caseNumber);
    const step = (path: string, body: object) => post('officer', `/police-cases/${caseNumber}/${path}`, body);
    refused(
      await step('arrest-requests', { suspectId, procuratorateId: 'no-such-procuratorate' }),
      'DIRECTORY.UNKNOWN_ORGANISATION',
      'procuratorateId',
    );
    refused(
      await step('arrest-requests', { suspectId, procuratorateId: 'court-wz' }),
      'DIRECTORY.WRONG_KIND_OF_ORGANISATION',
      'procuratorateId',
    );
    refused(
      await step('prosecution-transfer', { suspectIds: [suspectId], procuratorateId: 'no-such-procuratorate' }),
      'DIRECTORY.UNKNOWN_ORGANISATION',
      'procuratorateId',
    );
    refused(await step('transfer', { toUnitId: PROCURATORATE, reason: '管辖' }), 'DIRECTORY.WRONG_KIND_OF_ORGANISATION', 'toUnitId');
    refused(
      await step('case-period-extensions', { approvingUnitId: 'no-such-bureau', approverName: '李某', reason: '案情复杂' }),
      'DIRECTORY.UNKNOWN_ORGANISATION',
      'approvingUnitId',
    );
    refused(
      await post('prosecutor', `/police-cases/${caseNumber}/indictment`, { suspectIds: [suspectId], courtId: PROCURATORATE }),
      'DIRECTORY.WRONG_KIND_OF_ORGANISATION',
      'courtId',
    );
    await step('transfer', { toUnitId: 'police-wz-station', reason: '管辖' }).expect(201);
  });
});
