import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { PlatformModule } from '@pingan/platform';
import { asCaller, binaryBody, closeAppAndDatabase, createTestDatabase, type TestDatabase, testAccessTokenKeys } from '@pingan/testing';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IncidentsModule } from '../incidents.module.js';
import { PRINCIPALS, TEST_DIRECTORY, claimsOf, minutesBefore, seedTestDirectory, type Who } from '../incidents.fixture.js';

/**
 * The report form over HTTP against real PostgreSQL, read back by other programs than the one
 * that wrote it: poppler's pdftotext (the text), pdffonts (the embedded font) and pdftoppm (the
 * page as a PNG). REPORT_FORM_PNG=<path> copies the page out (docs/screenshots/incident-report-form.png).
 */
const NAMES: Record<string, string> = {
  'hosp-a': '重庆市万州区中心医院',
  'hosp-b': '重庆市万州区人民医院',
  'station-wz': '万州区公安局高笋塘派出所',
  'bureau-wz': '重庆市公安局万州区分局',
  'hc-wz': '万州区卫生健康委员会',
  'hc-city': '重庆市卫生健康委员会',
  'zfw-wz': '中共万州区委政法委员会',
};

describe('incident report form (涉医案事件信息报送表)', () => {
  const saved = { ...process.env };
  const keys = testAccessTokenKeys();
  const tokens = new Map<Who, string>();
  const dir = mkdtempSync(join(tmpdir(), 'report-form-'));
  let database: TestDatabase;
  let app: INestApplication;
  let caseNumber: string;
  const as = (who: Who) => asCaller(app, tokens.get(who));

  beforeAll(async () => {
    database = await createTestDatabase('incidents_report_form');
    Object.assign(process.env, { DATABASE_URL: database.url, LOG_LEVEL: 'fatal', ...keys.env });
    for (const [who, principal] of Object.entries(PRINCIPALS)) tokens.set(who as Who, await keys.tokenFor(claimsOf(principal)));
    app = (
      await Test.createTestingModule({
        imports: [PlatformModule.forRoot({ service: 'incidents', inProcessBus: true }), IncidentsModule],
      }).compile()
    ).createNestApplication();
    await app.init();
    await seedTestDirectory(
      app,
      TEST_DIRECTORY.map((org) => ({ ...org, name: NAMES[org.organisationId] })),
    );

    // A major incident: a knife, a doctor seriously injured, a nurse lightly; police on scene in 2 minutes.
    const now = new Date();
    const reported = await as('hospitalA')
      .post('/incidents', {
        hospital: { hospitalId: 'hosp-a' },
        occurredAt: minutesBefore(now, 30),
        intake: {
          channel: 'hospital_report',
          location: '急诊科抢救室',
          partiesCount: 1,
          behaviour: '患者家属持刀砍伤值班医生，并威胁护士',
          anyoneInjured: true,
          description: '因候诊时间不满持刀行凶，保安当场控制',
        },
        classification: {
          categories: ['assault_on_staff', 'carrying_weapons'],
          casualties: { staff: { seriousInjuries: 1, lightInjuries: 1 } },
          weaponsInvolved: true,
        },
      })
      .expect(201);
    caseNumber = reported.body.caseNumber;
    await as('dispatcher')
      .post(`/incidents/${caseNumber}/dispatch`, { dispatchedAt: minutesBefore(now, 28) })
      .expect(200);
    await as('dispatcher')
      .post(`/incidents/${caseNumber}/arrival`, { arrivedAt: minutesBefore(now, 26) })
      .expect(200);
    await as('dispatcher')
      .post(`/incidents/${caseNumber}/disturbance-stopped`, { stoppedAt: minutesBefore(now, 25) })
      .expect(200);
    await as('countyHc').post(`/incidents/${caseNumber}/escalations/county/acknowledge`).expect(200);
    await as('countyHc').post(`/incidents/${caseNumber}/escalations/county/forward`).expect(200);
    await as('zfw').post(`/incidents/${caseNumber}/escalations/local/acknowledge`).expect(200);
  }, 60_000);

  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await closeAppAndDatabase(app, saved, database);
  });

  it('prints a major incident as a PDF with the Chinese text and the CJK font embedded', async () => {
    const res = await as('hospitalA').get(`/incidents/${caseNumber}/report-form?format=pdf`).buffer(true).parse(binaryBody).expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain(`incident-report-form-${caseNumber}.pdf`);
    const pdf = join(dir, 'form.pdf');
    writeFileSync(pdf, res.body as Buffer);

    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
    for (const expected of [
      '涉医案事件信息报送表',
      '重庆市万州区中心医院',
      '重庆市万州区', // regionName of 500101
      '暴力伤医',
      '携带管制器具、危险物品',
      '急诊科抢救室',
      '患者家属持刀砍伤值班医生',
      '北京时间',
      '万州区公安局高笋塘派出所',
      '3分钟（医院设有警务室）',
      '按时到场',
      '万州区卫生健康委员会',
      '重庆市卫生健康委员会',
      '中共万州区委政法委员会',
      '已转报',
      '填报人',
      '单位盖章',
    ])
      expect(text).toContain(expected);
    expect(text).not.toContain('hosp-a');

    const fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' });
    const cjk = fonts.split('\n').find((line) => line.includes('NotoSansCJKsc-Regular'));
    expect(cjk).toBeDefined();
    expect(cjk).toMatch(/\byes\s+yes\s+yes\b/); // embedded, subset, with a Unicode map

    execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', pdf, join(dir, 'page')]);
    const png = join(dir, 'page.png');
    expect(readFileSync(png).subarray(1, 4).toString()).toBe('PNG');
    expect(statSync(png).size).toBeGreaterThan(20_000); // a page with text on it, not a blank one
    if (process.env.REPORT_FORM_PNG) copyFileSync(png, process.env.REPORT_FORM_PNG);
    // One A4 page: the form as a hospital signs and seals it.
    expect(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })).toMatch(/Pages:\s+1\b/);
  });

  it('prints the same form as a standalone HTML page, escaped', async () => {
    const res = await as('countyHc').get(`/incidents/${caseNumber}/report-form`).expect(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.text).toContain('<title>涉医案事件信息报送表');
    expect(res.text).toContain('重庆市万州区中心医院');
    expect(res.text).toContain('@page { size: A4');
    expect(res.text).not.toContain('<script');
    // Printed by a real browser (Debian's chromium, as the console's tests use), the page fits one A4 sheet.
    const page = join(dir, 'form.html');
    writeFileSync(page, res.text);
    const printed = join(dir, 'form-html.pdf');
    execFileSync(
      'chromium',
      ['--headless', '--no-sandbox', '--disable-gpu', '--no-pdf-header-footer', `--print-to-pdf=${printed}`, `file://${page}`],
      {
        stdio: 'ignore',
        timeout: 60_000,
      },
    );
    if (process.env.REPORT_FORM_HTML_PDF) copyFileSync(printed, process.env.REPORT_FORM_HTML_PDF);
    expect(execFileSync('pdfinfo', [printed], { encoding: 'utf8' })).toMatch(/Pages:\s+1\b/);
  }, 90_000);

  it('answers whoever may not read the incident as the incident read does', async () => {
    for (const who of ['hospitalB', 'hospitalC', 'dispatcherYz'] as const) {
      const read = await as(who).get(`/incidents/${caseNumber}`);
      const form = await as(who).get(`/incidents/${caseNumber}/report-form?format=pdf`);
      expect({ who, status: form.status, code: form.body.code }).toEqual({ who, status: read.status, code: read.body.code });
      expect(form.status).toBe(403);
      expect(form.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    const missing = '500101-20200101-0001';
    expect((await as('hospitalB').get(`/incidents/${missing}/report-form`)).status).toBe(
      (await as('hospitalB').get(`/incidents/${missing}`)).status,
    );
    expect((await as('countyHc').get(`/incidents/${missing}/report-form`).expect(404)).body.code).toBe('INCIDENT.NOT_FOUND');
  });

  it('names a format it does not know as a 400', async () => {
    const res = await as('hospitalA').get(`/incidents/${caseNumber}/report-form?format=docx`).expect(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'format' })]);
  });

  it('answers 503 REPORT_FORM.FONT_MISSING, not a broken PDF, when the font is not installed', async () => {
    process.env.REPORT_FORM_FONT = join(dir, 'no-such-font.ttc');
    const moduleRef = await Test.createTestingModule({
      imports: [PlatformModule.forRoot({ service: 'incidents', inProcessBus: true }), IncidentsModule],
    }).compile();
    const other = moduleRef.createNestApplication();
    await other.init();
    try {
      const res = await asCaller(other, tokens.get('hospitalA')).get(`/incidents/${caseNumber}/report-form?format=pdf`).expect(503);
      expect(res.body).toMatchObject({ code: 'REPORT_FORM.FONT_MISSING' });
      expect(res.body.detail).toContain('fonts-noto-cjk');
      await asCaller(other, tokens.get('hospitalA')).get(`/incidents/${caseNumber}/report-form`).expect(200); // the page needs no font of ours
    } finally {
      delete process.env.REPORT_FORM_FONT;
      await other.close();
    }
  });
});
