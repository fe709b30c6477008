import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { addDays, eventsTopic, SECURITY_LEDGER_CONTEXT, shanghaiDateOf, shanghaiDateTimeOf, type EventEnvelope } from '@pingan/contracts';
import { KafkaBus, type MessageBus, type Subscription } from '@pingan/messaging';
import type { Database } from '@pingan/event-store';
import { DATABASE, MESSAGE_BUS, runtimeToken, ServiceRuntime } from '@pingan/platform';
import {
  binaryBody,
  closeAppAndDatabase,
  createTestDatabase,
  seedDirectory,
  testKafkaBrokers,
  type TestDatabase,
  testAccessTokenKeys,
  type TestOrganisation,
  readXlsxWithOpenpyxl,
} from '@pingan/testing';
import type { PrincipalClaims } from '@pingan/access';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { parse } from 'csv-parse/sync';

const run = randomUUID().slice(0, 8);
// Topics of this run only: other test files publish directories on the same broker.
const TOPIC_PREFIX = `sl-${run}.`;
const A = `sl-${run}-central`; // 三级 public, 万州区
const B = `sl-${run}-private`; // 二级 private, 万州区
const C = `sl-${run}-unfiled`; // 二级 public, 万州区, files nothing
const D = `sl-${run}-elsewhere`; // 二级 private, 黔江区 (500114)

const hospital = (
  organisationId: string,
  regionCode: string,
  level: '二级' | '三级',
  ownership: 'public' | 'private',
  name: string,
): TestOrganisation => ({
  organisationId,
  kind: 'hospital',
  regionCode,
  name,
  details: { hospital: { level, ownership, beds: 100, dailyOutpatients: 100, hasPoliceOffice: false } },
});
const DIRECTORY: TestOrganisation[] = [
  hospital(A, '500101', '三级', 'public', '万州区人民医院'),
  hospital(B, '500101', '二级', 'private', '万州仁爱医院'),
  hospital(C, '500101', '二级', 'public', '万州区第二人民医院'),
  hospital(D, '500114', '二级', 'private', '黔江民康医院'),
];

const who: Record<string, Partial<PrincipalClaims>> = {
  a: {
    userId: `u-a-${run}`,
    organisationId: A,
    organisationKind: 'hospital',
    organisationRegion: '500101',
    roles: ['hospital_security_officer'],
  },
  aComplaints: {
    userId: `u-ac-${run}`,
    organisationId: A,
    organisationKind: 'hospital',
    organisationRegion: '500101',
    roles: ['hospital_complaints_officer'],
  },
  d: {
    userId: `u-d-${run}`,
    organisationId: D,
    organisationKind: 'hospital',
    organisationRegion: '500114',
    roles: ['hospital_security_officer'],
  },
  b: {
    userId: `u-b-${run}`,
    organisationId: B,
    organisationKind: 'hospital',
    organisationRegion: '500101',
    roles: ['hospital_security_officer'],
  },
  hc: {
    userId: `u-hc-${run}`,
    organisationId: `hc-${run}`,
    organisationKind: 'health_commission',
    organisationRegion: '500101',
    roles: ['health_commission_official'],
  },
  cityHc: {
    userId: `u-chc-${run}`,
    organisationId: `chc-${run}`,
    organisationKind: 'health_commission',
    organisationRegion: '500100',
    roles: ['health_commission_official'],
  },
  otherHc: {
    userId: `u-ohc-${run}`,
    organisationId: `ohc-${run}`,
    organisationKind: 'health_commission',
    organisationRegion: '500114',
    roles: ['health_commission_official'],
  },
  police: {
    userId: `u-p-${run}`,
    organisationId: `ps-${run}`,
    organisationKind: 'police',
    organisationRegion: '500101',
    roles: ['station_chief'],
    policeUnitType: 'station',
  },
};

/**
 * The security ledger as its own process (AppModule: Kafka because KAFKA_BROKERS is set) on a
 * real PostgreSQL server, the directory reaching it over Kafka as the gateway publishes it: two
 * hospitals of 万州区 file their profiles, the county's ledger shows each one's compliance with
 * the figures, the one that did not file and the region's 80 % rule; access and rejections. Then a
 * self-inspection return: the commission sets it, two hospitals file, one late (its clock breached
 * by the sweeper on a moved clock, the breach published), the third never does. Then an inspection:
 * two gaps, two rectification items, one sent back and signed off late (its breach escalated to
 * the inspecting commission), and the ledger's counts.
 */
