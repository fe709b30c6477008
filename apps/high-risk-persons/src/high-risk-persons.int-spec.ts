import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { PrincipalClaims } from '@pingan/access';
import type { Database } from '@pingan/event-store';
import type { MessageBus } from '@pingan/messaging';
import { DATABASE, MESSAGE_BUS, PlatformModule, ServiceRuntime, runtimeToken } from '@pingan/platform';
import {
  asCaller,
  closeAppAndDatabase,
  createTestDatabase,
  seedDirectory,
  testAccessTokenKeys,
  testHospital,
  type TestDatabase,
} from '@pingan/testing';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { HighRiskPersonsModule, highRiskRuntimeOptions } from './high-risk-persons.module.js';

const NAME = '张测试';
const ID = '500101199003071236';
const PHONE = '13912345678';
const BEHAVIOUR = '2026-02-27 在急诊科扬言要持刀报复接诊医生';

const principals: Record<string, Partial<PrincipalClaims>> = {
  hospital: {
    userId: 'u-sec',
    username: 'wz.security',
    organisationId: 'hosp-1',
    organisationKind: 'hospital',
    organisationRegion: '500101',
    roles: ['hospital_security_officer'],
  },
  otherHospital: {
    userId: 'u-sec2',
    username: 'wz.second',
    organisationId: 'hosp-2',
    organisationKind: 'hospital',
    organisationRegion: '500101',
    roles: ['hospital_security_officer'],
  },
  chief: {
    userId: 'u-chief',
    username: 'wz.chief',
    organisationId: 'station-1',
    organisationKind: 'police',
    organisationRegion: '500101',
    roles: ['station_chief'],
    policeUnitType: 'station',
  },
  dispatcher: {
    userId: 'u-disp',
    username: 'wz.disp',
    organisationId: 'station-1',
    organisationKind: 'police',
    organisationRegion: '500101',
    roles: ['police_dispatcher'],
    policeUnitType: 'station',
  },
  farPolice: {
    userId: 'u-far',
    username: 'far.chief',
    organisationId: 'station-9',
    organisationKind: 'police',
    organisationRegion: '110105',
    roles: ['station_chief'],
    policeUnitType: 'station',
  },
  zfw: {
    userId: 'u-zfw',
    username: 'wz.zfw',
    organisationId: 'zfw-1',
    organisationKind: 'political_legal',
    organisationRegion: '500101',
    roles: ['political_legal_officer'],
  },
  mediator: {
    userId: 'u-med',
    username: 'wz.med',
    organisationId: 'med-1',
    organisationKind: 'mediation_committee',
    organisationRegion: '500101',
    roles: ['mediator'],
  },
};

