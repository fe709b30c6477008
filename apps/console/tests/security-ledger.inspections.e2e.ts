import { expect, test, type APIRequestContext, type Download, type Locator, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { LoginPage, newUser, passwordOf, PHONE, screenshot } from './pages';

/**
 * 检查督导 → 整改 → 销号 on the real system: the county commission records an inspection of 万州区中心医院 with two
 * findings (a blank one refused beside its field) and issues an item for each; the hospital's security office, on a
 * phone, reports both fixes; the commission sends one back with a reason, the hospital reports it again, the
 * commission signs both off; the ledger shows 0 open items and its XLSX download is a real workbook with the
 * follow-up columns; the commission runs the year's assessment and sees each hospital scored. Runs after
 * security-ledger.e2e.ts (file order), and alone.
 */
test.describe.configure({ mode: 'serial' });

let hospital: Page;
let commission: Page;
let hospitalId = '';
let inspectionId = '';

async function tokenOf(request: APIRequestContext, username: string): Promise<string> {
  const response = await request.post('/auth/login', { data: { username, password: passwordOf(username) } });
  expect(response.status()).toBe(200);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

/** The Ant Design form item of a label, within `scope` (the error is shown in the item). */
const field = (scope: Locator, label: string) =>
  scope.locator('.ant-form-item').filter({ has: scope.page().locator(`label:text-is("${label}")`) });

/** A saved download's bytes, and the workbook they are. */
async function workbookOf(download: Download): Promise<{ bytes: Buffer; workbook: ExcelJS.Workbook }> {
  const bytes = await readFile((await download.path())!);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return { bytes, workbook };
}
const cellsOf = (workbook: ExcelJS.Workbook): string[] => {
  const cells: string[] = [];
  workbook.worksheets[0].eachRow((row) => row.eachCell((cell) => cells.push(String(cell.text))));
  return cells;
};

test.beforeAll(async ({ request }) => {
  const token = await tokenOf(request, 'wz.security');
  const headers = { authorization: `Bearer ${token}` };
  const me = await request.get('/auth/me', { headers });
  hospitalId = ((await me.json()) as { organisationId: string }).organisationId;
  // Alone, the hospital has not filed yet: a profile for the assessment to score (as security-ledger.e2e.ts files it).
  const ledger = await request.get(`/security-ledger/hospitals/${hospitalId}`, { headers });
  if (!((await ledger.json()) as { filed: boolean }).filed) {
    const filed = await request.put(`/security-ledger/hospitals/${hospitalId}/profile`, {
      headers: { ...headers, 'idempotency-key': randomUUID() },
      data: { openBeds: 800, onDutyMedicalStaff: 1550, dailyOutpatients: 6500, guards: 39, certifiedGuards: 39 },
    });
    expect(filed.status()).toBe(200);
  }
});

test('the county commission records an inspection with two findings (a blank one refused beside its field) and issues two items', async ({
  browser,
}) => {
  ({ page: commission } = await newUser(browser));
  await new LoginPage(commission).loginAs('wz.hc', /\/overview$/);
  await commission.goto(`/ledger/hospitals/${hospitalId}`);
  const card = commission.getByTestId('hospital-inspections');
  await expect(card).toContainText('暂无检查记录');
  await card.getByRole('button', { name: '记录检查' }).click();
  const dialog = commission.getByRole('dialog');
  const first = dialog.getByTestId('finding-0');
  await first.locator('.ant-select').click();
  await commission.locator('.ant-select-item-option').filter({ hasText: '保安员配备' }).click();
  await field(first, '问题描述').locator('textarea').fill('夜间门诊仅1名保安在岗，保安员39人，少于应配的47人');
  await dialog.getByRole('button', { name: '添加问题' }).click();
  const second = dialog.getByTestId('finding-1');
  await second.locator('.ant-select').click();
  await commission.locator('.ant-select-item-option:visible').filter({ hasText: '视频监控覆盖' }).click();
  // The second finding in blanks only: the API refuses it and says so beside that finding's field.
  await field(second, '问题描述').locator('textarea').fill('   ');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(field(second, '问题描述').locator('.ant-form-item-explain-error')).toHaveText('必填');
  await field(second, '问题描述').locator('textarea').fill('急诊候诊区无视频监控覆盖');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(commission).toHaveURL(/\/ledger\/inspections\/[0-9a-f-]+$/);
  inspectionId = commission.url().split('/').pop()!;

  for (const [findingId, name] of [
    ['1', '张保卫'],
    ['2', '李信息'],
  ] as const) {
    const finding = commission.getByTestId(`finding-${findingId}`);
    await finding.getByRole('button', { name: '下发整改' }).click();
    const issue = commission.getByRole('dialog');
    await field(issue, '整改责任人').locator('input').fill(name);
    await field(issue, '职务').locator('input').fill('保卫科科长');
    await issue.getByRole('button', { name: '下发' }).click();
    await expect(finding.getByTestId('item-status')).toHaveText('待整改');
    await expect(finding.getByTestId('item-countdown')).toHaveText(/还剩 (29|30) 天/);
  }
  await expect(commission.getByTestId('inspection-counts')).toContainText('共 2 项，未销号 2');

  await commission.getByRole('button', { name: '发布通报' }).click();
  await field(commission.getByRole('dialog'), '通报内容').locator('textarea').fill('万州区中心医院保安力量不足，限期整改。');
  await commission.getByRole('dialog').getByRole('button', { name: '发布' }).click();
  await expect(commission.getByTestId('circulars')).toContainText('限期整改');
  await commission.getByRole('button', { name: '记录约谈' }).click();
  const talk = commission.getByRole('dialog');
  await field(talk, '约谈对象（姓名、职务）').locator('input').fill('王院长（院长）');
  await field(talk, '约谈内容').locator('textarea').fill('督促落实保安配备和视频监控整改。');
  await talk.getByRole('button', { name: '保存' }).click();
  await expect(commission.getByTestId('interviews')).toContainText('王院长');
});

async function reportFix(page: Page, itemId: string, note: string, evidence: string) {
  const item = page.getByTestId(`rectification-${inspectionId}-${itemId}`);
  await item.getByRole('button', { name: '报告整改' }).click();
  const dialog = page.getByRole('dialog');
  await field(dialog, '整改情况').locator('textarea').fill(note);
  await field(dialog, '佐证材料').locator('textarea').fill(evidence);
  await dialog.getByRole('button', { name: '提交' }).click();
  await expect(item.getByTestId('item-status')).toHaveText('已报整改，待核验');
}

test('the hospital’s security office on a phone sees both items with their due days and reports the fixes', async ({ browser }) => {
  ({ page: hospital } = await newUser(browser, PHONE));
  await new LoginPage(hospital).loginAs('wz.security', /\/hospital$/);
  await hospital.goto('/hospital/security-profile');
  const items = hospital.getByTestId('rectification-items');
  await expect(items).toContainText('保安员配备');
  await expect(items).toContainText('视频监控覆盖');
  await expect(items.getByTestId('item-countdown')).toHaveCount(2);
  // Without evidence the API refuses the report, beside the field.
  const item = hospital.getByTestId(`rectification-${inspectionId}-1`);
  await item.getByRole('button', { name: '报告整改' }).click();
  await field(hospital.getByRole('dialog'), '整改情况').locator('textarea').fill('新招保安8人');
  await hospital.getByRole('dialog').getByRole('button', { name: '提交' }).click();
  await expect(field(hospital.getByRole('dialog'), '佐证材料').locator('.ant-form-item-explain-error')).toBeVisible();
  await hospital.getByRole('dialog').getByRole('button', { name: '取消' }).click();

  await reportFix(hospital, '1', '新招保安8人，现有保安47人', '保安员花名册-2026-12.pdf\n上岗证复印件.pdf');
  await reportFix(hospital, '2', '急诊候诊区已加装摄像机2台', '监控验收单.pdf');
  expect(await hospital.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
});

test('the commission sends one fix back with a reason, the hospital reports it again, the commission signs both off', async () => {
  await commission.reload();
  const first = commission.getByTestId('finding-1');
  await expect(first).toContainText('保安员花名册-2026-12.pdf');
  await first.getByRole('button', { name: '退回' }).click();
  await field(commission.getByRole('dialog'), '退回理由').locator('textarea').fill('花名册未见新招人员的上岗证');
  await commission.getByRole('dialog').getByRole('button', { name: '确定' }).click();
  await expect(first.getByTestId('item-status')).toHaveText('退回重改');
  await screenshot(commission, 'ledger-inspection');

  await hospital.reload();
  const back = hospital.getByTestId(`rectification-${inspectionId}-1`);
  await expect(back.getByTestId('item-status')).toHaveText('退回重改');
  await expect(back).toContainText('花名册未见新招人员的上岗证');
  await expect(hospital.getByText('已报告，待检查单位核验销号')).toBeHidden();
  await hospital.getByTestId('rectification-items').scrollIntoViewIfNeeded();
  await screenshot(hospital, 'ledger-rectification-phone');
  await reportFix(hospital, '1', '补充8名新招保安的上岗证', '上岗证-8人.pdf');

  await commission.reload();
  for (const findingId of ['1', '2']) {
    const finding = commission.getByTestId(`finding-${findingId}`);
    await finding.getByRole('button', { name: '销号' }).click();
    await commission.getByRole('dialog').getByRole('button', { name: '确定' }).click();
    await expect(finding.getByTestId('item-status')).toHaveText('已销号');
  }
  await expect(commission.getByTestId('inspection-counts')).toContainText('共 2 项，未销号 0，逾期 0，已销号 2（逾期销号 0）');
  await hospital.reload();
  await expect(hospital.getByTestId('rectification-items')).toContainText('暂无待整改事项');
});

test('the ledger row shows 0 open items and the last inspection; 导出台账 downloads a real XLSX', async () => {
  await commission.goto('/ledger');
  const row = commission.getByTestId(`ledger-row-${hospitalId}`);
  await expect(row.getByTestId('open-items')).toHaveText('0');
  await expect(row.getByTestId('late-items')).toHaveText('0');
  const today = await commission.evaluate(() => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10));
  await expect(row).toContainText(today);
  const downloading = commission.waitForEvent('download');
  await commission.getByRole('button', { name: '导出台账' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^医院安全秩序管理工作台账.*\.xlsx$/);
  const { bytes, workbook } = await workbookOf(download);
  expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK'); // a zip, as every XLSX is
  const cells = cellsOf(workbook);
  expect(cells.some((c) => c.includes('医院安全秩序管理工作台账'))).toBe(true);
  expect(cells).toContain('万州区中心医院');
  expect(cells).toContain('未销号整改事项');
  expect(cells).toContain('最近检查日期');
});

test('the commission runs the year’s assessment and sees each hospital scored, with its XLSX', async () => {
  await commission.getByRole('menuitem', { name: '年度考评' }).click();
  await expect(commission).toHaveURL(/\/ledger\/assessment$/);
  await expect(commission.getByTestId('assessment-sheet')).toContainText('保安员配备');
  await expect(commission.getByTestId('assessment-sheet')).toContainText('系统默认细则');
  await commission.getByRole('button', { name: '开展考评' }).click();
  await commission.getByRole('dialog').getByRole('button', { name: '开始评分' }).click();
  await expect(commission).toHaveURL(/\/ledger\/assessment\?id=/);
  const row = commission.getByTestId(`assessment-row-${hospitalId}`);
  await expect(row).toContainText('万州区中心医院');
  // 39 certified of 39 guards earns its 5 points at least; the guards item (39 of 47) earns none.
  expect(Number(await row.getByTestId('total').textContent())).toBeGreaterThan(0);
  expect(Number(await row.getByTestId('total').textContent())).toBeLessThan(100);
  await expect(commission.getByTestId('assessment-results')).toContainText('万州康宁诊所'); // not filed: scored 0, still listed
  await screenshot(commission, 'ledger-assessment');
  const downloading = commission.waitForEvent('download');
  await commission.getByRole('button', { name: '下载 XLSX' }).click();
  const { bytes, workbook } = await workbookOf(await downloading);
  expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  expect(cellsOf(workbook).some((c) => c.includes('平安医院考评结果'))).toBe(true);
  expect(cellsOf(workbook)).toContain('万州区中心医院');
});
