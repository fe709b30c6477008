import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { Principal } from '@pingan/access';
import { SYSTEM_ACTOR, breachStreamId, type EventEnvelope } from '@pingan/contracts';
import type { MessageBus } from '@pingan/messaging';
import { MESSAGE_BUS, PlatformModule, runtimeToken, type ServiceRuntime } from '@pingan/platform';
import {
  binaryBody,
  closeAppAndDatabase,
  createTestDatabase,
  readXlsxWithOpenpyxl,
  seedDirectory,
  testAccessTokenKeys,
  testHospital,
  type TestDatabase,
} from '@pingan/testing';
import { parse } from 'csv-parse/sync';
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { copyFileSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { OVERSIGHT_CLOCK } from './oversight.clock.js';
import { OversightModule } from './oversight.module.js';

/**
 * Oversight fed by envelopes published on the in-process bus, as the other contexts' relays would:
 * the test plays incidents, disputes, prosecution and high-risk-persons.
 */
const CASE = '500101-20261110-0001'; // 万州区
const OTHER_CASE = '500102-20261110-0001'; // 涪陵区
const HOSPITAL = 'hospital-wz-central';
const OTHER_HOSPITAL = 'hospital-wz-second';
const STATION = 'police-station-wz';
const BUREAU = 'police-bureau-wz';
const COUNTY_HC = 'hc-500101';
const T = (iso: string) => new Date(`2026-11-10T${iso}Z`).toISOString();

let seq = 0;
function envelope(
  context: string,
  type: string,
  data: Record<string, unknown>,
  occurredAt: string,
  opts: Partial<EventEnvelope> = {},
): EventEnvelope {
  seq++;
  return {
    eventId: randomUUID(),
    type,
    schemaVersion: 1,
    context,
    streamId: opts.streamId ?? `${context}-${CASE}`,
    streamType: 'test',
    version: seq,
    globalPosition: String(seq),
    occurredAt,
    recordedAt: opts.recordedAt ?? occurredAt,
    actor: opts.actor ?? { userId: `user-${context}`, organisationId: `org-${context}`, role: 'someone' },
    correlationId: opts.correlationId ?? CASE,
    causationId: null,
    data,
  };
}
const P = (p: Partial<Principal>): Partial<Principal> => p;
const ref = (caseNumber = CASE, hospitalId = HOSPITAL, regionCode = caseNumber.slice(0, 6)) => ({ caseNumber, hospitalId, regionCode });

describe('oversight', () => {
  const saved = { ...process.env };
  const keys = testAccessTokenKeys();
  let database: TestDatabase;
  let app: INestApplication;
  let bus: MessageBus;
  let runtime: ServiceRuntime;
  let now = new Date(T('12:00:00'));
  const publish = (...envelopes: EventEnvelope[]) => bus.publish(envelopes);
  const http = () => request(app.getHttpServer());
  const token = (p: Partial<Principal>) => keys.tokenFor(p);
  const as = async (p: Partial<Principal>) => `Bearer ${await token(p)}`;
  /** POST `body` to `path` as `p`, expecting `status`. */
  const postAs = async (path: string, p: Partial<Principal>, body: object, status: number) =>
    http()
      .post(path)
      .set('authorization', await as(p))
      .send(body)
      .expect(status);
  /** GET `path` as `p`, expecting `status`. */
  const getAs = async (path: string, p: Partial<Principal>, status: number) =>
    http()
      .get(path)
      .set('authorization', await as(p))
      .expect(status);

  const countyHc = P({
    organisationId: COUNTY_HC,
    organisationKind: 'health_commission',
    organisationRegion: '500101',
    healthCommissionLevel: 'county',
    roles: ['health_commission_official'],
  });
  const cityHc = P({
    organisationId: 'hc-500100',
    organisationKind: 'health_commission',
    organisationRegion: '500100',
    healthCommissionLevel: 'city',
    roles: ['health_commission_official'],
  });
  const otherCountyHc = P({
    organisationId: 'hc-500102',
    organisationKind: 'health_commission',
    organisationRegion: '500102',
    healthCommissionLevel: 'county',
    roles: ['health_commission_official'],
  });
  const hospital = P({
    organisationId: HOSPITAL,
    organisationKind: 'hospital',
    organisationRegion: '500101',
    roles: ['hospital_security_officer'],
  });
  const otherHospital = P({
    organisationId: OTHER_HOSPITAL,
    organisationKind: 'hospital',
    organisationRegion: '500101',
    roles: ['hospital_security_officer'],
  });
  const station = P({
    organisationId: STATION,
    organisationKind: 'police',
    organisationRegion: '500101',
    policeUnitType: 'station',
    roles: ['station_chief'],
  });
  const zfw = P({
    organisationId: 'zfw-500101',
    organisationKind: 'political_legal',
    organisationRegion: '500101',
    roles: ['political_legal_officer'],
  });
  const mediator = P({
    organisationId: 'mediation-wz',
    organisationKind: 'mediation_committee',
    organisationRegion: '500101',
    roles: ['mediator'],
  });

  const board = async (who: Partial<Principal>, query = '') =>
    (await getAs(`/oversight/deadlines${query}`, who, 200)).body.items as Record<string, unknown>[];

  const waitFor = async <T>(probe: () => Promise<T>, done: (value: T) => boolean, ms = 10_000): Promise<T> => {
    const until = Date.now() + ms;
    for (;;) {
      const value = await probe();
      if (done(value) || Date.now() > until) return value;
      await new Promise((r) => setTimeout(r, 50));
    }
  };

  beforeAll(async () => {
    database = await createTestDatabase('oversight');
    Object.assign(process.env, { DATABASE_URL: database.url, LOG_LEVEL: 'silent', ...keys.env });
    const moduleRef = await Test.createTestingModule({
      imports: [PlatformModule.forRoot({ service: 'oversight', inProcessBus: true }), OversightModule],
    })
      .overrideProvider(OVERSIGHT_CLOCK)
      .useValue(() => now)
      .compile();
    app = moduleRef.createNestApplication();
    await app.init();
    bus = app.get(MESSAGE_BUS);
    runtime = app.get(runtimeToken('oversight'));
    // The directory names what the exports print (the gateway publishes these in production).
    await seedDirectory(
      bus,
      [runtime.directory],
      [
        { ...testHospital(HOSPITAL, '500101', true), name: '重庆市万州区人民医院' },
        { ...testHospital(OTHER_HOSPITAL, '500101'), name: '万州区第二人民医院' },
        { organisationId: COUNTY_HC, kind: 'health_commission', regionCode: '500101', name: '万州区卫生健康委员会' },
        { organisationId: STATION, kind: 'police', regionCode: '500101', name: '万州区公安局高笋塘派出所' },
      ],
    );

    // One case across four contexts, published out of order; another case in another county.
    await publish(
      envelope(
        'prosecution',
        'CaseAccepted',
        {
          ...ref(),
          kind: 'criminal',
          origin: { source: 'incident', incidentId: 'x' },
          handlingUnitId: BUREAU,
          acceptedAt: T('10:00:00'),
          summary: '张三 殴打医生',
        },
        T('10:00:00'),
        { actor: { userId: 'officer-1', organisationId: BUREAU, role: 'police_case_officer' } },
      ),
      envelope(
        'incidents',
        'IncidentReported',
        {
          ...ref(),
          channel: 'hospital_report',
          occurredAt: T('08:00:00'),
          reportedAt: T('08:02:00'),
          reportedByOrganisationId: HOSPITAL,
          hasPoliceOffice: true,
          major: true,
          classification: {
            categories: ['assault_on_staff'],
            casualties: { staff: { seriousInjuries: 1 }, patients: { slightInjuries: 2 } },
            massIncident: false,
            weaponsInvolved: false,
          },
          intake: { channel: 'hospital_report', description: '患者家属 李四' },
        },
        T('08:02:00'),
        // The name the reporter's token gave (actorOf): printed records name people.
        { actor: { userId: 'security-1', organisationId: HOSPITAL, role: 'hospital_security_officer', name: '王建国' } },
      ),
      envelope('high-risk-persons', 'HighRiskWarningIssued', { caseNumber: CASE, personName: '张三', regionCode: '500101' }, T('09:00:00')),
      envelope(
        'disputes',
        'DisputeOpened',
        {
          disputeId: 'd1',
          ...ref(),
          openedAt: T('09:30:00'),
          summary: 'x',
          parties: [{ name: '李四', relation: 'relative' }],
          claims: [],
          supervisingOrganisationId: null,
          clocks: [],
          disturbanceStopped: true,
          origin: { kind: 'incident', incidentId: 'x' },
        },
        T('09:30:00'),
      ),
      envelope('incidents', 'PoliceDispatched', { ...ref(), dispatchedAt: T('08:03:00'), unitOrganisationId: STATION }, T('08:03:00')),
      envelope(
        'incidents',
        'IncidentReported',
        {
          ...ref(OTHER_CASE, 'hospital-fl'),
          channel: 'call_110',
          occurredAt: T('07:00:00'),
          reportedAt: T('07:00:00'),
          reportedByOrganisationId: 'police-fl',
          hasPoliceOffice: false,
          major: false,
          classification: { categories: ['threat_intimidation_insult'], casualties: {}, massIncident: false, weaponsInvolved: false },
          intake: { channel: 'call_110' },
        },
        T('07:00:00'),
        { correlationId: OTHER_CASE, streamId: `incident-${OTHER_CASE}` },
      ),
    );
  }, 120_000);

  afterAll(() => closeAppAndDatabase(app, saved, database));

  describe('case timeline', () => {
    it('lists every context’s events of the case in the order they happened, with who and when', async () => {
      const res = await getAs(`/cases/${CASE}/timeline`, countyHc, 200);
      expect(res.body.regionCode).toBe('500101');
      expect(res.body.entries.map((e: { type: string }) => e.type)).toEqual([
        'IncidentReported',
        'PoliceDispatched',
        'DisputeOpened',
        'CaseAccepted',
      ]);
      expect(res.body.entries[0]).toMatchObject({
        context: 'incidents',
        occurredAt: T('08:02:00'),
        actor: { userId: 'security-1', organisationId: HOSPITAL, name: '王建国' },
      });
      expect(res.body.entries[0].summary).toBe('报告涉医警情（类别：暴力伤医；重大事件；渠道：医疗机构报警）');
      // Summaries carry no personal data or free text.
      expect(res.text).not.toContain('李四');
      expect(res.text).not.toContain('张三');
    });

    it('shows high-risk-person events to police only', async () => {
      const police = await getAs(`/cases/${CASE}/timeline`, station, 200);
      expect(police.body.entries.map((e: { type: string }) => e.type)).toContain('HighRiskWarningIssued');
      expect(police.text).not.toContain('张三');
      const commission = await getAs(`/cases/${CASE}/timeline`, countyHc, 200);
      expect(commission.body.entries.map((e: { context: string }) => e.context)).not.toContain('high-risk-persons');
    });

    it('shows a reader only the entries of records it may read, and says how many it may not', async () => {
      // The hospital reads its incident and its dispute, not the police case file (prosecution answers it 403) nor the warning.
      const hospitalView = await http()
        .get(`/cases/${CASE}/timeline`)
        .set('authorization', await as(hospital))
        .expect(200);
      expect(hospitalView.body.entries.map((e: { type: string }) => e.type)).toEqual([
        'IncidentReported',
        'PoliceDispatched',
        'DisputeOpened',
      ]);
      expect(hospitalView.body.hidden).toEqual({
        count: 2,
        message: '2 条记录贵单位无权查看 (2 entries not visible to your organisation)',
      });
      const csv = await http()
        .get(`/cases/${CASE}/timeline.csv`)
        .set('authorization', await as(hospital))
        .expect(200);
      expect(csv.text).not.toContain('公安机关受案');
      expect(csv.text).toContain('指令出警');
      // The county commission reads every record of its county but the high-risk warning (police only).
      const commission = await http()
        .get(`/cases/${CASE}/timeline`)
        .set('authorization', await as(countyHc))
        .expect(200);
      expect(commission.body.hidden.count).toBe(1);
      // The police of the jurisdiction read everything: nothing hidden.
      const police = await http()
        .get(`/cases/${CASE}/timeline`)
        .set('authorization', await as(station))
        .expect(200);
      expect(police.body.hidden).toEqual({ count: 0, message: null });
      expect(police.body.entries.map((e: { type: string }) => e.type)).toContain('CaseAccepted');
    });

    it('lets a county commission read its county’s case, not another county’s; a hospital its own case only', async () => {
      await getAs(`/cases/${OTHER_CASE}/timeline`, countyHc, 403);
      await getAs(`/cases/${OTHER_CASE}/timeline`, otherCountyHc, 200);
      await getAs(`/cases/${CASE}/timeline`, otherCountyHc, 403);
      await getAs(`/cases/${CASE}/timeline`, cityHc, 200);
      await getAs(`/cases/${CASE}/timeline`, hospital, 200);
      const denied = await getAs(`/cases/${CASE}/timeline`, otherHospital, 403);
      expect(denied.body.code).toBe('ACCESS.DENIED');
      await getAs(`/cases/${CASE}/timeline`, mediator, 403); // not (yet) a party
      await getAs(`/cases/500101-20261110-9999/timeline`, countyHc, 403); // unknown: as forbidden
      await getAs(`/cases/${CASE}/timeline`, zfw, 403); // nothing escalated to it
    });

    it('exports as CSV and as a print-ready page: particulars on top, Chinese lines, names and Beijing times', async () => {
      const csv = await getAs(`/cases/${CASE}/timeline.csv`, countyHc, 200);
      expect(csv.headers['content-type']).toMatch(/^text\/csv/);
      expect(csv.text.startsWith('\uFEFF')).toBe(true);
      const rows = parse(csv.text, { bom: true, relax_column_count: true }) as string[][];
      expect(rows[0]).toEqual([`涉医案事件办理时间线（${CASE}）`]);
      const particulars = rows
        .slice(
          1,
          rows.findIndex((r) => r[0] === ''),
        )
        .map((r) => r[0]);
      expect(particulars).toEqual(
        expect.arrayContaining([
          `案件编号：${CASE}`,
          '医疗机构：重庆市万州区人民医院',
          expect.stringMatching(/^所在区划：重庆市.*万州区$/),
          '发生时间：2026-11-10 16:00（北京时间）',
          '事件类别：暴力伤医',
          '是否重大：是（造成死亡、重伤或群体性事件）',
          '伤亡情况：死亡 0 人，重伤 1 人，轻伤 0 人，轻微伤 2 人',
          '处置结果：办理中',
        ]),
      );
      const header = rows.findIndex((r) => r[0] === '序号');
      expect(rows[header]).toEqual(['序号', '发生时间（北京时间）', '记录时间（北京时间）', '来源', '事件', '操作单位', '操作人']);
      const lines = rows.slice(header + 1);
      expect(lines.map((r) => r[4].replace(/（.*$/, ''))).toEqual(['报告涉医警情', '指令出警', '受理医疗纠纷', '公安机关受案']);
      expect(lines[0]).toEqual([
        '1',
        '2026-11-10 16:02:00',
        '2026-11-10 16:02:00',
        '涉医警情',
        expect.any(String),
        '重庆市万州区人民医院',
        '王建国（医院安保人员）',
      ]);
      // An event that names no one shows the role alone, never a user id.
      expect(lines[1][6]).toBe('someone');
      expect(csv.text).not.toContain('user-incidents');
      const html = await getAs(`/cases/${CASE}/timeline.html`, countyHc, 200);
      expect(html.headers['content-type']).toMatch(/^text\/html/);
      expect(html.text).toContain('<!DOCTYPE html>');
      expect(html.text).toContain('@page');
      expect(html.text).toContain('2026-11-10 16:02:00'); // Shanghai time
      expect(html.text).toContain('医疗机构：重庆市万州区人民医院');
      expect(html.text).toContain('报告涉医警情');
      expect(html.text).not.toContain('IncidentReported');
      expect((html.text.match(/<tr>/g) ?? []).length).toBe(5);
    });

    it('exports as PDF: particulars, Chinese lines, Beijing times, people by name, page numbers; a reader sees only its entries', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'timeline-pdf-'));
      const pdfOf = async (who: Partial<Principal>, name: string) => {
        const res = await http()
          .get(`/cases/${CASE}/timeline.pdf`)
          .set('authorization', await as(who))
          .buffer(true)
          .parse(binaryBody)
          .expect(200);
        expect(res.headers['content-type']).toBe('application/pdf');
        expect(res.headers['content-disposition']).toContain(`case-timeline-${CASE}.pdf`);
        const file = join(dir, `${name}.pdf`);
        writeFileSync(file, res.body as Buffer);
        return { file, text: execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }) };
      };
      try {
        const commission = await pdfOf(countyHc, 'commission');
        for (const expected of [
          `涉医案事件办理时间线（${CASE}）`,
          '重庆市万州区人民医院',
          '暴力伤医',
          '2026-11-10 16:00（北京时间）', // when it happened
          '2026-11-10 16:02:00', // an entry's Beijing time, under 发生时间（北京时间）
          '北京时间',
          '报告涉医警情',
          '王建国（医院安保人员）',
          '重伤 1 人',
          '1 条记录贵单位无权查看', // the high-risk warning: police only
        ])
          expect(commission.text).toContain(expected);
        expect(commission.text).toMatch(/第\s*1\s*页\s*共\s*1\s*页/); // pdftotext drops the spaces between CJK and digits
        expect(commission.text).not.toContain('IncidentReported');
        expect(commission.text).not.toContain('security-1');
        const fonts = execFileSync('pdffonts', [commission.file], { encoding: 'utf8' });
        expect(fonts).toMatch(/NotoSansCJKsc-Regular.*\byes\s+yes\s+yes\b/); // embedded, subset, with a Unicode map
        execFileSync('pdftoppm', ['-png', '-r', '90', '-f', '1', '-l', '1', '-singlefile', commission.file, join(dir, 'page')]);
        expect(statSync(join(dir, 'page.png')).size).toBeGreaterThan(20_000); // a page with text on it
        if (process.env.TIMELINE_PDF_PNG) copyFileSync(join(dir, 'page.png'), process.env.TIMELINE_PDF_PNG);

        // The hospital reads its incident and dispute, not the police case file nor the warning: as the JSON says.
        const hospitalPdf = await pdfOf(hospital, 'hospital');
        expect(hospitalPdf.text).toContain('2 条记录贵单位无权查看');
        expect(hospitalPdf.text).toContain('指令出警');
        expect(hospitalPdf.text).not.toContain('公安机关受案');
        await getAs(`/cases/${CASE}/timeline.pdf`, otherHospital, 403);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  describe('escalation inbox', () => {
    it('shows what waits for whom and since when, level by level', async () => {
      const esc = { ...ref(), chain: 'health', major: true };
      await publish(
        envelope(
          'incidents',
          'EscalationSubmitted',
          { ...esc, level: 'county', submittedAt: T('08:10:00'), submittedByOrganisationId: HOSPITAL },
          T('08:10:00'),
        ),
      );
      now = new Date(T('08:40:00'));
      const county = await getAs('/oversight/inbox', countyHc, 200);
      expect(county.body.items).toEqual([
        expect.objectContaining({
          caseNumber: CASE,
          chain: 'health',
          level: 'county',
          status: 'awaiting_acknowledgement',
          waitingSince: T('08:10:00'),
          waitingMinutes: 30,
          major: true,
        }),
      ]);
      expect(
        await http()
          .get('/oversight/inbox')
          .set('authorization', await as(cityHc))
          .then((r) => r.body.items),
      ).toEqual([]);

      await publish(
        envelope(
          'incidents',
          'EscalationAcknowledged',
          { ...esc, level: 'county', acknowledgedAt: T('08:45:00'), organisationId: COUNTY_HC },
          T('08:45:00'),
        ),
        envelope(
          'incidents',
          'EscalationForwarded',
          { ...esc, fromLevel: 'county', toLevel: 'city', forwardedAt: T('08:50:00'), organisationId: COUNTY_HC },
          T('08:50:00'),
        ),
      );
      expect(
        (
          await http()
            .get('/oversight/inbox')
            .set('authorization', await as(countyHc))
        ).body.items,
      ).toEqual([]);
      const forwarded = await getAs('/oversight/inbox?status=forwarded', countyHc, 200);
      expect(forwarded.body.items[0]).toMatchObject({
        level: 'county',
        acknowledgedBy: COUNTY_HC,
        forwardedTo: 'city',
        waitingMinutes: 35,
      });
      const city = await getAs('/oversight/inbox', cityHc, 200);
      expect(city.body.items).toEqual([expect.objectContaining({ level: 'city', addresseeRegion: '500100', waitingSince: T('08:50:00') })]);
      await getAs('/oversight/inbox', hospital, 403);
    });

    it('lets the political-legal committee see and read what was escalated to it', async () => {
      await publish(
        envelope(
          'incidents',
          'EscalationSubmitted',
          {
            ...ref(),
            chain: 'political_legal',
            level: 'local',
            major: true,
            submittedAt: T('08:11:00'),
            submittedByOrganisationId: HOSPITAL,
          },
          T('08:11:00'),
        ),
      );
      const inbox = await getAs('/oversight/inbox', zfw, 200);
      expect(inbox.body.items).toEqual([expect.objectContaining({ chain: 'political_legal', level: 'local' })]);
      await getAs(`/cases/${CASE}/timeline`, zfw, 200);
    });
  });

  describe('deadline board', () => {
    const clock = (type: string, extra: Record<string, unknown>) =>
      envelope(
        'incidents',
        type,
        {
          deadlineId: 'arrival-1',
          subject: CASE,
          rule: 'police-arrival-3min',
          ruleSource: '[S1 三(一)]',
          dueAt: T('08:06:00'),
          responsibleOrganisationId: STATION,
          supervisingOrganisationId: BUREAU,
          ...extra,
        },
        (extra.at as string) ?? T('08:03:00'),
        { streamId: 'deadline-arrival-1', actor: SYSTEM_ACTOR },
      );
    const snapshot = { state: 'running', startedAt: T('08:03:00'), warnAt: T('08:05:15'), provisional: false, completedAt: null };
    const arrival = async () => (await board(countyHc)).find((r) => r.deadlineId === 'arrival-1');

    it('follows a clock through its life, and escalates its breach once even when the breach arrives twice', async () => {
      await publish(
        envelope(
          'incidents',
          'IncidentClockStarted',
          {
            ...ref(),
            deadlineId: 'arrival-1',
            clock: 'police_arrival',
            rule: 'police-arrival-3min',
            startedAt: T('08:03:00'),
            responsibleOrganisationId: STATION,
            trigger: 'police_dispatched',
          },
          T('08:03:00'),
        ),
      );
      await publish(clock('DeadlineStarted', snapshot));
      now = new Date(T('08:04:00'));
      expect(await arrival()).toMatchObject({
        state: 'running',
        clock: 'police_arrival',
        dueAt: T('08:06:00'),
        regionCode: '500101',
        overdue: false,
        responsibleOrganisationId: STATION,
      });
      await publish(clock('DeadlineWarned', { at: T('08:05:15') }));
      expect(await arrival()).toMatchObject({ state: 'warned' });
      now = new Date(T('08:07:00'));
      expect(await arrival()).toMatchObject({ state: 'warned', overdue: true });
      const breach = clock('DeadlineBreached', { at: T('08:06:00') });
      await publish(breach);
      await publish(breach); // redelivered
      await publish({ ...breach, eventId: randomUUID() }); // even a second breach event of the clock
      expect(await arrival()).toMatchObject({ state: 'breached', breachedAt: T('08:06:00'), escalatedAt: T('08:06:00') });
      const escalations = await runtime.store.readStream(breachStreamId('incidents', 'arrival-1'));
      expect(escalations.map((e) => e.type)).toEqual(['BreachEscalated']);
      expect(escalations[0]).toMatchObject({
        correlationId: CASE,
        causationId: breach.eventId,
        data: {
          deadlineId: 'arrival-1',
          caseNumber: CASE,
          supervisingOrganisationId: BUREAU,
          responsibleOrganisationId: STATION,
          sourceContext: 'incidents',
        },
      });
      // The escalation comes back through oversight's own topic onto the case's timeline.
      const timeline = await waitFor(
        async () =>
          (
            await http()
              .get(`/cases/${CASE}/timeline`)
              .set('authorization', await as(countyHc))
          ).body.entries as { type: string }[],
        (entries) => entries.some((e) => e.type === 'BreachEscalated'),
      );
      expect(timeline.filter((e) => e.type === 'BreachEscalated')).toHaveLength(1);
      // A late arrival does not turn a breach into a met clock.
      await publish(clock('DeadlineMet', { ...snapshot, state: 'warned', completedAt: T('08:09:00'), at: T('08:09:00') }));
      expect(await arrival()).toMatchObject({ state: 'breached', completedAt: T('08:09:00') });
    });

    it('pauses, resumes, meets and cancels from the snapshots; filters by region, body and state', async () => {
      const mediation = (type: string, state: string, at: string, extra: Record<string, unknown> = {}) =>
        envelope(
          'disputes',
          type,
          {
            deadlineId: 'd1/peoples-mediation/1',
            subject: CASE,
            rule: 'peoples-mediation',
            ruleSource: '[law]',
            state,
            startedAt: T('10:00:00'),
            dueAt: '2026-12-22T16:00:00.000Z',
            warnAt: '2026-12-15T00:00:00.000Z',
            provisional: false,
            completedAt: null,
            responsibleOrganisationId: 'mediation-wz',
            supervisingOrganisationId: COUNTY_HC,
            ...extra,
          },
          at,
          { streamId: 'deadline-d1', actor: SYSTEM_ACTOR },
        );
      const row = async () => (await board(countyHc)).find((r) => r.deadlineId === 'd1/peoples-mediation/1');
      await publish(mediation('DeadlineStarted', 'running', T('10:00:00')));
      expect(await row()).toMatchObject({ context: 'disputes', state: 'running' });
      await publish(mediation('DeadlinePaused', 'paused', T('11:00:00')));
      expect(await row()).toMatchObject({ state: 'paused' });
      await publish(mediation('DeadlineResumed', 'running', T('12:00:00'), { dueAt: '2026-12-23T16:00:00.000Z' }));
      expect(await row()).toMatchObject({ state: 'running', dueAt: '2026-12-23T16:00:00.000Z' });
      await publish(mediation('DeadlineMet', 'met', T('13:00:00'), { completedAt: T('13:00:00') }));
      expect(await row()).toMatchObject({ state: 'met', completedAt: T('13:00:00') });
      await publish(
        envelope(
          'incidents',
          'DeadlineStarted',
          {
            deadlineId: 'other-1',
            subject: OTHER_CASE,
            rule: 'police-arrival-8min',
            ruleSource: 'x',
            state: 'running',
            startedAt: T('07:01:00'),
            dueAt: T('07:09:00'),
            warnAt: T('07:07:00'),
            provisional: false,
            completedAt: null,
            responsibleOrganisationId: 'police-fl',
            supervisingOrganisationId: 'bureau-fl',
          },
          T('07:01:00'),
          { correlationId: OTHER_CASE },
        ),
      );
      await publish(
        envelope(
          'incidents',
          'DeadlineCancelled',
          {
            deadlineId: 'other-1',
            subject: OTHER_CASE,
            rule: 'police-arrival-8min',
            ruleSource: 'x',
            state: 'cancelled',
            startedAt: T('07:01:00'),
            dueAt: T('07:09:00'),
            warnAt: T('07:07:00'),
            provisional: false,
            completedAt: null,
            responsibleOrganisationId: 'police-fl',
            supervisingOrganisationId: 'bureau-fl',
            reason: 'incident_closed',
          },
          T('07:05:00'),
          { correlationId: OTHER_CASE },
        ),
      );

      expect((await board(countyHc)).map((r) => r.deadlineId)).not.toContain('other-1');
      expect((await board(otherCountyHc)).map((r) => r.deadlineId)).toEqual(['other-1']);
      expect((await board(otherCountyHc))[0]).toMatchObject({ state: 'cancelled' });
      const province = P({ ...cityHc, organisationId: 'hc-500000', organisationRegion: '500000', healthCommissionLevel: 'province' });
      expect((await board(province, '?region=500102')).map((r) => r.deadlineId)).toEqual(['other-1']);
      expect((await board(province, `?body=${BUREAU}`)).map((r) => r.deadlineId)).toEqual(['arrival-1']);
      expect((await board(province, '?state=met,cancelled')).map((r) => r.deadlineId).sort()).toEqual([
        'd1/peoples-mediation/1',
        'other-1',
      ]);
      // The mediation committee answers for a clock of the case, so it is party to the case and sees its clocks;
      // another committee sees none.
      expect((await board(mediator)).map((r) => r.deadlineId).sort()).toEqual(['arrival-1', 'd1/peoples-mediation/1']);
      expect(await board({ ...mediator, organisationId: 'mediation-elsewhere' })).toEqual([]);
    });

    it('a window that lapses (mediation run out, 视为调解不成) ends lapsed on the board: no breach, no escalation', async () => {
      const window = (type: string, state: string, at: string) =>
        envelope(
          'disputes',
          type,
          {
            deadlineId: 'd2/peoples-mediation/1',
            subject: CASE,
            rule: 'peoples-mediation',
            ruleSource: '[law]',
            state,
            startedAt: T('10:00:00'),
            dueAt: '2026-12-22T16:00:00.000Z',
            warnAt: '2026-12-15T00:00:00.000Z',
            provisional: false,
            completedAt: null,
            responsibleOrganisationId: 'mediation-wz',
            supervisingOrganisationId: COUNTY_HC,
            at,
          },
          at,
          { streamId: 'deadline-d2', actor: SYSTEM_ACTOR },
        );
      const row = async () => (await board(countyHc)).find((r) => r.deadlineId === 'd2/peoples-mediation/1');
      await publish(window('DeadlineStarted', 'running', T('10:00:00')));
      await publish(window('DeadlineWarned', 'warned', '2026-12-15T00:00:00.000Z'));
      expect(await row()).toMatchObject({ state: 'warned' });
      await publish(window('DeadlineLapsed', 'lapsed', '2026-12-22T16:00:00.000Z'));
      expect(await row()).toMatchObject({ state: 'lapsed', breachedAt: null, escalatedAt: null });
      // A stray warning redelivered late does not reopen it.
      await publish(window('DeadlineWarned', 'warned', '2026-12-15T00:00:00.000Z'));
      expect(await row()).toMatchObject({ state: 'lapsed' });
      expect(await runtime.store.readStream(breachStreamId('disputes', 'd2/peoples-mediation/1'))).toEqual([]);
      expect((await board(countyHc, '?state=lapsed')).map((r) => r.deadlineId)).toEqual(['d2/peoples-mediation/1']);
    });

    it('puts a self-inspection return’s clock of the security ledger on the board, and escalates its breach to the commission', async () => {
      const LEDGER_HOSPITAL = 'hospital-ledger-late';
      const deadlineId = `return-1/${LEDGER_HOSPITAL}`;
      const ledger = (type: string, data: Record<string, unknown>, at: string, correlationId: string) =>
        envelope('security-ledger', type, data, at, { streamId: `security-ledger-${type}`, actor: SYSTEM_ACTOR, correlationId });
      const returnClock = (type: string, extra: Record<string, unknown>) =>
        ledger(
          type,
          {
            deadlineId,
            subject: LEDGER_HOSPITAL,
            rule: 'self-inspection-return',
            ruleSource: '[S0 三(三)]',
            state: 'running',
            startedAt: '2026-12-01T02:00:00.000Z',
            dueAt: '2026-12-10T16:00:00.000Z',
            warnAt: '2026-12-08T10:00:00.000Z',
            provisional: false,
            completedAt: null,
            responsibleOrganisationId: LEDGER_HOSPITAL,
            supervisingOrganisationId: COUNTY_HC,
            ...extra,
          },
          (extra.at as string) ?? '2026-12-01T02:00:00.000Z',
          'return-1',
        );
      // The hospital's filed profile names its region (the ledger's events of a hospital carry it).
      await publish(
        ledger('SecurityProfileFiled', { hospitalId: LEDGER_HOSPITAL, regionCode: '500101', revision: 1 }, T('09:00:00'), LEDGER_HOSPITAL),
      );
      await publish(returnClock('DeadlineStarted', {}));
      const row = async () => (await board(countyHc)).find((r) => r.deadlineId === deadlineId);
      expect(await row()).toMatchObject({
        context: 'security-ledger',
        rule: 'self-inspection-return',
        state: 'running',
        regionCode: '500101',
      });
      const breach = returnClock('DeadlineBreached', { state: 'breached', at: '2026-12-10T16:00:00.000Z' });
      await publish(breach);
      expect(await row()).toMatchObject({
        state: 'breached',
        breachedAt: '2026-12-10T16:00:00.000Z',
        supervisingOrganisationId: COUNTY_HC,
      });
      expect(
        (await board({ organisationId: LEDGER_HOSPITAL, organisationKind: 'hospital', roles: ['hospital_security_officer'] })).map(
          (r) => r.deadlineId,
        ),
      ).toEqual([deadlineId]);
      const escalations = await runtime.store.readStream(breachStreamId('security-ledger', deadlineId));
      expect(escalations.map((e) => e.type)).toEqual(['BreachEscalated']);
      expect(escalations[0].data).toMatchObject({ sourceContext: 'security-ledger', supervisingOrganisationId: COUNTY_HC });
    });

    it('withdraws a breach escalation once when the work, entered late, turns out to have been done in time', async () => {
      const late = (type: string, extra: Record<string, unknown>) =>
        envelope(
          'incidents',
          type,
          {
            deadlineId: 'arrival-late',
            subject: OTHER_CASE,
            rule: 'police-arrival-8min',
            dueAt: T('07:08:00'),
            responsibleOrganisationId: 'police-fl',
            supervisingOrganisationId: 'bureau-fl',
            ...extra,
          },
          (extra.at as string) ?? T('07:00:00'),
          { correlationId: OTHER_CASE, streamId: 'deadline-arrival-late', actor: SYSTEM_ACTOR },
        );
      const row = async () => (await board(otherCountyHc)).find((r) => r.deadlineId === 'arrival-late');
      await publish(late('DeadlineStarted', { ...snapshot, startedAt: T('07:00:00'), warnAt: T('07:06:00') }));
      await publish(late('DeadlineBreached', { at: T('07:08:00') }));
      expect(await row()).toMatchObject({ state: 'breached', escalatedAt: T('07:08:00') });
      // Arrival at 07:07 entered at 07:30: the clock is met, the breach corrected.
      const met = late('DeadlineMet', {
        ...snapshot,
        state: 'met',
        startedAt: T('07:00:00'),
        completedAt: T('07:07:00'),
        breachedAt: T('07:08:00'),
        breachCorrected: true,
        at: T('07:07:00'),
      });
      await publish(met);
      await publish(met); // redelivered: withdrawn once
      expect(await row()).toMatchObject({ state: 'met', breachedAt: null, escalatedAt: null, completedAt: T('07:07:00') });
      const stream = await runtime.store.readStream(breachStreamId('incidents', 'arrival-late'));
      expect(stream.map((e) => e.type)).toEqual(['BreachEscalated', 'BreachEscalationWithdrawn']);
      expect(stream[1].data).toMatchObject({
        supervisingOrganisationId: 'bureau-fl',
        completedAt: T('07:07:00'),
        correctionEventId: met.eventId,
      });
    });
  });

  describe('supervision (督办)', () => {
    it('supervises a case with a due date on its own clock, records progress and closes', async () => {
      now = new Date(T('12:00:00'));
      const dueAt = '2026-11-13T12:00:00.000Z';
      await postAs('/oversight/supervisions', otherCountyHc, { caseNumber: CASE, dueAt, instructions: '三日内报告处置结果' }, 403);
      await postAs('/oversight/supervisions', countyHc, { caseNumber: CASE, dueAt: T('12:30:00'), instructions: 'x' }, 422);
      const started = await postAs(
        '/oversight/supervisions',
        countyHc,
        { caseNumber: CASE, dueAt, instructions: '三日内报告处置结果' },
        201,
      );
      const id = started.body.supervisionId as string;
      expect(started.body).toMatchObject({ caseNumber: CASE, dueAt, supervisorOrganisationId: COUNTY_HC, deadlineId: `supervision-${id}` });

      // Its clock reaches the board through oversight's own topic, due exactly when the supervisor said.
      const clockRow = await waitFor(
        async () => (await board(countyHc)).find((r) => r.deadlineId === `supervision-${id}`),
        (r) => r?.dueAt === dueAt,
      );
      expect(clockRow).toMatchObject({
        context: 'oversight',
        rule: 'supervision-due',
        state: 'running',
        dueAt,
        supervisingOrganisationId: COUNTY_HC,
        regionCode: '500101',
      });

      await postAs(`/oversight/supervisions/${id}/progress`, cityHc, { note: 'x' }, 403);
      await postAs(`/oversight/supervisions/${id}/progress`, countyHc, { note: '公安已立案' }, 204);
      now = new Date('2026-11-12T09:00:00.000Z');
      await postAs(`/oversight/supervisions/${id}/close`, countyHc, { conclusion: '已办结' }, 204);
      await postAs(`/oversight/supervisions/${id}/close`, countyHc, { conclusion: '已办结' }, 409);
      const view = await getAs(`/oversight/supervisions/${id}`, cityHc, 200);
      expect(view.body).toMatchObject({ status: 'closed', metDueDate: true, progress: [expect.objectContaining({ note: '公安已立案' })] });
      const met = await waitFor(
        async () => (await board(countyHc)).find((r) => r.deadlineId === `supervision-${id}`),
        (r) => r?.state === 'met',
      );
      expect(met).toMatchObject({ state: 'met', completedAt: '2026-11-12T09:00:00.000Z' });
      now = new Date(T('12:00:00'));
    });
  });

  describe('statistics', () => {
    it('counts a small known set for a month and region, and exports CSV and XLSX that read back the same', async () => {
      const second = '500101-20261120-0002';
      await publish(
        envelope(
          'incidents',
          'IncidentReported',
          {
            ...ref(second, OTHER_HOSPITAL),
            channel: 'call_110',
            occurredAt: '2026-11-20T02:00:00.000Z',
            reportedAt: '2026-11-20T02:00:00.000Z',
            reportedByOrganisationId: STATION,
            hasPoliceOffice: false,
            major: false,
            classification: {
              categories: ['crowd_disturbance', 'threat_intimidation_insult'],
              casualties: {},
              massIncident: true,
              weaponsInvolved: false,
            },
            intake: { channel: 'call_110' },
          },
          '2026-11-20T02:00:00.000Z',
          { correlationId: second },
        ),
        envelope(
          'incidents',
          'IncidentClosed',
          { ...ref(second, OTHER_HOSPITAL), outcome: 'resolved_on_scene', closedAt: '2026-11-20T04:00:00.000Z', note: null, major: false },
          '2026-11-20T04:00:00.000Z',
          { correlationId: second },
        ),
        envelope(
          'incidents',
          'DeadlineMet',
          {
            deadlineId: 'arrival-2',
            subject: second,
            rule: 'police-arrival-8min',
            ruleSource: 'x',
            state: 'met',
            startedAt: '2026-11-20T02:01:00.000Z',
            dueAt: '2026-11-20T02:09:00.000Z',
            warnAt: '2026-11-20T02:07:00.000Z',
            provisional: false,
            completedAt: '2026-11-20T02:05:00.000Z',
            responsibleOrganisationId: STATION,
            supervisingOrganisationId: BUREAU,
          },
          '2026-11-20T02:05:00.000Z',
          { correlationId: second },
        ),
        envelope(
          'disputes',
          'MediationFailed',
          {
            disputeId: 'd1',
            ...ref(),
            attempt: 1,
            kind: 'peoples_mediation',
            reason: 'expired',
            note: '',
            failedAt: '2026-11-25T00:00:00.000Z',
            clocks: [],
          },
          '2026-11-25T00:00:00.000Z',
        ),
        envelope(
          'disputes',
          'MediationAgreed',
          {
            disputeId: 'd2',
            ...ref(second, OTHER_HOSPITAL),
            attempt: 1,
            kind: 'peoples_mediation',
            agreementId: 'a',
            agreedAt: '2026-11-26T00:00:00.000Z',
            terms: '',
            compensation: [],
            totalFen: 0,
            clocks: [],
          },
          '2026-11-26T00:00:00.000Z',
          { correlationId: second },
        ),
        envelope(
          'prosecution',
          'AdministrativePenaltyDecided',
          {
            ...ref(),
            decisionId: 'p',
            suspectId: 's',
            penalty: { kind: 'administrative_detention', days: 10 },
            decidedAt: '2026-11-11T00:00:00.000Z',
            decidingUnitId: BUREAU,
            clocks: [],
          },
          '2026-11-11T00:00:00.000Z',
        ),
        envelope(
          'prosecution',
          'SuspectsIndicted',
          { ...ref(), suspectIds: ['s'], procuratorateId: 'proc', courtId: 'court', indictedAt: '2026-11-28T00:00:00.000Z', clocks: [] },
          '2026-11-28T00:00:00.000Z',
        ),
        // Shanghai month: 2026-11-30T17:00Z is already December in Shanghai.
        envelope(
          'prosecution',
          'NonProsecutionDecided',
          { ...ref(), suspectIds: ['t'], procuratorateId: 'proc', reason: 'x', decidedAt: '2026-11-30T17:00:00.000Z', clocks: [] },
          '2026-11-30T17:00:00.000Z',
        ),
      );
      const res = await getAs('/oversight/statistics?month=2026-11', countyHc, 200);
      expect(res.body.incidents).toEqual({
        total: 2,
        major: 1, // the first case (reported major earlier in this file)
        byCategory: { assault_on_staff: 1, crowd_disturbance: 1, threat_intimidation_insult: 1 },
        byHospital: { [HOSPITAL]: 1, [OTHER_HOSPITAL]: 1 },
        byOutcome: { open: 1, resolved_on_scene: 1 },
      });
      expect(res.body.responseTime).toEqual({ met: 1, breached: 1, cancelled: 0, open: 0, rate: 0.5 });
      expect(res.body.deadlines['police-arrival-3min']).toMatchObject({ breached: 1, rate: 0 });
      expect(res.body.deadlines['peoples-mediation']).toMatchObject({ met: 1, rate: 1 });
      expect(res.body.mediation).toEqual({ 'failed:expired': 1, agreed: 1 });
      expect(res.body.prosecution).toEqual({ indicted: 1 });
      expect(res.body.penalties).toEqual({ administrative_detention: 1 });

      // Another county's commission sees none of it; a station chief gets the police figures only.
      const other = await getAs('/oversight/statistics?month=2026-11', otherCountyHc, 200);
      expect(other.body.incidents.total).toBe(1);
      await getAs('/oversight/statistics?month=2026-11&region=500101', otherCountyHc, 403);
      const police = await getAs('/oversight/statistics?month=2026-11', station, 200);
      expect(police.body.mediation).toBeUndefined();
      expect(police.body.responseTime.met).toBe(1);
      await getAs('/oversight/statistics?month=2026-11', hospital, 403);

      // The return, as CSV (csv-parse) and as XLSX (openpyxl): readers independent of the writers.
      const csv = await getAs('/oversight/statistics.csv?month=2026-11', countyHc, 200);
      expect(csv.text.startsWith('\uFEFF')).toBe(true);
      const rows = parse(csv.text, { bom: true, relax_column_count: true }) as string[][];
      expect(rows.slice(0, 5).map((r) => r[0])).toEqual([
        '涉医案事件月度统计表',
        '填报单位：万州区卫生健康委员会',
        expect.stringMatching(/^统计区域：重庆市.*万州区（500101）$/),
        '统计期间：2026年11月1日至2026年11月30日',
        expect.stringMatching(/^制表时间：\d{4}-\d{2}-\d{2} \d{2}:\d{2}（北京时间）$/),
      ]);
      const header = rows.findIndex((r) => r[0] === '序号');
      expect(rows[header]).toEqual(['序号', '统计项目', '分项', '数量', '按时率']);
      const items = rows.slice(header + 1).map((r) => r.slice(1));
      expect(items).toContainEqual(['按医疗机构', '重庆市万州区人民医院', '1', '']);
      expect(items).toContainEqual(['按医疗机构', '万州区第二人民医院', '1', '']);
      expect(items).toContainEqual(['按类别', '聚众滋事', '1', '']);
      expect(items).toContainEqual(['按处置结果', '现场处置完毕', '1', '']);
      expect(items).toContainEqual(['民警到场时限', '按时', '1', '0.5']);
      expect(items).toContainEqual(['医疗纠纷调解', '调解不成（调解期满）', '1', '']);
      expect(items).toContainEqual(['行政处罚', '行政拘留', '1', '']);
      expect(items).toContainEqual(['涉医案事件（起）', '', '2', '']);
      expect(csv.text).not.toContain(HOSPITAL);

      const file = await http()
        .get('/oversight/statistics.xlsx?month=2026-11')
        .set('authorization', await as(countyHc))
        .buffer(true)
        .parse(binaryBody)
        .expect(200);
      expect(file.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      const [sheet] = readXlsxWithOpenpyxl(file.body as Buffer);
      expect(sheet.name).toBe('统计 2026-11');
      expect(sheet.rows[0][0]).toBe('涉医案事件月度统计表');
      expect(sheet.merged).toContain('A1:E1');
      expect(sheet.rows[5]).toEqual(['序号', '统计项目', '分项', '数量', '按时率']);
      expect(sheet.freeze).toBe('A7');
      expect(sheet.widths).toMatchObject({ A: 6, B: 28, C: 36, D: 10, E: 10 });
      // The same table as the CSV, numbers as numbers.
      const table = sheet.rows.slice(6, 6 + rows.length - header - 2);
      expect(table.map((r) => r.map((c) => (c === null ? '' : String(c))))).toEqual(rows.slice(header + 1, -1));
      expect(table).toContainEqual([expect.any(Number), '民警到场时限', '按时', 1, 0.5]);
      expect(sheet.rows).toContainEqual(['合计', '涉医案事件（起）', null, 2, null]);
    });

    it('files the health commission’s monthly return: per hospital, by category, major, 12-hour reports, mediation outcomes', async () => {
      const second = '500101-20261120-0002';
      const nationalReport = (
        deadlineId: string,
        caseNumber: string,
        hospitalId: string,
        startedAt: string,
        dueAt: string,
        state: string,
        completedAt: string | null,
      ) => [
        envelope('incidents', 'IncidentClockStarted', { ...ref(caseNumber, hospitalId), deadlineId, clock: 'national_report' }, startedAt, {
          correlationId: caseNumber,
        }),
        envelope(
          'incidents',
          state === 'met' ? 'DeadlineMet' : 'DeadlineStarted',
          {
            deadlineId,
            subject: caseNumber,
            rule: 'national-report-12h',
            ruleSource: '[S3 五(二)]',
            state,
            startedAt,
            dueAt,
            warnAt: dueAt,
            provisional: false,
            completedAt,
            responsibleOrganisationId: COUNTY_HC,
            supervisingOrganisationId: null,
          },
          completedAt ?? startedAt,
          { correlationId: caseNumber },
        ),
      ];
      // The first case reported within 12 hours; the second not reported, its 12 hours long past.
      await publish(
        ...nationalReport('nr-1', CASE, HOSPITAL, T('08:02:00'), T('20:02:00'), 'met', T('10:00:00')),
        ...nationalReport('nr-2', second, OTHER_HOSPITAL, '2026-11-20T02:00:00.000Z', '2026-11-20T14:00:00.000Z', 'running', null),
      );
      now = new Date('2026-12-01T01:00:00.000Z');
      await waitFor(
        () => runtime.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM oversight.board WHERE clock = 'national_report'`),
        (r) => r[0].n === 2,
      );
      const xlsx = await http()
        .get('/oversight/returns/health-monthly.xlsx?month=2026-11&region=500101')
        .set('authorization', await as(countyHc))
        .buffer(true)
        .parse(binaryBody)
        .expect(200);
      const [sheet] = readXlsxWithOpenpyxl(xlsx.body as Buffer);
      expect(sheet.rows[0][0]).toBe('医疗机构涉医案事件月度统计表');
      expect(sheet.merged).toContain('A1:R1');
      expect(sheet.rows.slice(1, 5).map((r) => r[0])).toEqual([
        '填报单位：万州区卫生健康委员会',
        expect.stringMatching(/^统计区域：重庆市.*万州区（500101）$/),
        '统计期间：2026年11月1日至2026年11月30日',
        '制表时间：2026-12-01 09:00（北京时间）',
      ]);
      expect(sheet.rows[5]).toEqual([
        '序号', '医疗机构', '案事件总数',
        '暴力伤医', '威胁、恐吓、侮辱医务人员', '非法限制医务人员人身自由', '聚众滋事', '违规停尸、设灵堂、摆花圈、烧纸钱', '携带管制器具、危险物品', '长期霸床', '其他',
        '其中：重大事件', '12小时报告应报数', '按时报告', '超时报告', '12小时报告按时率', '调解成功', '调解不成',
      ]); // prettier-ignore
      expect(sheet.freeze).toBe('A7');
      expect(sheet.widths).toMatchObject({ A: 6, B: 30 });
      const byName = (name: string) => sheet.rows.find((r) => r[1] === name)?.slice(2);
      expect(byName('重庆市万州区人民医院')).toEqual([1, 1, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 0, 1, 0, 1]);
      expect(byName('万州区第二人民医院')).toEqual([1, 0, 1, 0, 1, 0, 0, 0, 0, 0, 1, 0, 1, 0, 1, 0]);
      expect(sheet.rows[8]).toEqual(['合计', '2 家医疗机构', 2, 1, 1, 0, 1, 0, 0, 0, 0, 1, 2, 1, 1, 0.5, 1, 1]);
      expect(sheet.rows.slice(6, 8).map((r) => r[0])).toEqual([1, 2]);

      const csv = await getAs('/oversight/returns/health-monthly.csv?month=2026-11&region=500101', countyHc, 200);
      const rows = parse(csv.text, { bom: true, relax_column_count: true }) as string[][];
      expect(rows[6]).toEqual(sheet.rows[5]);
      expect(rows[9]).toEqual(['合计', '2 家医疗机构', '2', '1', '1', '0', '1', '0', '0', '0', '0', '1', '2', '1', '1', '0.5', '1', '1']);
      // Police read their own figures, not this return; another county's commission not this county's.
      await getAs('/oversight/returns/health-monthly.csv?month=2026-11', station, 403);
      await getAs('/oversight/returns/health-monthly.csv?month=2026-11&region=500101', otherCountyHc, 403);
    });

    it('files the police monthly return: per police unit, cases by kind, measures, arrests, prosecutions, ministry entries on time', async () => {
      const third = '500101-20261115-0003';
      const at = (day: string) => `2026-11-${day}:00.000Z`;
      const p = (type: string, data: Record<string, unknown>, when: string, caseNumber = third) =>
        envelope('prosecution', type, { ...ref(caseNumber), ...data }, when, {
          correlationId: caseNumber,
          streamId: `police-case-${caseNumber}`,
          actor: { userId: 'officer-2', organisationId: STATION, role: 'police_case_officer' },
        });
      const entry = (deadlineId: string, type: string, state: string, startedAt: string, dueAt: string, completedAt: string | null) =>
        envelope(
          'prosecution',
          type,
          {
            deadlineId,
            subject: third,
            rule: 'ministry-system-entry',
            ruleSource: '[S1 六(二)]',
            state,
            startedAt,
            dueAt,
            warnAt: dueAt,
            provisional: false,
            completedAt,
            responsibleOrganisationId: STATION,
            supervisingOrganisationId: BUREAU,
          },
          completedAt ?? startedAt,
          { correlationId: third, actor: SYSTEM_ACTOR },
        );
      await seedDirectory(
        bus,
        [runtime.directory],
        [{ organisationId: BUREAU, kind: 'police', regionCode: '500101', name: '万州区公安局' }],
      );
      // The station's case: accepted as a public-security case, turned criminal, two suspects; plus
      // the bureau's case from the top of this file (accepted, 行政拘留, one indicted).
      await publish(
        p('CaseAccepted', { kind: 'administrative', origin: { source: 'direct' }, handlingUnitId: STATION, acceptedAt: at('15T02:00'), summary: 'x' }, at('15T02:00')),
        p('CaseConvertedToCriminal', { reason: 'x', convertedAt: at('16T01:00') }, at('16T01:00')),
        p('CriminalCaseFiled', { filingUnitId: STATION, filedAt: at('16T02:00') }, at('16T02:00')),
        p('CompulsoryMeasureImposed', { measureId: 'm1', suspectId: 's1', measure: 'criminal_detention', decidedAt: at('16T03:00'), decidingUnitId: STATION, custodyAfter: 'criminal_detention', clocks: [] }, at('16T03:00')),
        p('CompulsoryMeasureImposed', { measureId: 'm2', suspectId: 's2', measure: 'bail', decidedAt: at('18T03:00'), decidingUnitId: STATION, custodyAfter: 'none', clocks: [] }, at('18T03:00')),
        p('ArrestApprovalRequested', { requestId: 'r1', suspectId: 's1', procuratorateId: 'proc', requestedAt: at('19T01:00'), clocks: [] }, at('19T01:00')),
        p('ArrestApprovalDecided', { requestId: 'r1', suspectId: 's1', procuratorateId: 'proc', outcome: 'approved', reason: '', decidedAt: at('22T01:00'), releaseRequired: false, clocks: [] }, at('22T01:00')),
        p('CaseTransferredForProsecution', { suspectIds: ['s1', 's2'], procuratorateId: 'proc', transferringUnitId: STATION, inCustody: true, transferredAt: at('25T01:00'), clocks: [] }, at('25T01:00')),
        // Not this month (October in Beijing time), not this county: not counted.
        p('CaseAccepted', { kind: 'criminal', origin: { source: 'direct' }, handlingUnitId: STATION, acceptedAt: '2026-10-31T15:00:00.000Z', summary: 'x' }, '2026-10-31T15:00:00.000Z', '500101-20261031-0009'),
        p('CaseAccepted', { kind: 'criminal', origin: { source: 'direct' }, handlingUnitId: 'police-fl', acceptedAt: at('12T01:00'), summary: 'x' }, at('12T01:00'), OTHER_CASE),
        // The detention entered in time; the bail decision's entry still not made, its 3 working days past.
        entry('me-1', 'DeadlineMet', 'met', at('16T03:00'), at('18T16:00'), at('17T01:00')),
        entry('me-2', 'DeadlineStarted', 'running', at('18T03:00'), at('20T16:00'), null),
      ); // prettier-ignore
      now = new Date('2026-12-01T01:00:00.000Z');
      await waitFor(
        () =>
          runtime.db.query<{ n: number }>(
            `SELECT (SELECT count(*) FROM oversight.police_facts) + (SELECT count(*) FROM oversight.board WHERE rule = 'ministry-system-entry') AS n`,
          ),
        (r) => Number(r[0].n) === 3 + 10 + 2,
      );
      const xlsx = await http()
        .get('/oversight/returns/police-monthly.xlsx?month=2026-11&region=500101')
        .set('authorization', await as(station))
        .buffer(true)
        .parse(binaryBody)
        .expect(200);
      expect(xlsx.headers['content-disposition']).toContain('police-monthly-500101-2026-11.xlsx');
      const [sheet] = readXlsxWithOpenpyxl(xlsx.body as Buffer);
      expect(sheet.name).toBe('公安月报 2026-11');
      expect(sheet.rows[0][0]).toBe('公安机关打击涉医违法犯罪专项行动统计表');
      expect(sheet.merged).toContain('A1:W1');
      expect(sheet.rows.slice(1, 5).map((r) => r[0])).toEqual([
        '填报单位：万州区公安局高笋塘派出所',
        expect.stringMatching(/^统计区域：重庆市.*万州区（500101）$/),
        '统计期间：2026年11月1日至2026年11月30日',
        '制表时间：2026-12-01 09:00（北京时间）',
      ]);
      expect(sheet.rows[5]).toEqual([
        '序号', '办案单位', '受理案件', '其中：刑事案件', '其中：治安案件', '刑事立案', '治安转刑事',
        '治安处罚：警告（人次）', '治安处罚：罚款（人次）', '治安处罚：行政拘留（人次）',
        '强制措施：拘传（人次）', '强制措施：取保候审（人次）', '强制措施：监视居住（人次）', '强制措施：刑事拘留（人次）', '强制措施：逮捕（人次）',
        '提请批准逮捕（人）', '批准逮捕（人）', '移送审查起诉（人）', '提起公诉（人）',
        '部级系统应录入', '按时录入', '超时录入', '录入按时率',
      ]); // prettier-ignore
      expect(sheet.freeze).toBe('A7');
      expect(sheet.widths).toMatchObject({ A: 6, B: 30, C: 10 });
      expect(sheet.rows[6]).toEqual([1, '万州区公安局', 1, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, null]);
      expect(sheet.rows[7]).toEqual([2, '万州区公安局高笋塘派出所', 1, 0, 1, 1, 1, 0, 0, 0, 0, 1, 0, 1, 0, 1, 1, 2, 0, 2, 1, 1, 0.5]);
      expect(sheet.rows[8]).toEqual(['合计', '2 个办案单位', 2, 1, 1, 1, 1, 0, 0, 1, 0, 1, 0, 1, 0, 1, 1, 2, 1, 2, 1, 1, 0.5]);

      const csv = await getAs('/oversight/returns/police-monthly.csv?month=2026-11&region=500101', zfw, 200);
      expect(csv.text.startsWith('\uFEFF')).toBe(true);
      const rows = parse(csv.text, { bom: true, relax_column_count: true }) as string[][];
      expect(rows[0]).toEqual(['公安机关打击涉医违法犯罪专项行动统计表']);
      expect(rows[6]).toEqual(sheet.rows[5]);
      expect(rows[8]).toEqual([
        '2',
        '万州区公安局高笋塘派出所',
        '1',
        '0',
        '1',
        '1',
        '1',
        '0',
        '0',
        '0',
        '0',
        '1',
        '0',
        '1',
        '0',
        '1',
        '1',
        '2',
        '0',
        '2',
        '1',
        '1',
        '0.5',
      ]);
      expect(rows[9]).toEqual([
        '合计',
        '2 个办案单位',
        '2',
        '1',
        '1',
        '1',
        '1',
        '0',
        '0',
        '1',
        '0',
        '1',
        '0',
        '1',
        '0',
        '1',
        '1',
        '2',
        '1',
        '2',
        '1',
        '1',
        '0.5',
      ]);
      expect(csv.text).not.toContain(STATION);
      // Commissions read their own return, not this one; another county's police not this county's.
      await getAs('/oversight/returns/police-monthly.csv?month=2026-11', countyHc, 403);
      await getAs('/oversight/returns/police-monthly.csv?month=2026-11', hospital, 403);
      await getAs(
        '/oversight/returns/police-monthly.csv?month=2026-11&region=500101',
        { ...station, organisationId: 'police-fl', organisationRegion: '500102' },
        403,
      );
    });
  });
});