describe('high-risk persons on PostgreSQL', () => {
  const saved = { ...process.env };
  let database: TestDatabase;
  let app: INestApplication;
  let runtime: ServiceRuntime;
  let dataSource: DataSource;
  let now = new Date();
  const tokens: Record<string, string> = {};
  const as = (who: string) => ({
    post: asCaller(app, tokens[who]).post,
    get: (path: string) => asCaller(app, tokens[who]).get(path).set('x-access-purpose', encodeURIComponent('核查')),
  });

  const proposeAndApprove = async (idNumber = ID, name = NAME): Promise<string> => {
    const res = await as('hospital')
      .post('/high-risk-persons', {
        name,
        idNumber,
        phone: PHONE,
        categories: [{ category: 'threatened_violence', behaviour: BEHAVIOUR, incidentIds: ['inc-1'] }],
      })
      .expect(201);
    await as('chief').post(`/high-risk-persons/${res.body.personId}/approve`).expect(204);
    return res.body.personId;
  };

  beforeAll(async () => {
    database = await createTestDatabase('high_risk_persons');
    const keys = testAccessTokenKeys();
    Object.assign(process.env, {
      DATABASE_URL: database.url,
      LOG_LEVEL: 'silent',
      HIGH_RISK_MASTER_KEY: randomBytes(32).toString('base64'),
      HIGH_RISK_MATCH_KEY: randomBytes(32).toString('base64'),
      ...keys.env,
    });
    const moduleRef = await Test.createTestingModule({
      imports: [PlatformModule.forRoot({ service: 'high-risk-persons', inProcessBus: true }), HighRiskPersonsModule],
    })
      // The same runtime, on a clock the test moves (12 months are not waited for).
      .overrideProvider(runtimeToken('high-risk-persons'))
      .useFactory({
        inject: [DATABASE, MESSAGE_BUS],
        factory: (db: Database, bus: MessageBus) =>
          new ServiceRuntime(
            {
              ...highRiskRuntimeOptions(),
              deadlines: { ...highRiskRuntimeOptions().deadlines!, sweepIntervalMs: 3_600_000 },
              clock: () => now,
            },
            db,
            bus,
          ),
      })
      .compile();
    app = moduleRef.createNestApplication();
    await app.init();
    runtime = app.get(runtimeToken('high-risk-persons'));
    // The directory as the gateway publishes it: tasks go to units it knows.
    await seedDirectory(
      app.get(MESSAGE_BUS),
      [runtime.directory],
      [
        testHospital('hosp-1', '500101'),
        { organisationId: 'station-1', kind: 'police', regionCode: '500101' },
        { organisationId: 'zfw-1', kind: 'political_legal', regionCode: '500101' },
        { organisationId: 'med-1', kind: 'mediation_committee', regionCode: '500101' },
      ],
    );
    dataSource = app.get(DataSource);
    for (const [who, claims] of Object.entries(principals)) tokens[who] = await keys.tokenFor(claims);
  }, 60_000);

  afterAll(() => closeAppAndDatabase(app, saved, database));

  it('rejects an ID number with a bad check digit', async () => {
    const res = await as('hospital')
      .post('/high-risk-persons', {
        name: NAME,
        idNumber: '500101199003071235',
        categories: [{ category: 'threatened_violence', behaviour: BEHAVIOUR }],
      })
      .expect(400);
    expect(res.body.code).toBe('HIGH_RISK.INVALID_ID_NUMBER');
    const [{ count }] = await dataSource.query(`SELECT count(*)::int AS count FROM high_risk_persons.person_keys`);
    expect(count).toBe(0); // the key made for the refused proposal was rolled back
  });

  it('a flag warns at the hospital door only once another organisation approved it', async () => {
    const res = await as('hospital')
      .post('/high-risk-persons', {
        name: NAME,
        idNumber: ID,
        phone: PHONE,
        categories: [{ category: 'threatened_violence', behaviour: BEHAVIOUR }],
      })
      .expect(201);
    const personId = res.body.personId;
    expect((await as('otherHospital').post('/high-risk-persons/checks', { idNumber: ID }).expect(200)).body).toEqual({ match: false });

    // the proposing hospital cannot approve (role), nor can police approve what their own station proposed (tested in the decider)
    await as('hospital').post(`/high-risk-persons/${personId}/approve`).expect(403);
    await as('chief').post(`/high-risk-persons/${personId}/approve`).expect(204);

    const check = await as('otherHospital').post('/high-risk-persons/checks', { idNumber: ID.toLowerCase() }).expect(200);
    expect(check.body).toEqual({
      match: true,
      warning: { categories: ['threatened_violence'], advice: ['remind_staff', 'security_escort', 'notify_police'] },
    });
    expect(check.text).not.toContain(NAME);
    expect(check.text).not.toContain(personId);

    const events = await runtime.store.readStream(`high-risk-person-${personId}`);
    expect(events.map((e) => e.type)).toEqual(['PersonRegistered', 'FlagProposed', 'FlagApproved', 'ArrivalAlertRaised']);
    const checks = await runtime.store.readStream('high-risk-checks-hosp-2');
    expect(checks.map((e) => e.data.matched)).toEqual([false, true]);
    expect(JSON.stringify(checks)).not.toContain(ID);
  });

  it('hospitals read the warning only, police the full record; every read is audited and listed for the owner', async () => {
    const [item] = (await as('chief').get('/high-risk-persons?status=active').expect(200)).body.items;
    const personId = item.personId as string;
    // The region's name beside its code (issue 14, item 4).
    expect(item).toMatchObject({ regionCode: '500101', regionName: expect.stringContaining('万州') });

    const limited = await as('hospital').get(`/high-risk-persons/${personId}`).expect(200);
    expect(limited.body).toMatchObject({ view: 'limited', active: true, warning: { categories: ['threatened_violence'] } });
    for (const secret of [NAME, ID, PHONE, BEHAVIOUR, 'idNumber', 'identity']) expect(limited.text).not.toContain(secret);
    await as('otherHospital').get(`/high-risk-persons/${personId}`).expect(403); // not its record
    await as('mediator').get(`/high-risk-persons/${personId}`).expect(403);
    await as('farPolice').get(`/high-risk-persons/${personId}`).expect(403); // another jurisdiction

    const full = await as('dispatcher').get(`/high-risk-persons/${personId}`).expect(200);
    expect(full.body).toMatchObject({ view: 'full', status: 'active', identity: { name: NAME, idNumber: ID, phone: PHONE } });
    expect(full.text).toContain(BEHAVIOUR);
    expect(full.body.reviewDueAt).toEqual(expect.any(String));

    const reads = await as('hospital').get(`/high-risk-persons/${personId}/reads`).expect(200);
    const readers = reads.body.items.map((r: { readerUsername: string; purpose: string }) => [r.readerUsername, r.purpose]);
    expect(readers).toEqual(
      expect.arrayContaining([
        ['wz.security', '核查'],
        ['wz.disp', '核查'],
        ['wz.second', 'hospital check'],
      ]),
    );
    await as('dispatcher').get(`/high-risk-persons/${personId}/reads`).expect(403); // not the owner
  });

  it('records measures; removal needs a reason; erasure crypto-shreds the person', async () => {
    const personId = (await as('chief').get('/high-risk-persons?status=active').expect(200)).body.items[0].personId as string;
    await as('dispatcher')
      .post(`/high-risk-persons/${personId}/warnings`, { kind: 'reprimand', note: '在派出所训诫并签订保证书' })
      .expect(201);
    await as('hospital')
      .post(`/high-risk-persons/${personId}/warnings`, { kind: 'reprimand', note: '在派出所训诫并签订保证书' })
      .expect(403);
    // The assignee is checked against the directory: unknown, or not of the kind it is assigned as, is a 422 naming it.
    const assign = (assigneeOrganisationId: string, assigneeKind: string) =>
      as('zfw').post(`/high-risk-persons/${personId}/tasks`, { kind: 'help', assigneeOrganisationId, assigneeKind, note: '帮扶' });
    for (const [id, kind, code] of [
      ['no-such-unit', 'community', 'DIRECTORY.UNKNOWN_ORGANISATION'],
      ['med-1', 'community', 'DIRECTORY.WRONG_KIND_OF_ORGANISATION'],
      ['zfw-1', 'police', 'DIRECTORY.WRONG_KIND_OF_ORGANISATION'],
    ]) {
      const refused = await assign(id, kind).expect(422);
      expect(refused.body).toMatchObject({ code, errors: [expect.objectContaining({ field: 'assigneeOrganisationId' })] });
    }
    const task = await as('zfw')
      .post(`/high-risk-persons/${personId}/tasks`, {
        kind: 'stabilisation',
        assigneeOrganisationId: 'zfw-1',
        assigneeKind: 'community',
        note: '网格员每周上门走访',
      })
      .expect(201);
    await runtime.catchUpProjections();
    expect(await runtime.deadlines!.get(`${personId}/task-${task.body.taskId}`)).toMatchObject({
      state: 'running',
      rule: expect.objectContaining({ name: 'stabilisation-task' }),
    });

    const noReason = await as('chief').post(`/high-risk-persons/${personId}/remove`, { reason: '' }).expect(422);
    expect(noReason.body.code).toBe('HIGH_RISK.REMOVAL_REASON_REQUIRED');
    expect((await as('chief').post(`/high-risk-persons/${personId}/erase`, { legalBasis: '删除请求' }).expect(422)).body.code).toBe(
      'HIGH_RISK.FLAG_STILL_OPEN',
    );
    await as('chief').post(`/high-risk-persons/${personId}/remove`, { reason: '经治疗已稳定，半年无异常行为' }).expect(204);
    expect((await as('otherHospital').post('/high-risk-persons/checks', { idNumber: ID }).expect(200)).body).toEqual({ match: false });

    await as('zfw').post(`/high-risk-persons/${personId}/erase`, { legalBasis: '删除请求' }).expect(403); // station chief only
    await as('chief').post(`/high-risk-persons/${personId}/erase`, { legalBasis: '个人信息保护法第四十七条 删除请求' }).expect(204);

    // What PostgreSQL still holds about the person: ciphertext nobody can open, no plaintext.
    const rows: { data: unknown }[] = await dataSource.query(`SELECT data FROM high_risk_persons.events WHERE stream_id = $1`, [
      `high-risk-person-${personId}`,
    ]);
    expect(rows.length).toBeGreaterThan(5);
    const stored = JSON.stringify(rows);
    for (const secret of [NAME, ID, PHONE, BEHAVIOUR, '网格员', '训诫并签订']) expect(stored).not.toContain(secret);
    const [key] = await dataSource.query(
      `SELECT wrapped_key, id_hash, destroyed_at FROM high_risk_persons.person_keys WHERE person_id = $1`,
      [personId],
    );
    expect(key).toMatchObject({ wrapped_key: null, id_hash: null, destroyed_at: expect.any(Date) });

    expect((await as('dispatcher').get(`/high-risk-persons/${personId}`).expect(410)).body.code).toBe('HIGH_RISK.PERSON_ERASED');
    expect((await as('otherHospital').post('/high-risk-persons/checks', { idNumber: ID }).expect(200)).body).toEqual({ match: false });
    const all = JSON.stringify(await dataSource.query(`SELECT * FROM high_risk_persons.events`));
    for (const secret of [NAME, ID, PHONE]) expect(all).not.toContain(secret);
  });

  it('each step takes the instant it happened (issue 14, item 3): bounded, 422 naming occurredAt; a task done in time but entered late meets its clock', async () => {
    const idNumber = '110105198001011238';
    const body = { name: '王测试', idNumber, categories: [{ category: 'threatened_violence', behaviour: BEHAVIOUR }] };
    const typo = await as('hospital')
      .post('/high-risk-persons', { ...body, occurredAt: '1970-01-01T00:00:00Z' })
      .expect(422);
    expect(typo.body).toMatchObject({ code: 'OCCURRED_AT.TOO_OLD', errors: [expect.objectContaining({ field: 'occurredAt' })] });
    const ahead = new Date(now.getTime() + 3_600_000).toISOString();
    const future = await as('hospital')
      .post('/high-risk-persons', { ...body, occurredAt: ahead })
      .expect(422);
    expect(future.body).toMatchObject({ code: 'OCCURRED_AT.IN_FUTURE', errors: [expect.objectContaining({ field: 'occurredAt' })] });

    const saved = now;
    const hoursAgo = (h: number) => new Date(saved.getTime() - h * 3_600_000).toISOString();
    const { personId } = (
      await as('hospital')
        .post('/high-risk-persons', { ...body, occurredAt: hoursAgo(72) })
        .expect(201)
    ).body;
    // Not before the person's record began (the proposal): the pipeline's bound, naming the field.
    const beforeCase = await as('chief')
      .post(`/high-risk-persons/${personId}/approve`, { occurredAt: hoursAgo(80) })
      .expect(422);
    expect(beforeCase.body).toMatchObject({ code: 'OCCURRED_AT.BEFORE_CASE', errors: [expect.objectContaining({ field: 'occurredAt' })] });
    await as('chief')
      .post(`/high-risk-persons/${personId}/approve`, { occurredAt: hoursAgo(48) })
      .expect(204);
    const task = await as('zfw')
      .post(`/high-risk-persons/${personId}/tasks`, {
        kind: 'stabilisation',
        assigneeOrganisationId: 'zfw-1',
        assigneeKind: 'community',
        note: '网格员每周上门走访',
        occurredAt: hoursAgo(24),
      })
      .expect(201);
    await runtime.catchUpProjections();
    const review = (await runtime.deadlines!.get(`${personId}/flag-1/review-1`))!;
    expect(review.startedAt.toISOString()).toBe(hoursAgo(48)); // the review period runs from the stated approval
    const taskClock = `${personId}/task-${task.body.taskId}`;
    const assigned = (await runtime.deadlines!.get(taskClock))!;
    expect(assigned.startedAt.toISOString()).toBe(hoursAgo(24));

    // Done a day before it was due, entered a week after: the instant it happened meets the clock.
    const doneAt = new Date(assigned.dueAt.getTime() - 86_400_000).toISOString();
    now = new Date(assigned.dueAt.getTime() + 7 * 86_400_000);
    try {
      await as('zfw')
        .post(`/high-risk-persons/${personId}/tasks/${task.body.taskId}/complete`, {
          outcome: '网格员走访三次，已稳控',
          occurredAt: doneAt,
        })
        .expect(204);
      await runtime.catchUpProjections();
      expect(await runtime.deadlines!.get(taskClock)).toMatchObject({ state: 'met' });
      const events = await runtime.store.readStream(`high-risk-person-${personId}`);
      expect(events.find((e) => e.type === 'StabilisationTaskCompleted')?.data).toMatchObject({ completedAt: doneAt });
    } finally {
      now = saved;
    }
  });

  it('an unreviewed flag expires when its review clock breaches (moved clock), once', async () => {
    const personId = await proposeAndApprove('11010519491231002X', '李测试');
    await runtime.catchUpProjections();
    const deadline = (await runtime.deadlines!.get(`${personId}/flag-1/review-1`))!;
    expect(deadline.state).toBe('running');

    const saved = now;
    now = new Date(deadline.dueAt.getTime() + 60_000);
    await runtime.sweepDeadlines();
    await runtime.sweepDeadlines();
    const until = Date.now() + 10_000;
    let types: string[] = [];
    while (Date.now() < until) {
      types = (await runtime.store.readStream(`high-risk-person-${personId}`)).map((e) => e.type);
      if (types.includes('FlagExpired')) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(types).toEqual(['PersonRegistered', 'FlagProposed', 'FlagApproved', 'FlagExpired']);
    expect((await as('otherHospital').post('/high-risk-persons/checks', { idNumber: '11010519491231002X' }).expect(200)).body).toEqual({
      match: false,
    });
    now = saved;
    await new Promise((r) => setTimeout(r, 300));
    expect((await runtime.store.readStream(`high-risk-person-${personId}`)).filter((e) => e.type === 'FlagExpired')).toHaveLength(1);
  }, 30_000);
});