describe('security ledger over real PostgreSQL and real Kafka', () => {
  const saved = { ...process.env };
  const keys = testAccessTokenKeys();
  const tokens: Record<string, string> = {};
  const seen: EventEnvelope[] = [];
  let database: TestDatabase;
  let app: INestApplication;
  let consumerBus: KafkaBus;
  let subscription: Subscription;
  const today = shanghaiDateOf(new Date());
  // The service's clock: real time, moved forward by the return's test (days are not waited for).
  let shiftMs = 0;
  let runtime: ServiceRuntime;

  const http = () => request(app.getHttpServer());
  const auth = (w: string) => ({ authorization: `Bearer ${tokens[w]}` });
  const put = (w: string, hospitalId: string, body: object) =>
    http().put(`/security-ledger/hospitals/${hospitalId}/profile`).set(auth(w)).send(body);
  const get = (w: string, path: string) => http().get(path).set(auth(w));

  const profileA = {
    openBeds: 900,
    onDutyMedicalStaff: 1550,
    dailyOutpatients: 6500,
    securityCadres: 4,
    guards: 39,
    certifiedGuards: 39,
    policeOffice: { present: true, fullTimeOfficers: 1, partTimeOfficers: 0, auxiliaries: 2, guards: 6 },
    screening: { mainEntrances: 2, screenedMainEntrances: 1, equipment: ['walk_through_metal_detector', 'handheld_metal_detector'] },
    alarms: { gate: true, departments: true, keyPlaces: true, networkedToMonitoringCentre: true, networkedToPolice: true },
    video: { keyPlacesCovered: true, highDefinition: true, retentionDays: 90 },
    emergencyPlan: { adopted: true, revisedOn: addDays(today, -20) },
    drills: [addDays(today, -30)],
    trainingSessions: 6,
    liabilityInsurance: true,
  };
  const profileB = {
    openBeds: 200,
    onDutyMedicalStaff: 300,
    dailyOutpatients: 1500,
    securityCadres: 1,
    guards: 10,
    certifiedGuards: 10,
    policeOffice: { present: true, fullTimeOfficers: 0, partTimeOfficers: 1, auxiliaries: 2, guards: 6 },
    alarms: { gate: true, departments: true, keyPlaces: true, networkedToMonitoringCentre: true, networkedToPolice: true },
    video: { keyPlacesCovered: true, highDefinition: false, retentionDays: 30 },
    emergencyPlan: { adopted: true, revisedOn: addDays(today, -100) },
    drills: [addDays(today, -120)],
    trainingSessions: 2,
    liabilityInsurance: true,
  };

  beforeAll(async () => {
    database = await createTestDatabase('security_ledger_kafka');
    Object.assign(process.env, {
      DATABASE_URL: database.url,
      KAFKA_BROKERS: testKafkaBrokers().join(','),
      KAFKA_TOPIC_PREFIX: TOPIC_PREFIX,
      LOG_LEVEL: 'fatal',
      ...keys.env,
    });
    for (const [name, claims] of Object.entries(who)) tokens[name] = await keys.tokenFor({ username: `sl.${name}`, ...claims });
    const { AppModule } = await import('./app.module.js');
    const { securityLedgerRuntimeOptions } = await import('./security-ledger.module.js');
    const moduleRef = await Test.createTestingModule({ imports: [AppModule] })
      // The same runtime, on a clock the test moves; the sweeps are the test's own.
      .overrideProvider(runtimeToken(SECURITY_LEDGER_CONTEXT))
      .useFactory({
        inject: [DATABASE, MESSAGE_BUS],
        factory: (db: Database, bus: MessageBus) =>
          new ServiceRuntime(
            {
              ...securityLedgerRuntimeOptions(),
              deadlines: { ...securityLedgerRuntimeOptions().deadlines!, sweepIntervalMs: 3_600_000 },
              clock: () => new Date(Date.now() + shiftMs),
            },
            db,
            bus,
          ),
      })
      .compile();
    app = moduleRef.createNestApplication();
    await app.init();
    runtime = app.get<ServiceRuntime>(runtimeToken(SECURITY_LEDGER_CONTEXT));
    await seedDirectory(app.get<MessageBus>(MESSAGE_BUS), [runtime.directory], DIRECTORY, 60_000);
    consumerBus = new KafkaBus({ brokers: testKafkaBrokers(), clientId: 'security-ledger-kafka-test', topicPrefix: TOPIC_PREFIX });
    subscription = await consumerBus.subscribe({
      group: `security-ledger-test-${run}`,
      topics: [eventsTopic(SECURITY_LEDGER_CONTEXT)],
      handle: async (envelope) => {
        const data = envelope.data as { hospitalId?: string; subject?: string };
        if ((data.hospitalId ?? data.subject)?.startsWith(`sl-${run}`)) seen.push(envelope);
      },
    });
  }, 180_000);

  afterAll(async () => {
    await subscription?.close();
    await consumerBus?.close();
    await closeAppAndDatabase(app, saved, database);
  }, 60_000);

  it('two hospitals file; the county ledger shows each one’s compliance and the figures behind it', async () => {
    // Grade and ownership are the directory's, even when the body says nothing of them.
    expect((await put('a', A, profileA).expect(200)).body).toEqual({ hospitalId: A, revision: 1, changed: true });
    expect((await put('b', B, profileB).expect(200)).body).toEqual({ hospitalId: B, revision: 1, changed: true });

    const ledger = (await get('hc', '/security-ledger/ledger?region=500101').expect(200)).body;
    expect(ledger).toMatchObject({ regionCode: '500101', regionName: '重庆市万州区', asOf: today });
    const mine = ledger.items.filter((i: { hospitalId: string }) => i.hospitalId.startsWith(`sl-${run}`));
    expect(mine.map((i: { hospitalId: string; compliance: string }) => [i.hospitalId, i.compliance])).toEqual([
      [A, 'non_compliant'],
      [B, 'compliant'],
      [C, 'not_filed'],
    ]); // D is in 黔江区: not on 万州's ledger
    const a = mine[0];
    expect(a).toMatchObject({ name: '万州区人民医院', level: '三级', ownership: 'public', revision: 1 });
    expect(a.gaps).toEqual([
      expect.objectContaining({ standardId: 'S0-guards', figure: '需配备保安47人（按在岗医务人员1550人的3%计），现有39人' }),
      expect.objectContaining({ standardId: 'S1-guards-open-beds', figure: '需配备保安45人（按开放床位900张的每20张1名计），现有39人' }),
      expect.objectContaining({
        standardId: 'S0-screening',
        figure: '日均门诊量6500人次、床位900张，须在主要出入口实施安检；主要出入口2个，已安检1个',
      }),
    ]);
    expect(mine[1].gaps).toEqual([]);
    expect(ledger.regionRequirements).toEqual([
      expect.objectContaining({
        standardId: 'S1-police-office',
        status: 'met',
        figure: '辖区二级民营医院1家，设警务室1家（100%），须不低于80%',
      }),
    ]);

    const published = await eventually(() => (seen.length >= 2 ? seen.slice(0, 2) : null));
    expect(published.map((e) => [e.type, (e.data as { hospitalId: string }).hospitalId]).sort()).toEqual([
      ['SecurityProfileFiled', A],
      ['SecurityProfileFiled', B],
    ]);
  }, 60_000);

  it('a hospital’s page: its profile and each requirement, for itself, police and commissions of its region only', async () => {
    const page = (await get('a', `/security-ledger/hospitals/${A}`).expect(200)).body;
    expect(page).toMatchObject({ hospitalId: A, filed: true, revision: 1, level: '三级', profile: { guards: 39 } });
    expect(page.evaluation.compliance).toBe('non_compliant');
    expect(page.evaluation.requirements.find((r: { standardId: string }) => r.standardId === 'S1-police-office-staffing')).toMatchObject({
      status: 'met',
      source: '渝卫发〔2021〕3号 三(二)',
    });
    await get('police', `/security-ledger/hospitals/${A}`).expect(200);
    await get('cityHc', `/security-ledger/hospitals/${A}`).expect(200);
    expect((await get('b', `/security-ledger/hospitals/${A}`).expect(403)).body.code).toBe('ACCESS.DENIED');
    await get('otherHc', `/security-ledger/hospitals/${A}`).expect(403);
    await get('aComplaints', `/security-ledger/hospitals/${A}`).expect(403);
    const unfiled = (await get('hc', `/security-ledger/hospitals/${C}`).expect(200)).body;
    expect(unfiled).toMatchObject({ filed: false, profile: null, evaluation: { compliance: 'not_filed' } });
    expect((await get('hc', `/security-ledger/hospitals/nobody-${run}`).expect(404)).body.code).toBe('SECURITY_LEDGER.NOT_FOUND');
  });

  it('filing again: the same profile changes nothing, a fix is the next revision and moves the ledger', async () => {
    expect((await put('a', A, profileA).expect(200)).body).toEqual({ hospitalId: A, revision: 1, changed: false });
    const fixed = { ...profileA, guards: 47, certifiedGuards: 47, screening: { ...profileA.screening, screenedMainEntrances: 2 } };
    expect((await put('a', A, fixed).expect(200)).body).toEqual({ hospitalId: A, revision: 2, changed: true });
    const ledger = (await get('police', '/security-ledger/ledger?region=500101&compliance=compliant').expect(200)).body;
    expect(ledger.items.map((i: { hospitalId: string }) => i.hospitalId).filter((id: string) => id.startsWith(`sl-${run}`))).toEqual([
      A,
      B,
    ]);
  });

  it('refuses with stable codes: another hospital, a contradicted directory, an inconsistent profile, a region outside the caller’s', async () => {
    expect((await put('b', A, profileB).expect(403)).body.code).toBe('SECURITY_LEDGER.NOT_OWN_HOSPITAL');
    expect((await put('a', A, { ...profileA, level: '二级' }).expect(422)).body.code).toBe('DIRECTORY.CONTRADICTS_DIRECTORY');
    const invalid = (await put('a', A, { ...profileA, certifiedGuards: 100 }).expect(422)).body;
    expect(invalid).toMatchObject({
      code: 'SECURITY_LEDGER.INVALID_PROFILE',
      errors: [expect.objectContaining({ field: 'certifiedGuards' })],
    });
    expect((await put('a', A, { ...profileA, guards: -3 }).expect(400)).body.code).toBeDefined();
    await put('hc', A, profileA).expect(403);
    await get('hc', '/security-ledger/ledger?region=500114').expect(403);
    await get('a', '/security-ledger/ledger').expect(403);
    // The city commission sees both counties; 黔江's private hospital has not filed: its 80 % rule fails.
    const city = (await get('cityHc', '/security-ledger/ledger?region=500100').expect(200)).body;
    expect(city.items.some((i: { hospitalId: string }) => i.hospitalId === D)).toBe(true);
    expect(city.regionRequirements).toEqual([
      expect.objectContaining({ status: 'not_met', figure: '辖区二级民营医院2家，设警务室1家（50%），须不低于80%' }),
    ]);
  });

  it('a self-inspection return: set for 万州, two hospitals file, one late (its clock breached), one never', async () => {
    const dueOn = addDays(today, 3);
    const body = { title: '2026年医院安全秩序自查', asOf: today, dueOn };
    const set = (await http().post('/security-ledger/returns').set(auth('hc')).send(body).expect(201)).body;
    expect(set).toMatchObject({ regionCode: '500101', hospitals: 3 }); // A, B, C: not 黔江's D
    const id = set.returnId as string;
    const fileIt = (w: string, returnId = id, evidence: string[] = []) =>
      http().post(`/security-ledger/returns/${returnId}/filings`).set(auth(w)).send({ evidence });

    const a = (await fileIt('a', id, ['附件/2026-演练记录.pdf']).expect(201)).body;
    expect(a).toMatchObject({ returnId: id, hospitalId: A, profileRevision: 2, onTime: true });

    // Rejections, with stable codes.
    expect((await fileIt('a').expect(409)).body.code).toBe('SECURITY_LEDGER.ALREADY_FILED');
    expect((await fileIt('d').expect(403)).body.code).toBe('SECURITY_LEDGER.NOT_IN_RETURN');
    expect((await fileIt('a', randomUUID()).expect(404)).body.code).toBe('SECURITY_LEDGER.RETURN_NOT_FOUND');
    const early = await http()
      .post('/security-ledger/returns')
      .set(auth('hc'))
      .send({ ...body, asOf: addDays(today, 5) })
      .expect(422);
    expect(early.body).toMatchObject({
      code: 'SECURITY_LEDGER.INVALID_RETURN',
      errors: [expect.objectContaining({ field: 'dueOn', code: 'DUE_BEFORE_AS_OF' })],
    });
    expect(
      (
        await http()
          .post('/security-ledger/returns')
          .set(auth('hc'))
          .send({ ...body, region: '500114' })
          .expect(403)
      ).body.code,
    ).toBe('SECURITY_LEDGER.REGION_OUTSIDE_SCOPE');
    await http().post('/security-ledger/returns').set(auth('police')).send(body).expect(403);
    await get('otherHc', `/security-ledger/returns/${id}`).expect(403);
    // A hospital of the return sees its own row only.
    expect(
      (await get('b', `/security-ledger/returns/${id}`).expect(200)).body.hospitals.map((h: { hospitalId: string }) => h.hospitalId),
    ).toEqual([B]);

    // Four days on: the due day is over; the sweeper breaches the two clocks still running.
    shiftMs = 4 * 24 * 3_600_000;
    await runtime.sweepDeadlines();
    const b = (await fileIt('b').expect(201)).body;
    expect(b).toMatchObject({ hospitalId: B, profileRevision: 1, onTime: false });

    const view = (await get('hc', `/security-ledger/returns/${id}`).expect(200)).body;
    expect(view).toMatchObject({ title: '2026年医院安全秩序自查', regionName: '重庆市万州区', asOf: today, dueOn });
    expect(view.counts).toEqual({ hospitals: 3, on_time: 1, late: 1, missing: 1, pending: 0 });
    expect(
      view.hospitals.map((h: { hospitalId: string; status: string; clock: { state: string } }) => [h.hospitalId, h.status, h.clock.state]),
    ).toEqual(
      [
        [A, 'on_time', 'met'],
        [C, 'missing', 'breached'],
        [B, 'late', 'breached'],
      ].sort((x, y) => x[0].localeCompare(y[0])),
    );
    const filedA = view.hospitals.find((h: { hospitalId: string }) => h.hospitalId === A);
    expect(filedA).toMatchObject({ name: '万州区人民医院', profile: { guards: 47 }, evidence: ['附件/2026-演练记录.pdf'] });
    await get('cityHc', `/security-ledger/returns/${id}`).expect(200);

    // The breaches are escalated to the commission on the service's topic, like every deadline's.
    const breaches = await eventually(() => {
      const found = seen.filter((e) => e.type === 'DeadlineBreached');
      return found.length >= 2 ? found : null;
    });
    expect(breaches.map((e) => (e.data as { subject: string }).subject).sort()).toEqual([B, C].sort());
    expect(breaches[0]!.data).toMatchObject({ rule: 'self-inspection-return', supervisingOrganisationId: `hc-${run}` });
  }, 90_000);

  it('the ledger as XLSX in the commission’s layout, read back with openpyxl: names, each requirement in words with its figure, 合计', async () => {
    const asOf = shanghaiDateOf(runtime.clock()); // the return's test moved the clock
    const ledger = (await get('hc', '/security-ledger/ledger?region=500101').expect(200)).body;
    const filedAt = (id: string) =>
      shanghaiDateTimeOf(new Date(ledger.items.find((i: { hospitalId: string }) => i.hospitalId === id).filedAt)).slice(0, 16);
    const res = await get('hc', '/security-ledger/ledger.xlsx?region=500101').buffer(true).parse(binaryBody).expect(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const [sheet] = readXlsxWithOpenpyxl(res.body as Buffer);
    const rows = sheet!.rows;
    const [y, m, d] = asOf.split('-').map(Number);
    expect(rows[0]![0]).toBe(`《医院安全秩序管理工作台账》（重庆市万州区，截至${y}年${m}月${d}日）`);
    expect(rows[1]![0]).toBe('统计区域：重庆市万州区（500101）');
    expect(rows[3]).toEqual([
      '序号',
      '医院名称',
      '所属区域',
      '医院等级',
      '所有制',
      '保安员数量（就高不就低）\n（国卫医发〔2021〕28号 二(一)2）',
      '保安员持证上岗\n（国卫医发〔2021〕28号 二(一)2）',
      '按开放床位20:1足额配备保安\n（渝卫发〔2021〕3号 二(一)）',
      '主要出入口安检\n（国卫医发〔2021〕28号 二(三)2）',
      '三级医院设立警务室\n（国卫医发〔2021〕28号 二(三)1）',
      '二级以上公立医院警务室全覆盖，二级民营医院设置率不低于80%\n（渝卫发〔2021〕3号 三(二)）',
      '警务室按“1+2+6”配置人员，三级医院配置专职民警\n（渝卫发〔2021〕3号 三(二)）',
      '门卫室、各科室、重点要害部位一键式报警并与安全监控中心联网\n（国卫医发〔2021〕28号 二(一)4）',
      '一键报警接入属地公安派出所\n（渝卫发〔2021〕3号 二(三)）',
      '公共区域、重点区域视频监控全覆盖\n（国卫医发〔2021〕28号 二(一)4）',
      '每年至少一次应急演练，演练后修订预案\n（国卫医发〔2021〕28号 二(四)1）',
      '总体达标情况',
      '最近填报时间',
      '未销号整改事项',
      '其中逾期',
      '逾期销号',
      '最近检查日期',
    ]);
    const alarms = '达标：门卫室、各科室、重点要害部位均已安装，已与安全监控中心联网';
    expect(rows.slice(4, 8)).toEqual([
      [
        1,
        '万州区人民医院',
        '重庆市万州区',
        '三级',
        '公立',
        '达标：需配备保安47人（按在岗医务人员1550人的3%计），现有47人',
        '达标：保安员47人，持证上岗47人',
        '达标：需配备保安45人（按开放床位900张的每20张1名计），现有47人',
        '达标：日均门诊量6500人次、床位900张，须在主要出入口实施安检；主要出入口2个，已安检2个',
        '达标：三级医院须设警务室，已设',
        '达标：二级、三级公立医院须设警务室，已设',
        '达标：须按“1+2+6”配置（专职民警），现有民警1人（专职1人）、协警2人、保安6人',
        alarms,
        '达标：一键报警已接入公安机关',
        '达标：公共区域、重点区域视频监控已全覆盖',
        `达标：最近一次演练${addDays(today, -30)}，预案修订于${addDays(today, -20)}`,
        '达标',
        filedAt(A),
        0,
        0,
        0,
        '—',
      ],
      [
        2,
        '万州仁爱医院',
        '重庆市万州区',
        '二级',
        '民营',
        '达标：需配备保安10人（按开放床位200张的每20张1名计），现有10人',
        '达标：保安员10人，持证上岗10人',
        '达标：需配备保安10人（按开放床位200张的每20张1名计），现有10人',
        '不适用：日均门诊量1500人次、床位200张，未达5000人次或1000张，不强制安检',
        '不适用：非三级医院，不强制设警务室',
        '达标：二级民营医院按辖区设置率统计（不低于80%），本院已设',
        '达标：须按“1+2+6”配置，现有民警1人（专职0人）、协警2人、保安6人',
        alarms,
        '达标：一键报警已接入公安机关',
        '达标：公共区域、重点区域视频监控已全覆盖',
        `达标：最近一次演练${addDays(today, -120)}，预案修订于${addDays(today, -100)}`,
        '达标',
        filedAt(B),
        0,
        0,
        0,
        '—',
      ],
      [3, '万州区第二人民医院', '重庆市万州区', '二级', '公立', ...Array(11).fill('未填报'), '未填报', '—', 0, 0, 0, '—'],
      ['合计', '医院3家', null, null, null, ...Array(11).fill(null), '达标2家，未达标0家，待补充0家，未填报1家', null, 0, 0, 0, null],
    ]);
    expect(sheet!.freeze).toBe('A5');
    expect(sheet!.bold).toEqual(expect.arrayContaining(['A1', 'A4', 'A8']));
    await get('otherHc', '/security-ledger/ledger.xlsx?region=500101').expect(403);
    await get('a', '/security-ledger/ledger.xlsx').expect(403);
  }, 60_000);

  it('the annual assessment: the city’s scoring sheet holds for the county, each hospital scored per item, graded, as XLSX', async () => {
    // Before any sheet: the default, 100 points in twelve items.
    const before = (await get('hc', '/security-ledger/assessment-sheets/500101').expect(200)).body;
    expect(before).toMatchObject({ origin: 'default', version: 0, sheet: { total: 100, bands: [] } });
    expect(before.sheet.items).toHaveLength(12);
    const sheet = {
      title: '万州市平安医院考评评分表',
      total: 100,
      items: [
        { id: 'guards', kind: 'guards', title: '保安员配备', points: 40, source: '国卫医发〔2021〕28号 二(一)2' },
        { id: 'screening', kind: 'screening', title: '入院安检', points: 20 },
        { id: 'drills', kind: 'drills', title: '应急演练', points: 20 },
        { id: 'video', kind: 'video_retention', title: '监控存储', points: 10 },
        { id: 'insurance', kind: 'liability_insurance', title: '医疗责任保险', points: 10 },
      ],
      bands: [
        { grade: '合格', minScore: 60 },
        { grade: '不合格', minScore: 0 },
        { grade: '优秀', minScore: 90 },
      ],
    };
    const putSheet = (w: string, region: string, body: object) =>
      http().put(`/security-ledger/assessment-sheets/${region}`).set(auth(w)).send(body);
    expect((await putSheet('cityHc', '500100', sheet).expect(200)).body).toEqual({ regionCode: '500100', version: 1, changed: true });
    expect((await putSheet('cityHc', '500100', sheet).expect(200)).body).toEqual({ regionCode: '500100', version: 1, changed: false });
    // Refusals: the county for the city above it, police, a total the items do not add up to, an unknown kind.
    expect((await putSheet('hc', '500100', sheet).expect(403)).body.code).toBe('SECURITY_LEDGER.REGION_OUTSIDE_SCOPE');
    await putSheet('police', '500101', sheet).expect(403);
    const wrong = (await putSheet('hc', '500101', { ...sheet, total: 90 }).expect(422)).body;
    expect(wrong).toMatchObject({
      code: 'SECURITY_LEDGER.INVALID_ASSESSMENT_SHEET',
      errors: [expect.objectContaining({ field: 'total', code: 'TOTAL_MISMATCH' })],
    });
    const unknownKind = {
      ...sheet,
      items: [...sheet.items.slice(0, 4), { id: 'x', kind: 'incidents_handled', title: '案件', points: 10 }],
    };
    expect((await putSheet('hc', '500101', unknownKind).expect(422)).body.errors).toEqual([
      expect.objectContaining({ field: 'items[4].kind', code: 'UNKNOWN_KIND' }),
    ]);
    const county = (await get('hc', '/security-ledger/assessment-sheets/500101').expect(200)).body;
    expect(county).toMatchObject({ regionCode: '500101', regionName: '重庆市万州区', origin: '500100', version: 1 });
    expect(county.sheet.bands.map((b: { grade: string }) => b.grade)).toEqual(['优秀', '合格', '不合格']);
    await get('otherHc', '/security-ledger/assessment-sheets/500101').expect(403);

    // B drops its insurance and has held no drill: it loses those items.
    await put('b', B, { ...profileB, drills: [], liabilityInsurance: false }).expect(200);
    const year = Number(shanghaiDateOf(runtime.clock()).slice(0, 4));
    await http().post('/security-ledger/assessments').set(auth('police')).send({ year }).expect(403);
    expect(
      (
        await http()
          .post('/security-ledger/assessments')
          .set(auth('hc'))
          .send({ year: year + 1 })
          .expect(422)
      ).body.errors,
    ).toEqual([expect.objectContaining({ field: 'year', code: 'NOT_A_YEAR' })]);
    const recorded = (await http().post('/security-ledger/assessments').set(auth('hc')).send({ year }).expect(201)).body;
    expect(recorded).toMatchObject({ year, regionCode: '500101', hospitals: 3 });
    const id = recorded.assessmentId as string;

    const view = (await get('cityHc', `/security-ledger/assessments/${id}`).expect(200)).body;
    expect(view).toMatchObject({
      year,
      regionName: '重庆市万州区',
      sheet: { origin: '500100', version: 1 },
      grades: { 优秀: 1, 合格: 1, 不合格: 1 },
    });
    const scored = (h: {
      hospitalId: string;
      scores: { itemId: string; status: string; score: number }[];
      total: number;
      grade: string;
    }) => [h.hospitalId, h.scores.map((s) => `${s.itemId}:${s.status}:${s.score}`).join(' '), h.total, h.grade];
    expect(view.hospitals.map(scored)).toEqual(
      [
        [A, 'guards:met:40 screening:met:20 drills:met:20 video:not_applicable:10 insurance:met:10', 100, '优秀'],
        [B, 'guards:met:40 screening:not_applicable:20 drills:not_met:0 video:not_applicable:10 insurance:not_met:0', 70, '合格'],
        [C, 'guards:unknown:0 screening:unknown:0 drills:unknown:0 video:unknown:0 insurance:unknown:0', 0, '不合格'],
      ].sort((x, y) => String(x[0]).localeCompare(String(y[0]))),
    );
    expect(view.hospitals.find((h: { hospitalId: string }) => h.hospitalId === B).scores[2].figure).toBe('未开展应急演练');
    await get('otherHc', `/security-ledger/assessments/${id}`).expect(403);
    await get('a', `/security-ledger/assessments/${id}`).expect(403);
    expect((await get('hc', `/security-ledger/assessments/${randomUUID()}`).expect(404)).body.code).toBe(
      'SECURITY_LEDGER.ASSESSMENT_NOT_FOUND',
    );

    const res = await get('hc', `/security-ledger/assessments/${id}.xlsx`).buffer(true).parse(binaryBody).expect(200);
    const rows = readXlsxWithOpenpyxl(res.body as Buffer)[0]!.rows;
    expect(rows[0]![0]).toBe(`《${year}年度平安医院考评结果》（重庆市万州区）`);
    expect(rows[2]![0]).toBe('评分表：万州市平安医院考评评分表（500100评分表第1版，满分100分）');
    const header = rows[5]!;
    expect(header).toEqual([
      '序号',
      '医院名称',
      '所属区域',
      '医院等级',
      '所有制',
      '保安员配备\n（40分）',
      '入院安检\n（20分）',
      '应急演练\n（20分）',
      '监控存储\n（10分）',
      '医疗责任保险\n（10分）',
      '总分\n（满分100分）',
      '等次',
      '总体达标情况',
    ]);
    const byName = (rows: (string | number | boolean | null)[][]) => rows.map((r) => r.slice(1));
    expect(byName(rows.slice(6, 9)).sort((x, y) => String(x[0]).localeCompare(String(y[0]), 'zh-CN'))).toEqual(
      [
        ['万州区人民医院', '重庆市万州区', '三级', '公立', 40, 20, 20, 10, 10, 100, '优秀', '达标'],
        ['万州仁爱医院', '重庆市万州区', '二级', '民营', 40, 20, 0, 10, 0, 70, '合格', '未达标'],
        ['万州区第二人民医院', '重庆市万州区', '二级', '公立', 0, 0, 0, 0, 0, 0, '不合格', '未填报'],
      ].sort((x, y) => String(x[0]).localeCompare(String(y[0]), 'zh-CN')),
    );
    expect(rows[9]).toEqual([
      '合计',
      '医院3家',
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      '平均56.7分',
      '优秀1家，合格1家，不合格1家',
      null,
    ]);
  }, 60_000);

  it('an inspection finds two gaps; both are rectified, one sent back once and signed off late (its breach escalated); the ledger shows exactly that', async () => {
    // The service's clock runs 4 days ahead since the return's test: its "today" is the one that counts.
    const serviceNow = () => new Date(Date.now() + shiftMs);
    const serviceToday = () => shanghaiDateOf(serviceNow());
    const post = (w: string, path: string, body: object) => http().post(`/security-ledger${path}`).set(auth(w)).send(body);
    const inspectedAt = new Date(serviceNow().getTime() - 2 * 3_600_000).toISOString();
    const findings = [
      { requirement: 'guards', note: '保安员在岗人数不足' },
      { requirement: 'screening', note: '东门未实施安检' },
    ];
    const body = { hospitalId: A, kind: 'inspection', inspectedAt, findings };

    // Who may inspect, and what is refused.
    expect((await post('otherHc', '/inspections', body).expect(403)).body.code).toBe('SECURITY_LEDGER.REGION_OUTSIDE_SCOPE');
    expect((await post('a', '/inspections', body).expect(403)).body.code).toBe('ACCESS.DENIED');
    expect((await post('hc', '/inspections', { ...body, hospitalId: `nobody-${run}` }).expect(404)).body.code).toBe(
      'SECURITY_LEDGER.NOT_FOUND',
    );
    const future = new Date(serviceNow().getTime() + 86_400_000).toISOString();
    expect((await post('hc', '/inspections', { ...body, inspectedAt: future }).expect(422)).body).toMatchObject({
      code: 'OCCURRED_AT.IN_FUTURE',
      errors: [expect.objectContaining({ field: 'inspectedAt' })],
    });
    expect(
      (await post('hc', '/inspections', { ...body, findings: [{ requirement: 'parking', note: '车位' }] }).expect(400)).body.status,
    ).toBe(400);

    const recorded = (await post('hc', '/inspections', body).expect(201)).body;
    expect(recorded).toMatchObject({ hospitalId: A, inspectedAt, findings: [{ findingId: '1' }, { findingId: '2' }] });
    const id = recorded.inspectionId as string;
    const responsible = { name: '张保卫', role: '保卫科科长' };
    const item1 = (
      await post('hc', `/inspections/${id}/items`, { findingId: '1', responsible, dueOn: addDays(serviceToday(), 2) }).expect(201)
    ).body;
    const item2 = (
      await post('police', `/inspections/${id}/items`, { findingId: '2', responsible, dueOn: addDays(serviceToday(), 5) }).expect(201)
    ).body;
    expect([item1, item2].map((i) => [i.itemId, i.requirement, i.status])).toEqual([
      ['1', 'guards', 'issued'],
      ['2', 'screening', 'issued'],
    ]);
    expect(
      (await post('hc', `/inspections/${id}/items`, { findingId: '1', responsible, dueOn: serviceToday() }).expect(409)).body.code,
    ).toBe('SECURITY_LEDGER.ITEM_EXISTS');
    expect((await post('hc', `/inspections/${id}/items/1/sign-off`, {}).expect(409)).body.code).toBe('SECURITY_LEDGER.ITEM_NOT_REPORTED');

    // The hospital reports both fixes; another hospital may not, nor without evidence.
    const fix = (w: string, itemId: string, evidence = ['附件/整改报告.pdf']) =>
      post(w, `/inspections/${id}/items/${itemId}/fix`, { note: '已整改', evidence });
    expect((await fix('b', '1').expect(403)).body.code).toBe('ACCESS.DENIED');
    expect((await fix('a', '1', []).expect(422)).body).toMatchObject({
      code: 'SECURITY_LEDGER.INVALID_RECTIFICATION',
      errors: [expect.objectContaining({ field: 'evidence', code: 'NO_EVIDENCE' })],
    });
    expect((await fix('a', '1').expect(201)).body.status).toBe('reported');
    await fix('a', '2').expect(201);
    expect((await fix('a', '1').expect(409)).body.code).toBe('SECURITY_LEDGER.ITEM_NOT_OPEN');
    // Item 1 is sent back (the guards were contracted, not on duty) and reported again; item 2 signed off in time.
    expect((await post('hc', `/inspections/${id}/items/1/send-back`, { reason: '仅签订合同，人员未到岗' }).expect(201)).body.status).toBe(
      'sent_back',
    );
    await fix('a', '1').expect(201);
    expect((await post('hc', `/inspections/${id}/items/2/sign-off`, { note: '经现场核验' }).expect(201)).body).toMatchObject({
      status: 'signed_off',
      onTime: true,
    });
    expect((await post('otherHc', `/inspections/${id}/items/1/sign-off`, {}).expect(403)).body.code).toBe('ACCESS.DENIED');

    // 通报 and 约谈 on the inspection.
    expect((await post('hc', `/inspections/${id}/circulars`, { text: '对该院安保力量不足问题予以通报' }).expect(201)).body).toMatchObject({
      circularId: '1',
    });
    const heldAt = new Date(serviceNow().getTime() - 3_600_000).toISOString();
    expect(
      (
        await post('police', `/inspections/${id}/interviews`, {
          heldAt,
          interviewee: '李院长（院长）',
          summary: '约谈院长，限期整改',
        }).expect(201)
      ).body,
    ).toMatchObject({
      interviewId: '1',
      heldAt,
    });

    // Three days on: item 1 is past its due day, still awaiting its check; the sweeper breaches its clock.
    shiftMs += 3 * 24 * 3_600_000;
    await runtime.sweepDeadlines();
    const mine = async (w: string) =>
      (await get(w, '/security-ledger/ledger?region=500101').expect(200)).body.items.find(
        (i: { hospitalId: string }) => i.hospitalId === A,
      );
    expect(await mine('hc')).toMatchObject({ openItems: 1, overdueItems: 1, lateItems: 0 });
    const late = (await post('hc', `/inspections/${id}/items/1/sign-off`, { note: '人员已到岗' }).expect(201)).body;
    expect(late).toMatchObject({ status: 'signed_off', onTime: false });

    expect(await mine('police')).toMatchObject({
      openItems: 0,
      overdueItems: 0,
      lateItems: 1,
      lastInspectedAt: inspectedAt,
      lastInspectionOn: shanghaiDateOf(new Date(inspectedAt)),
    });
    // The XLSX ledger says the same, in its rectification columns.
    const xlsx = await get('hc', '/security-ledger/ledger.xlsx?region=500101').buffer(true).parse(binaryBody).expect(200);
    const rows = readXlsxWithOpenpyxl(xlsx.body as Buffer)[0]!.rows;
    const rowA = rows.find((r) => r[1] === '万州区人民医院')!;
    expect(rowA.slice(-4)).toEqual([0, 0, 1, shanghaiDateOf(new Date(inspectedAt))]);
    expect(rows.find((r) => r[0] === '合计')!.slice(-4)).toEqual([0, 0, 1, null]);
    const other = (await get('hc', '/security-ledger/ledger?region=500101').expect(200)).body.items.find(
      (i: { hospitalId: string }) => i.hospitalId === B,
    );
    expect(other).toMatchObject({ openItems: 0, overdueItems: 0, lateItems: 0, lastInspectionOn: null });

    const view = (await get('a', `/security-ledger/inspections/${id}`).expect(200)).body;
    expect(view).toMatchObject({
      hospitalName: '万州区人民医院',
      kind: 'inspection',
      inspector: { organisationId: `hc-${run}`, organisationKind: 'health_commission' },
      counts: { items: 2, open: 0, overdue: 0, signedOff: 2, late: 1 },
      circulars: [expect.objectContaining({ text: '对该院安保力量不足问题予以通报' })],
      interviews: [expect.objectContaining({ interviewee: '李院长（院长）' })],
    });
    expect(
      view.items.map((i: { itemId: string; onTime: boolean; clock: { state: string } }) => [i.itemId, i.onTime, i.clock.state]),
    ).toEqual([
      ['1', false, 'breached'],
      ['2', true, 'met'],
    ]);
    expect(view.items[0]).toMatchObject({ reports: [{}, {}], sentBack: [{ reason: '仅签订合同，人员未到岗' }] });
    const list = (await get('cityHc', `/security-ledger/hospitals/${A}/inspections`).expect(200)).body;
    expect(list.inspections).toEqual([
      expect.objectContaining({
        inspectionId: id,
        findings: 2,
        circulars: 1,
        interviews: 1,
        items: { total: 2, open: 0, overdue: 0, late: 1 },
      }),
    ]);
    // Access: another hospital, another county's commission; an unknown id is news to overseers only.
    await get('b', `/security-ledger/inspections/${id}`).expect(403);
    await get('otherHc', `/security-ledger/inspections/${id}`).expect(403);
    await get('b', `/security-ledger/hospitals/${A}/inspections`).expect(403);
    expect((await get('hc', `/security-ledger/inspections/${randomUUID()}`).expect(404)).body.code).toBe(
      'SECURITY_LEDGER.INSPECTION_NOT_FOUND',
    );
    expect((await get('a', `/security-ledger/inspections/${randomUUID()}`).expect(403)).body.code).toBe('ACCESS.DENIED');

    // The breach is escalated to the inspecting commission on the service's topic, like every deadline's.
    const breach = await eventually(() =>
      seen.find((e) => e.type === 'DeadlineBreached' && (e.data as { rule?: string }).rule === 'rectification-item'),
    );
    expect(breach.data).toMatchObject({ subject: A, responsibleOrganisationId: A, supervisingOrganisationId: `hc-${run}` });
    const types = await eventually(() => {
      const found = seen.filter((e) => (e.data as { inspectionId?: string }).inspectionId === id).map((e) => e.type);
      return found.length >= 11 ? found : null;
    });
    expect(new Set(types)).toEqual(
      new Set([
        'InspectionRecorded',
        'RectificationItemIssued',
        'RectificationReported',
        'RectificationSentBack',
        'RectificationSignedOff',
        'CircularIssued',
        'InterviewHeld',
      ]),
    );
  }, 90_000);
  it('S1 七’s two returns (附件1, 附件2) of 涪陵区: every cell the figures filed, as XLSX (openpyxl) and CSV (csv-parse)', async () => {
    // Three hospitals of their own county: a public grade-三 with a "1+2+6" office, a private grade-二
    // without one, a public grade-二 whose office is understaffed; the county's commission and police.
    const [P3, R2, Q2] = ['a', 'b', 'c'].map((x) => `sl-${run}-fl-${x}`);
    const FL = '500102';
    await seedDirectory(
      app.get<MessageBus>(MESSAGE_BUS),
      [runtime.directory],
      [
        hospital(P3, FL, '三级', 'public', '涪陵中心医院'),
        hospital(R2, FL, '二级', 'private', '涪陵康宁医院'),
        hospital(Q2, FL, '二级', 'public', '涪陵区第二人民医院'),
        { organisationId: `flhc-${run}`, kind: 'health_commission', regionCode: FL, name: '重庆市涪陵区卫生健康委员会' },
        { organisationId: `flps-${run}`, kind: 'police', regionCode: FL, name: '重庆市涪陵区公安局' },
      ],
      60_000,
    );
    const fl = {
      hc: {
        organisationId: `flhc-${run}`,
        organisationKind: 'health_commission',
        organisationRegion: FL,
        roles: ['health_commission_official'],
      },
      police: {
        organisationId: `flps-${run}`,
        organisationKind: 'police',
        organisationRegion: FL,
        roles: ['station_chief'],
        policeUnitType: 'station',
      },
      p3: { organisationId: P3, organisationKind: 'hospital', organisationRegion: FL, roles: ['hospital_security_officer'] },
      r2: { organisationId: R2, organisationKind: 'hospital', organisationRegion: FL, roles: ['hospital_security_officer'] },
      q2: { organisationId: Q2, organisationKind: 'hospital', organisationRegion: FL, roles: ['hospital_security_officer'] },
    } as Record<string, Partial<PrincipalClaims>>;
    for (const [name, claims] of Object.entries(fl))
      tokens[`fl-${name}`] = await keys.tokenFor({ username: `fl.${name}`, userId: `u-fl-${name}-${run}`, ...claims });
    const day = shanghaiDateOf(runtime.clock()); // the service's day (moved on by the return's test)
    await put('fl-p3', P3, {
      openBeds: 1200,
      onDutyMedicalStaff: 1000,
      dailyOutpatients: 3000,
      guards: 62,
      certifiedGuards: 62,
      policeOffice: { present: true, fullTimeOfficers: 1, partTimeOfficers: 0, auxiliaries: 2, guards: 6 },
      screening: { mainEntrances: 3, screenedMainEntrances: 3, equipment: ['walk_through_metal_detector', 'x_ray_baggage_scanner'] },
      alarms: { gate: true, departments: true, keyPlaces: true, networkedToMonitoringCentre: true, networkedToPolice: true },
      video: { keyPlacesCovered: true, highDefinition: true, retentionDays: 30 },
      emergencyPlan: { adopted: true, revisedOn: addDays(day, -5) },
      drills: [addDays(day, -10), addDays(day, -100), addDays(day, -400)],
    }).expect(200);
    await put('fl-r2', R2, {
      openBeds: 150,
      onDutyMedicalStaff: 200,
      dailyOutpatients: 800,
      guards: 8,
      certifiedGuards: 6,
      policeOffice: { present: false, fullTimeOfficers: 0, partTimeOfficers: 0, auxiliaries: 0, guards: 0 },
      alarms: { gate: true, departments: false, keyPlaces: true, networkedToMonitoringCentre: true, networkedToPolice: false },
      video: { keyPlacesCovered: false, highDefinition: false, retentionDays: 15 },
      emergencyPlan: { adopted: true, revisedOn: null },
      drills: [],
    }).expect(200);
    await put('fl-q2', Q2, {
      openBeds: 400,
      onDutyMedicalStaff: 500,
      dailyOutpatients: 2000,
      guards: 18,
      certifiedGuards: 18,
      policeOffice: { present: true, fullTimeOfficers: 0, partTimeOfficers: 1, auxiliaries: 1, guards: 4 },
      screening: { mainEntrances: 2, screenedMainEntrances: 0, equipment: ['handheld_metal_detector'] },
      alarms: { gate: true, departments: true, keyPlaces: true, networkedToMonitoringCentre: true, networkedToPolice: true },
      video: { keyPlacesCovered: true, highDefinition: false, retentionDays: 30 },
      emergencyPlan: { adopted: true, revisedOn: addDays(day, -150) },
      drills: [addDays(day, -200)],
    }).expect(200);

    const xlsx = async (w: string, path: string) =>
      readXlsxWithOpenpyxl((await get(w, path).buffer(true).parse(binaryBody).expect(200)).body as Buffer)[0]!;
    const csv = async (w: string, path: string) => {
      const res = await get(w, path).expect(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.text.charCodeAt(0)).toBe(0xfeff);
      return parse(res.text, { bom: true, relax_column_count: true }) as string[][];
    };
    const asText = (rows: (string | number | boolean | null)[][]) => rows.map((r) => r.map((c) => (c === null ? '' : String(c))));
    const dayText = `${Number(day.slice(0, 4))}年${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`;
    const expectParticulars = (rows: (string | number | boolean | null)[][], unit: string) => {
      expect(rows.slice(1, 4).map((r) => r[0])).toEqual([`填报单位：${unit}`, '统计区域：重庆市涪陵区（500102）', `统计截至：${dayText}`]);
      expect(String(rows[4]![0])).toMatch(/^制表时间：\d{4}-\d{2}-\d{2} \d{2}:\d{2}（北京时间）$/);
    };

    // 附件1, the commission's.
    const cap = await xlsx('fl-hc', '/security-ledger/returns-s1/capability.xlsx?region=500102');
    expect(cap.rows[0]![0]).toBe('《医疗机构安全防范能力建设统计表》');
    expectParticulars(cap.rows, '重庆市涪陵区卫生健康委员会');
    expect(cap.rows[5]).toEqual([
      '序号',
      '医院名称',
      '所属区域',
      '医院等级',
      '所有制',
      '应配保安\n（人）',
      '现有保安\n（人）',
      '持证上岗\n（人）',
      '主要出入口\n须安检',
      '主要出入口\n（个）',
      '已安检出入口\n（个）',
      '安检设备',
      '一键报警\n安装部位',
      '一键报警与\n监控中心联网',
      '一键报警\n接入公安机关',
      '视频监控\n重点区域全覆盖',
      '录像存储\n（天）',
      '设有警务室',
      '近一年应急演练\n（次）',
      '总体达标情况',
    ]);
    expect(cap.rows.slice(6, 10)).toEqual([
      [
        1,
        '涪陵中心医院',
        '重庆市涪陵区',
        '三级',
        '公立',
        60,
        62,
        62,
        '是',
        3,
        3,
        '通过式金属探测门、微剂量X射线安全检查设备',
        '门卫室、各科室、重点要害部位',
        '是',
        '是',
        '是',
        30,
        '是',
        2,
        '达标',
      ],
      [
        2,
        '涪陵康宁医院',
        '重庆市涪陵区',
        '二级',
        '民营',
        8,
        8,
        6,
        '否',
        '未填报',
        '未填报',
        '未填报',
        '门卫室、重点要害部位',
        '是',
        '否',
        '否',
        15,
        '否',
        0,
        '未达标',
      ],
      [
        3,
        '涪陵区第二人民医院',
        '重庆市涪陵区',
        '二级',
        '公立',
        20,
        18,
        18,
        '否',
        2,
        0,
        '手持式金属探测器',
        '门卫室、各科室、重点要害部位',
        '是',
        '是',
        '是',
        30,
        '是',
        1,
        '未达标',
      ],
      ['合计', '医院3家', null, null, null, 88, 88, 86, 1, 5, 3, null, null, 3, 2, 2, null, 2, 3, null],
    ]);
    expect(cap.freeze).toBe('A7'); // title, four particulars and the header stay in view
    expect(cap.merged).toContain('A1:T1');
    expect(cap.widths).toMatchObject({ B: 30, L: 34 });
    expect(cap.bold).toEqual(expect.arrayContaining(['A6', 'T6', 'A10', 'S10']));
    const capCsv = await csv('fl-hc', '/security-ledger/returns-s1/capability.csv?region=500102');
    expect(capCsv.slice(0, 4)).toEqual(cap.rows.slice(0, 4).map((r) => [r[0]]));
    expect(capCsv.slice(6, 11)).toEqual(asText(cap.rows.slice(5, 10)));

    // 附件2, the police's: the two offices, their staffing, and the county's coverage against S1 三(二).
    const offices = await xlsx('fl-police', '/security-ledger/returns-s1/police-offices.xlsx?region=500102');
    expect(offices.rows[0]![0]).toBe('《公安机关驻医院警务室基本情况统计表》');
    expectParticulars(offices.rows, '重庆市涪陵区公安局');
    expect(offices.rows.slice(5, 9)).toEqual([
      [
        '序号',
        '医院名称',
        '所属区域',
        '医院等级',
        '所有制',
        '专职民警\n（人）',
        '兼职民警\n（人）',
        '协警（辅警）\n（人）',
        '保安\n（人）',
        '达到“1+2+6”\n配置标准',
      ],
      [1, '涪陵中心医院', '重庆市涪陵区', '三级', '公立', 1, 0, 2, 6, '是'],
      [2, '涪陵区第二人民医院', '重庆市涪陵区', '二级', '公立', 0, 1, 1, 4, '否'],
      ['合计', '警务室2个', null, null, null, 1, 1, 3, 10, 1],
    ]);
    expect(offices.rows.slice(9, 13).map((r) => r[0])).toEqual([
      '辖区警务室覆盖情况（重庆市涪陵区）：',
      '三级医院：共1家，设警务室1家（100%），须全部设立，达标（国卫医发〔2021〕28号 二(三)1）',
      '二级、三级公立医院：共2家，设警务室2家（100%），须全部设立，达标（渝卫发〔2021〕3号 三(二)）',
      '二级民营医院：共1家，设警务室0家（0%），须不低于80%，未达标（渝卫发〔2021〕3号 三(二)）',
    ]);
    expect(offices.freeze).toBe('A7');
    const officesCsv = await csv('fl-police', '/security-ledger/returns-s1/police-offices.csv?region=500102');
    expect(officesCsv.slice(6, 10)).toEqual(asText(offices.rows.slice(5, 9)));
    expect(officesCsv.slice(10, 14).map((r) => r[0])).toEqual(offices.rows.slice(9, 13).map((r) => r[0]));

    // Who: a hospital (even of the county) and another county's commission get 403; 万州's own reads its own county.
    for (const path of ['capability.xlsx', 'capability.csv', 'police-offices.xlsx', 'police-offices.csv']) {
      await get('fl-p3', `/security-ledger/returns-s1/${path}?region=500102`).expect(403);
      await get('otherHc', `/security-ledger/returns-s1/${path}?region=500102`).expect(403);
    }
    await get('hc', '/security-ledger/returns-s1/capability.xlsx?region=500102').expect(403);
  }, 120_000);
});

async function eventually<T>(probe: () => T | null | undefined, ms = 30_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 100));
  }
}
