import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { type Principal } from '@pingan/access';
import type { EventEnvelope } from '@pingan/contracts';
import type { Database } from '@pingan/event-store';
import type { MessageBus } from '@pingan/messaging';
import { DATABASE, MESSAGE_BUS, PlatformModule, ServiceRuntime, runtimeToken } from '@pingan/platform';
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
import { DisputesModule } from './disputes.module.js';
import { DISPUTES_RUNTIME_OPTIONS } from './disputes.runtime.js';
import { disputeIdForIncident } from './incidents/incident-intake.consumer.js';

const HOSPITAL = 'hospital-a';
const OTHER_HOSPITAL = 'hospital-b';
const COMMITTEE = 'committee-500101';
const OTHER_COMMITTEE = 'committee-500102';
const COURT = 'court-500101';
const T0 = new Date('2026-03-02T02:00:00Z'); // a Monday, 10:00 in Shanghai
const DAY = 86_400_000;

/**
 * The disputes service over HTTP on real PostgreSQL, with the in-process bus: rules at the
 * boundary (liability before money, no mediation during a disturbance), the mediation clock
 * (appraisal pause, extension, expiry through sweep → DeadlineLapsed → MediationFailed),
 * the incidents consumer, access and validation.
 */
describe('disputes service', () => {
  const saved = { ...process.env };
  const keys = testAccessTokenKeys();
  let database: TestDatabase;
  let app: INestApplication;
  let runtime: ServiceRuntime;
  let bus: MessageBus;
  let now = T0;
  const tokens: Record<string, string> = {};

  const http = () => request(app.getHttpServer());
  const as = (who: string) => ({ authorization: `Bearer ${tokens[who]}` });
  const post = (who: string, path: string, body: object = {}) => http().post(path).set(as(who)).send(body);
  const get = (who: string, path: string) => http().get(path).set(as(who)).set('x-access-purpose', 'test');
  const advanceDays = (days: number) => (now = new Date(now.getTime() + days * DAY));

  const principal = (p: Partial<Principal>) => keys.tokenFor(p);

  const complaint = {
    summary: '术后感染，家属要求说明并赔偿',
    parties: [{ name: '张某', relation: 'relative', contact: '13800000000' }],
    claims: [{ kind: 'compensation', description: '医疗费', amountFen: 1_500_000 }],
  };
  const openComplaint = async (): Promise<string> => {
    const res = await post('complaints', '/disputes', complaint).expect(201);
    return res.body.disputeId as string;
  };
  /** A complaint the hospital has told the routes of and referred to people's mediation. */
  const referredToCommittee = async (): Promise<string> => {
    const id = await openComplaint();
    await post('complaints', `/disputes/${id}/routes-notice`, { routes: ['peoples_mediation'], method: 'written' }).expect(200);
    await post('complaints', `/disputes/${id}/mediation/referral`, { kind: 'peoples_mediation', mediatorOrganisationId: COMMITTEE }).expect(
      200,
    );
    return id;
  };
  const eventually = async <T>(probe: () => Promise<T | undefined | null | false>, ms = 10_000): Promise<T> => {
    const until = Date.now() + ms;
    for (;;) {
      const value = await probe();
      if (value) return value;
      if (Date.now() > until) throw new Error('timed out waiting');
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const history = async (id: string): Promise<string[]> =>
    (await get('complaints', `/disputes/${id}`).expect(200)).body.history.map((e: { type: string }) => e.type);

  beforeAll(async () => {
    database = await createTestDatabase('disputes_http');
    Object.assign(process.env, { DATABASE_URL: database.url, LOG_LEVEL: 'fatal', ...keys.env });
    delete process.env.KAFKA_BROKERS;
    const moduleRef = await Test.createTestingModule({
      imports: [PlatformModule.forRoot({ service: 'disputes', inProcessBus: true }), DisputesModule],
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
    bus = app.get(MESSAGE_BUS);
    // The directory as the gateway publishes it: the committee sits under the county commission.
    await seedDirectory(
      bus,
      [runtime.directory],
      [
        testHospital(HOSPITAL, '500101'),
        testHospital(OTHER_HOSPITAL, '500101'),
        { organisationId: 'hc-500100', kind: 'health_commission', regionCode: '500100' },
        { organisationId: 'hc-500101', kind: 'health_commission', regionCode: '500101' },
        { organisationId: 'hc-500102', kind: 'health_commission', regionCode: '500102' },
        { organisationId: COMMITTEE, kind: 'mediation_committee', regionCode: '500101', parentId: 'hc-500101' },
        { organisationId: OTHER_COMMITTEE, kind: 'mediation_committee', regionCode: '500102' },
        { organisationId: COURT, kind: 'court', regionCode: '500101' },
      ],
    );
    const hospital = { organisationKind: 'hospital' as const, organisationRegion: '500101' };
    tokens.complaints = await principal({
      ...hospital,
      userId: 'u-complaints',
      organisationId: HOSPITAL,
      roles: ['hospital_complaints_officer'],
    });
    tokens.colleague = await principal({
      ...hospital,
      userId: 'u-colleague',
      organisationId: HOSPITAL,
      roles: ['hospital_complaints_officer'],
    });
    tokens.security = await principal({
      ...hospital,
      userId: 'u-security',
      organisationId: HOSPITAL,
      roles: ['hospital_security_officer'],
    });
    tokens.otherHospital = await principal({
      ...hospital,
      userId: 'u-other',
      organisationId: OTHER_HOSPITAL,
      roles: ['hospital_complaints_officer'],
    });
    tokens.mediator = await principal({
      userId: 'u-med',
      organisationId: COMMITTEE,
      organisationKind: 'mediation_committee',
      organisationRegion: '500101',
      roles: ['mediator'],
    });
    tokens.otherMediator = await principal({
      userId: 'u-med2',
      organisationId: OTHER_COMMITTEE,
      organisationKind: 'mediation_committee',
      organisationRegion: '500102',
      roles: ['mediator'],
    });
    tokens.countyHc = await principal({
      userId: 'u-hc',
      organisationId: 'hc-500101',
      organisationKind: 'health_commission',
      organisationRegion: '500101',
      healthCommissionLevel: 'county',
      roles: ['health_commission_official'],
    });
    tokens.otherCountyHc = await principal({
      userId: 'u-hc2',
      organisationId: 'hc-500102',
      organisationKind: 'health_commission',
      organisationRegion: '500102',
      healthCommissionLevel: 'county',
      roles: ['health_commission_official'],
    });
  }, 60_000);

  afterAll(() => closeAppAndDatabase(app, saved, database));

  describe('validation and access', () => {
    it('401 without a token, 403 without the role, 400 on a bad body or id', async () => {
      await http().post('/disputes').send(complaint).expect(401);
      expect((await post('mediator', '/disputes', complaint).expect(403)).body.code).toBe('ACCESS.DENIED');
      expect((await post('security', '/disputes', complaint).expect(403)).body.code).toBe('ACCESS.DENIED');
      await post('complaints', '/disputes', { ...complaint, parties: [] }).expect(400);
      await post('complaints', '/disputes', { ...complaint, hospitalId: OTHER_HOSPITAL }).expect(400); // unknown field
      await post('complaints', '/disputes', { ...complaint, claims: [{ kind: 'compensation', description: 'x', amountFen: 1.5 }] }).expect(
        400,
      );
      await get('complaints', '/disputes/not-a-uuid').expect(400);
      await get('complaints', `/disputes/${randomUUID()}`).expect(404);
    });

    it('a hospital sees its own, a committee what was referred to it, a commission its region; others get 403', async () => {
      const id = await openComplaint();
      await get('otherHospital', `/disputes/${id}`).expect(403);
      await get('mediator', `/disputes/${id}`).expect(403);
      await get('otherCountyHc', `/disputes/${id}`).expect(403);
      await post('otherHospital', `/disputes/${id}/routes-notice`, { routes: ['negotiation'], method: 'written' }).expect(403);
      await post('countyHc', `/disputes/${id}/mediation/acceptance`).expect(403); // a commission reads, writes only as a party
      expect((await get('countyHc', `/disputes/${id}`).expect(200)).body.caseNumber).toMatch(/^500101-\d{8}-D\d{4}$/);

      const ids = (who: string) =>
        get(who, '/disputes')
          .expect(200)
          .then((r) => r.body.items.map((d: { disputeId: string }) => d.disputeId));
      expect(await ids('complaints')).toContain(id);
      expect(await ids('countyHc')).toContain(id);
      expect(await ids('otherHospital')).not.toContain(id);
      expect(await ids('mediator')).not.toContain(id);
      await post('complaints', `/disputes/${id}/routes-notice`, { routes: ['negotiation', 'peoples_mediation'], method: 'written' }).expect(
        200,
      );
      await post('complaints', `/disputes/${id}/mediation/referral`, {
        kind: 'peoples_mediation',
        mediatorOrganisationId: COMMITTEE,
      }).expect(200);
      expect(await ids('mediator')).toContain(id);
      await get('mediator', `/disputes/${id}`).expect(200);
      expect((await post('otherMediator', `/disputes/${id}/mediation/acceptance`).expect(403)).body.code).toBe('ACCESS.DENIED');
    });

    it('checks every organisation id against the directory and derives the supervisors, 422 naming the field', async () => {
      const refused = async (res: request.Response, code: string, field: string) => {
        expect(res.status).toBe(422);
        expect(res.body).toMatchObject({ code, errors: [expect.objectContaining({ field })] });
      };
      // The county commission over the hospital supervises the risk review: derived, and a stated other one is refused.
      const opened = await post('complaints', '/disputes', complaint).expect(201);
      expect(opened.body.clocks).toEqual([
        expect.objectContaining({ rule: 'dispute-risk-review', supervisingOrganisationId: 'hc-500101' }),
      ]);
      await post('complaints', '/disputes', { ...complaint, supervisingOrganisationId: 'hc-500101' }).expect(201);
      await refused(
        await post('complaints', '/disputes', { ...complaint, supervisingOrganisationId: 'hc-500102' }),
        'DIRECTORY.CONTRADICTS_DIRECTORY',
        'supervisingOrganisationId',
      );
      const id = opened.body.disputeId as string;
      await post('complaints', `/disputes/${id}/routes-notice`, { routes: ['peoples_mediation'], method: 'written' }).expect(200);
      const refer = (body: object) => post('complaints', `/disputes/${id}/mediation/referral`, body);
      await refused(
        await refer({ kind: 'peoples_mediation', mediatorOrganisationId: 'no-such-committee' }),
        'DIRECTORY.UNKNOWN_ORGANISATION',
        'mediatorOrganisationId',
      );
      await refused(
        await refer({ kind: 'peoples_mediation', mediatorOrganisationId: 'hc-500101' }),
        'DIRECTORY.WRONG_KIND_OF_ORGANISATION',
        'mediatorOrganisationId',
      );
      await refused(
        await refer({ kind: 'administrative_mediation', mediatorOrganisationId: COMMITTEE }),
        'DIRECTORY.WRONG_KIND_OF_ORGANISATION',
        'mediatorOrganisationId',
      );
      // 行政调解 by the county commission: the city commission above it supervises the 5-working-day acceptance.
      const referred = await refer({ kind: 'administrative_mediation', mediatorOrganisationId: 'hc-500101' }).expect(200);
      expect(referred.body.clocks).toContainEqual(
        expect.objectContaining({ rule: 'administrative-mediation-acceptance', supervisingOrganisationId: 'hc-500100' }),
      );
      await refused(
        await post('countyHc', `/disputes/${id}/mediation/acceptance`, { supervisingOrganisationId: 'hc-500102' }),
        'DIRECTORY.CONTRADICTS_DIRECTORY',
        'supervisingOrganisationId',
      );
      const accepted = await post('countyHc', `/disputes/${id}/mediation/acceptance`).expect(200);
      expect(accepted.body.clocks).toContainEqual(
        expect.objectContaining({ rule: 'administrative-mediation', supervisingOrganisationId: 'hc-500100' }),
      );
      await post('countyHc', `/disputes/${id}/mediation/failure`, { reason: 'no_agreement' }).expect(200);
      const sue = (courtId: string) => post('complaints', `/disputes/${id}/litigation`, { courtId, reference: '(2026)渝0101民初9号' });
      await refused(await sue('no-such-court'), 'DIRECTORY.UNKNOWN_ORGANISATION', 'courtId');
      await refused(await sue(COMMITTEE), 'DIRECTORY.WRONG_KIND_OF_ORGANISATION', 'courtId');
      await refused(
        await post('complaints', `/disputes/${id}/handover`, { toUserId: 'u-x', toOrganisationId: 'no-such-hospital', reason: '转交' }),
        'DIRECTORY.UNKNOWN_ORGANISATION',
        'toOrganisationId',
      );
      await sue(COURT).expect(200);
    });

    it('names a dispute by its case number in every route (its id still works) and lists in the one page shape', async () => {
      const opened = await post('complaints', '/disputes', complaint).expect(201);
      const { caseNumber, disputeId } = opened.body as { caseNumber: string; disputeId: string };
      const byNumber = await get('complaints', `/disputes/${caseNumber}`).expect(200);
      expect(byNumber.body).toMatchObject({ caseNumber, disputeId });
      await get('complaints', `/disputes/${disputeId}`).expect(200);
      await post('complaints', `/disputes/${caseNumber}/routes-notice`, { routes: ['negotiation'], method: 'written' }).expect(200);
      expect((await get('complaints', `/disputes/${caseNumber}`).expect(200)).body.routesNotified).toBeTruthy();
      await post('complaints', `/disputes/${caseNumber}/mediation/referral`, {
        kind: 'peoples_mediation',
        mediatorOrganisationId: COMMITTEE,
      }).expect(200);
      // A step answers where the dispute stands and the clocks now running, with their due instants.
      const accepted = await post('mediator', `/disputes/${caseNumber}/mediation/acceptance`).expect(200);
      expect(accepted.body).toMatchObject({ caseNumber, disputeId, events: ['MediationAccepted'], dispute: { status: 'open' } });
      expect(accepted.body.dispute.mediation).toMatchObject({ phase: 'accepted', mediatorOrganisationId: COMMITTEE });
      const clock = accepted.body.clocks.find((c: { rule: string }) => c.rule === 'peoples-mediation');
      expect(clock).toMatchObject({ state: 'running', dueAt: expect.any(String) });
      expect(Date.parse(clock.dueAt)).toBeGreaterThan(Date.parse(clock.startedAt) + 30 * DAY);
      const unknown = await get('complaints', '/disputes/500101-20200101-D9999').expect(404);
      expect(unknown.body.code).toBe('DISPUTE.NOT_FOUND');
      const bad = await get('complaints', '/disputes/not-a-case').expect(400);
      expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'id' })]);

      const page = await get('complaints', `/disputes?q=${caseNumber}`).expect(200);
      expect(page.body).toEqual({ items: [expect.objectContaining({ caseNumber })], total: 1, limit: 50, offset: 0 });
      // The region's name beside its code (issue 14, item 4).
      expect(page.body.items[0]).toMatchObject({ regionCode: '500101', regionName: expect.stringContaining('万州') });
      const all = (await get('complaints', '/disputes?limit=1').expect(200)).body;
      expect(all).toMatchObject({ limit: 1, offset: 0, items: [expect.any(Object)] });
      expect(all.total).toBeGreaterThan(1);
      const bySummary = (await get('complaints', `/disputes?q=${encodeURIComponent('术后感染')}&limit=500`).expect(200)).body.items;
      expect(bySummary).toContainEqual(expect.objectContaining({ caseNumber }));
      // Waiting for the hospital: its open disputes not with a mediator; for a committee, what was referred to it.
      const mine = (await get('complaints', '/disputes?awaitingMe=true&limit=500').expect(200)).body.items.map(
        (d: { caseNumber: string }) => d.caseNumber,
      );
      expect(mine).not.toContain(caseNumber); // with the mediator now
      const theirs = (await get('mediator', '/disputes?awaitingMe=true&limit=500').expect(200)).body.items;
      expect(theirs).toContainEqual(expect.objectContaining({ caseNumber }));
      // Not left running: the mediation test below lets 30 working days pass and counts what expired.
      await post('mediator', `/disputes/${caseNumber}/mediation/failure`, { reason: 'no_agreement' }).expect(200);
    });

    it('keeps parties’ names and contacts out of events, and audits every read of them', async () => {
      const id = await openComplaint();
      const events = await runtime.store.readStream(id);
      expect(JSON.stringify(events)).not.toMatch(/张某|13800000000/);
      const body = (await get('countyHc', `/disputes/${id}`).expect(200)).body;
      expect(body.parties).toEqual([expect.objectContaining({ name: '张某', contact: '13800000000', relation: 'relative' })]);
      const reads = await runtime.store.readStream(`read-audit-${HOSPITAL}`);
      expect(reads.filter((r) => r.data.recordId === id).map((r) => [r.data.readerOrganisationId, r.data.purpose])).toEqual([
        ['hc-500101', 'test'],
      ]);
    });

    it('hands over only with a reason and only by the owner (首诉负责制)', async () => {
      const id = await openComplaint();
      const to = { toUserId: 'u-colleague' };
      expect((await post('colleague', `/disputes/${id}/handover`, { ...to, reason: 'shift' }).expect(403)).body.code).toBe(
        'DISPUTE.NOT_OWNER',
      );
      expect((await post('complaints', `/disputes/${id}/handover`, { ...to, reason: ' ' }).expect(422)).body.code).toBe(
        'DISPUTE.HANDOVER_REASON_REQUIRED',
      );
      await post('complaints', `/disputes/${id}/handover`, { ...to, reason: '转医务科' }).expect(200);
      expect((await get('complaints', `/disputes/${id}`)).body.owner).toEqual({ userId: 'u-colleague', organisationId: HOSPITAL });
    });
  });

  it('no money before liability: 422 DISPUTE.LIABILITY_NOT_DETERMINED and nothing written; then settles, pays, closes', async () => {
    const id = await openComplaint();
    await post('complaints', `/disputes/${id}/routes-notice`, { routes: ['negotiation'], method: 'in_person' }).expect(200);
    const before = await history(id);
    const settlement = { terms: '医院赔偿', compensation: [{ head: '医疗费', amountFen: 1_000_000 }] };
    const res = await post('complaints', `/disputes/${id}/settlement`, settlement).expect(422);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.code).toBe('DISPUTE.LIABILITY_NOT_DETERMINED');
    expect(await history(id)).toEqual(before);
    expect((await post('complaints', `/disputes/${id}/payments`, { amountFen: 100, payer: 'hospital' }).expect(422)).body.code).toBe(
      'DISPUTE.LIABILITY_NOT_DETERMINED',
    );
    expect(await history(id)).toEqual(before);

    await post('complaints', `/disputes/${id}/liability-agreement`, {
      liability: { responsibility: 'secondary', summary: '次要责任' },
    }).expect(200);
    await post('complaints', `/disputes/${id}/settlement`, settlement).expect(200);
    expect((await post('complaints', `/disputes/${id}/payments`, { amountFen: 2_000_000, payer: 'hospital' }).expect(422)).body.code).toBe(
      'DISPUTE.PAYMENT_EXCEEDS_AGREEMENT',
    );
    await post('complaints', `/disputes/${id}/payments`, { amountFen: 1_000_000, payer: 'insurer' }).expect(200);
    await post('complaints', `/disputes/${id}/agreement/performance`, {}).expect(200);
    await post('complaints', `/disputes/${id}/close`, { outcome: 'agreement_performed' }).expect(200);
    const body = (await get('complaints', `/disputes/${id}`)).body;
    expect(body).toMatchObject({ status: 'closed', statistics: { category: 'negotiated_settlement', compensationPaidFen: 1_000_000 } });
    expect(body.clocks).toEqual([expect.objectContaining({ rule: 'dispute-risk-review', state: 'met' })]);
  });

  it('mediation: 30-working-day clock, paused by an appraisal, moved by an extension, failed on expiry through the runtime', async () => {
    now = T0;
    const id = await referredToCommittee();
    await post('mediator', `/disputes/${id}/mediation/acceptance`, { supervisingOrganisationId: 'hc-500101' }).expect(200);
    const clockId = `${id}/peoples-mediation/1`;
    const clock = async () =>
      (await get('mediator', `/disputes/${id}`).expect(200)).body.clocks.find((c: { deadlineId: string }) => c.deadlineId === clockId);
    const started = await clock();
    expect(started).toMatchObject({ state: 'running', startedAt: T0.toISOString(), rule: 'peoples-mediation' });
    expect(started.source).toContain('第38条');
    const due0 = Date.parse(started.dueAt);
    // 30 working days after Monday 2 March 2026 (清明: Monday 6 April off), ending 24:00 Shanghai.
    expect(started.dueAt).toBe('2026-04-14T16:00:00.000Z');
    await post('mediator', `/disputes/${id}/mediation/sessions`, {
      heldAt: now.toISOString(),
      attendees: [{ name: '调解员', side: 'mediator' }],
    }).expect(200);

    advanceDays(7);
    const appraisal = await post('mediator', `/disputes/${id}/appraisals`, { kind: 'medical_damage', appraiser: '重庆市医学会' }).expect(
      200,
    );
    expect(await clock()).toMatchObject({ state: 'paused' });
    advanceDays(21); // three weeks of appraisal: they do not count
    await post('mediator', `/disputes/${id}/appraisals/${appraisal.body.appraisalId}/result`, {
      reportReference: '渝医鉴〔2026〕12号',
      outcome: 'concluded',
      liability: { responsibility: 'minor', summary: '轻微责任' },
    }).expect(200);
    const resumed = await clock();
    expect(resumed.state).toBe('running');
    const due1 = Date.parse(resumed.dueAt);
    expect(due1).toBeGreaterThanOrEqual(due0 + 19 * DAY); // the paused weeks moved the due date
    expect(resumed.dueAt).toBe('2026-05-08T16:00:00.000Z'); // 15 working days paused, over 劳动节

    expect(
      (await post('complaints', `/disputes/${id}/mediation/extension`, { workingDays: 10, reason: '双方同意延长' }).expect(403)).body.code,
    ).toBe('ACCESS.DENIED');
    await post('mediator', `/disputes/${id}/mediation/extension`, {
      workingDays: 10,
      reason: '双方同意延长',
      consent: { patientPartyId: 'party-1', hospitalRepresentative: '医务科' },
    }).expect(200);
    const extended = await clock();
    // 10 working days: two weeks, less where a make-up working day (调休) falls on a weekend
    expect(Date.parse(extended.dueAt)).toBeGreaterThanOrEqual(due1 + 12 * DAY);
    expect(extended.dueAt).toBe('2026-05-21T16:00:00.000Z'); // 2026's calendar: Saturday 9 May is a make-up working day
    expect(extended.extensions).toHaveLength(1);

    // Past the moved due date, with no agreement: the sweep lapses the clock (no breach), and the
    // context's own DeadlineLapsed fails the mediation (视为调解不成).
    now = new Date(Date.parse(extended.dueAt) + 60_000);
    await runtime.sweepDeadlines();
    await eventually(async () => (await history(id)).includes('MediationFailed'));
    await runtime.sweepDeadlines(); // nothing more
    await new Promise((r) => setTimeout(r, 300));
    const body = (await get('mediator', `/disputes/${id}`).expect(200)).body;
    expect(body.history.filter((e: { type: string }) => e.type === 'MediationFailed')).toEqual([
      expect.objectContaining({
        actor: expect.objectContaining({ userId: 'system' }),
        data: expect.objectContaining({ reason: 'expired', failedAt: extended.dueAt }),
      }),
    ]);
    expect(body.mediation).toMatchObject({ phase: 'failed', failureReason: 'expired' });
    expect(body.clocks.find((c: { deadlineId: string }) => c.deadlineId === clockId).state).toBe('lapsed');
    const late = await post('mediator', `/disputes/${id}/mediation/agreement`, { terms: '迟到的协议', compensation: [] }).expect(422);
    expect(late.body.code).toBe('DISPUTE.MEDIATION_EXPIRED');

    const stats = await get('countyHc', `/disputes/statistics?from=2026-03&to=2026-03`).expect(200);
    expect(stats.body.months).toEqual([expect.objectContaining({ month: '2026-03', regionCode: '500101', mediationFailedOnExpiry: 1 })]);
    await get('complaints', '/disputes/statistics').expect(403);
    await get('countyHc', '/disputes/statistics?regionCode=500102').expect(403);
  });

  it('facts entered late keep the instant they happened: acceptance, session, appraisal; each bound a 422 naming the field', async () => {
    now = T0;
    const id = await referredToCommittee();
    advanceDays(3); // the committee enters on Thursday what it did on Monday
    const refusal = (res: request.Response) => ({ code: res.body.code, fields: res.body.errors?.map((e: { field: string }) => e.field) });
    const accept = (occurredAt: string) => post('mediator', `/disputes/${id}/mediation/acceptance`, { occurredAt });
    expect(refusal(await accept('1970-01-01T00:00:00Z').expect(422))).toEqual({ code: 'OCCURRED_AT.TOO_OLD', fields: ['occurredAt'] });
    expect(refusal(await accept(new Date(T0.getTime() - DAY).toISOString()).expect(422))).toEqual({
      code: 'OCCURRED_AT.BEFORE_CASE',
      fields: ['occurredAt'],
    });
    expect(refusal(await accept(new Date(now.getTime() + DAY).toISOString()).expect(422))).toEqual({
      code: 'OCCURRED_AT.IN_FUTURE',
      fields: ['occurredAt'],
    });
    const acceptedAt = new Date(T0.getTime() + 3_600_000).toISOString();
    await accept(acceptedAt).expect(200);
    const session = await post('mediator', `/disputes/${id}/mediation/sessions`, {
      heldAt: new Date(now.getTime() + DAY).toISOString(),
      attendees: [{ name: '调解员', side: 'mediator' }],
    }).expect(422);
    expect(refusal(session)).toEqual({ code: 'OCCURRED_AT.IN_FUTURE', fields: ['heldAt'] });
    const heldAt = new Date(T0.getTime() + DAY).toISOString();
    await post('mediator', `/disputes/${id}/mediation/sessions`, { heldAt, attendees: [{ name: '调解员', side: 'mediator' }] }).expect(200);
    const requestedAt = new Date(T0.getTime() + 2 * DAY).toISOString();
    await post('mediator', `/disputes/${id}/appraisals`, {
      kind: 'medical_damage',
      appraiser: '重庆市医学会',
      occurredAt: requestedAt,
    }).expect(200);

    const body = (await get('mediator', `/disputes/${id}`).expect(200)).body;
    // The 30 working days run from the acceptance as it happened, not as it was entered.
    expect(body.clocks.find((c: { deadlineId: string }) => c.deadlineId === `${id}/peoples-mediation/1`)).toMatchObject({
      startedAt: acceptedAt,
      state: 'paused',
    });
    const event = (type: string) => body.history.find((e: { type: string }) => e.type === type);
    expect(event('MediationAccepted')).toMatchObject({ occurredAt: acceptedAt, data: expect.objectContaining({ acceptedAt }) });
    expect(event('MediationSessionHeld')).toMatchObject({ occurredAt: heldAt });
    expect(event('AppraisalRequested')).toMatchObject({ occurredAt: requestedAt, data: expect.objectContaining({ requestedAt }) });
  });

  describe('from the incidents topic', () => {
    const CASE = '500101-20260302-0042';
    let position = 0;
    const envelope = (type: string, data: Record<string, unknown>, version: number): EventEnvelope => ({
      eventId: randomUUID(),
      type,
      schemaVersion: 1,
      context: 'incidents',
      streamId: `incident-${CASE}`,
      streamType: 'incident',
      version,
      globalPosition: String(++position),
      occurredAt: now.toISOString(),
      recordedAt: now.toISOString(),
      actor: { userId: 'u-police', organisationId: 'station-1', role: 'police_dispatcher' },
      correlationId: CASE,
      causationId: null,
      data: { caseNumber: CASE, hospitalId: HOSPITAL, regionCode: '500101', ...data },
    });

    it('opens one dispute even if the referral is delivered twice; no mediation until the disturbance is stopped', async () => {
      now = T0;
      const at = now.toISOString();
      await bus.publish([
        envelope(
          'IncidentReported',
          {
            channel: 'hospital_report',
            intake: {
              channel: 'hospital_report',
              location: '急诊',
              partiesCount: 3,
              behaviour: '家属聚集辱骂医生',
              anyoneInjured: false,
              description: null,
            },
            occurredAt: at,
            reportedAt: at,
            reportedByOrganisationId: HOSPITAL,
            hasPoliceOffice: true,
            classification: { categories: ['threat_intimidation_insult'], casualties: {}, massIncident: false, weaponsInvolved: false },
            major: false,
          },
          1,
        ),
        envelope('PoliceDispatched', { dispatchedAt: at, unitOrganisationId: 'station-1' }, 2),
      ]);
      const referral = envelope('IncidentClosed', { outcome: 'referred_to_dispute', closedAt: at, note: null, major: false }, 3);
      await bus.publish([referral]);
      await bus.publish([referral]); // redelivered as is
      await bus.publish([{ ...referral, eventId: randomUUID() }]); // or sent again under another id
      const id = disputeIdForIncident(CASE);
      const opened = await eventually(async () => {
        const res = await get('complaints', `/disputes/${id}`);
        return res.status === 200 ? res.body : null;
      });
      await new Promise((r) => setTimeout(r, 300));
      expect((await history(id)).filter((t) => t === 'DisputeOpened')).toHaveLength(1);
      expect(opened).toMatchObject({
        caseNumber: CASE,
        origin: 'incident',
        incident: { incidentId: CASE, disturbanceStopped: false },
        hospitalId: HOSPITAL,
      });
      expect((await runtime.store.readStream(id))[0].correlationId).toBe(CASE);

      // The hospital assigns the dispute, tells the routes, but cannot refer while the disturbance goes on [S3 一(二)].
      await post('complaints', `/disputes/${id}/handover`, { toUserId: 'u-complaints', reason: '医务科受理' }).expect(200);
      await post('complaints', `/disputes/${id}/routes-notice`, { routes: ['peoples_mediation'], method: 'in_person' }).expect(200);
      const refused = await post('complaints', `/disputes/${id}/mediation/referral`, {
        kind: 'peoples_mediation',
        mediatorOrganisationId: COMMITTEE,
      }).expect(422);
      expect(refused.body.code).toBe('DISPUTE.DISTURBANCE_NOT_STOPPED');

      const stopped = envelope('DisturbanceStopped', { stoppedAt: now.toISOString() }, 4);
      await bus.publish([stopped]);
      await bus.publish([stopped]);
      await eventually(async () => (await history(id)).includes('IncidentDisturbanceStopped'));
      await post('complaints', `/disputes/${id}/mediation/referral`, {
        kind: 'peoples_mediation',
        mediatorOrganisationId: COMMITTEE,
      }).expect(200);
      expect((await history(id)).filter((t) => t === 'IncidentDisturbanceStopped')).toHaveLength(1);
    });
    it('a complaint opened on its own and linked to the incident later: no mediation until the disturbance is stopped', async () => {
      now = T0;
      const LINKED = '500101-20260302-0043';
      const id = await openComplaint();
      const disputeCaseNumber = (await get('complaints', `/disputes/${id}`).expect(200)).body.caseNumber as string;
      const at = now.toISOString();
      const of = (type: string, data: Record<string, unknown>, version: number): EventEnvelope => {
        const base = envelope(type, data, version);
        return { ...base, streamId: `incident-${LINKED}`, correlationId: LINKED, data: { ...base.data, caseNumber: LINKED } };
      };
      await bus.publish([
        of(
          'IncidentReported',
          {
            channel: 'call_110',
            intake: { channel: 'call_110', callReceivedAt: at, caller: { name: null, phone: null }, description: '家属在门诊聚集' },
            occurredAt: at,
            reportedAt: at,
            reportedByOrganisationId: 'station-1',
            hasPoliceOffice: false,
            classification: { categories: ['crowd_disturbance'], casualties: {}, massIncident: false, weaponsInvolved: false },
            major: false,
          },
          1,
        ),
        of('PoliceDispatched', { dispatchedAt: at, unitOrganisationId: 'station-1' }, 2),
        // The hospital links the incident to the complaint it had already received.
        of('IncidentLinkedToDispute', { disputeCaseNumber, linkedAt: at }, 3),
      ]);
      await eventually(async () => (await history(id)).includes('DisputeLinkedToIncident'));
      expect((await get('complaints', `/disputes/${id}`).expect(200)).body).toMatchObject({
        origin: 'complaint',
        incident: { incidentId: LINKED, disturbanceStopped: false },
      });
      await post('complaints', `/disputes/${id}/routes-notice`, { routes: ['peoples_mediation'], method: 'in_person' }).expect(200);
      const refused = await post('complaints', `/disputes/${id}/mediation/referral`, {
        kind: 'peoples_mediation',
        mediatorOrganisationId: COMMITTEE,
      }).expect(422);
      expect(refused.body).toMatchObject({ code: 'DISPUTE.DISTURBANCE_NOT_STOPPED' });

      await bus.publish([of('DisturbanceStopped', { stoppedAt: at }, 4)]);
      await eventually(async () => (await history(id)).includes('IncidentDisturbanceStopped'));
      await post('complaints', `/disputes/${id}/mediation/referral`, {
        kind: 'peoples_mediation',
        mediatorOrganisationId: COMMITTEE,
      }).expect(200);
    });
  });
});
