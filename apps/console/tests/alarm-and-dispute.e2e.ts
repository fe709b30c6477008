import { expect, test, type Page } from '@playwright/test';
import { LoginPage, newUser, PHONE, ReportForm, screenshot } from './pages';

/**
 * Two case pages on the real system. A one-key alarm (raised through the API: the console has no alarm button, the
 * alarm is a device) waits on the hospital's workbench until its security officer fills in the details on a phone;
 * the page then shows them and the timeline records 补录报警详情. A complaints officer opens a dispute and follows
 * the link to its page: what it is, its clocks, its timeline; a user of another hospital is refused it. Both pages
 * print as a record (no menu, header or buttons).
 */
test.describe.configure({ mode: 'serial' });

let alarm = '';
let dispute = '';

/** A command as a device or another system sends it: the user's own token, an Idempotency-Key, JSON. */
async function callApi<T>(page: Page, method: string, path: string, body: unknown): Promise<{ status: number; body: T }> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const { accessToken } = JSON.parse(sessionStorage.getItem('pingan.session')!) as { accessToken: string };
      const response = await fetch(path, {
        method,
        headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
        body: JSON.stringify(body),
      });
      return { status: response.status, body: (await response.json()) as T };
    },
    { method, path, body },
  );
}

const field = (page: Page, label: string) => page.locator('.ant-form-item').filter({ has: page.locator(`label:text-is("${label}")`) });

test('a one-key alarm waits on the workbench; its details are filled in on a phone', async ({ browser }) => {
  const { page } = await newUser(browser, PHONE);
  await new LoginPage(page).loginAs('wz.security', /\/hospital$/);
  const raised = await callApi<{ caseNumber: string }>(page, 'POST', '/incidents', {
    occurredAt: new Date().toISOString(),
    intake: { channel: 'one_key_alarm', location: '门诊大厅', deviceId: 'OPD-1' },
  });
  expect(raised.status).toBe(201);
  alarm = raised.body.caseNumber;

  // The workbench lists it as needing this user, with the step it waits for.
  const item = page.getByTestId(`needs-me-${alarm}`);
  await expect(item).toContainText('一键报警待补录详情');
  await item.getByRole('button', { name: '补录详情' }).click();
  await expect(page).toHaveURL(new RegExp(`/case/${alarm}$`));
  const card = page.getByTestId('alarm-details');
  await expect(card).toContainText('一键报警待补录详情');
  await expect(card).toContainText('门诊大厅');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

  // The report form's fields: the API's refusal of one shows beside it.
  const form = new ReportForm(page);
  await form.category('威胁、恐吓、侮辱医务人员');
  await form.parties(0);
  await form.behaviour('患者家属在门诊大厅辱骂、推搡导诊护士');
  await page.getByRole('button', { name: '补录详情' }).click();
  await expect(form.field('当事方人数').locator('.ant-form-item-explain-error')).toHaveText('数值过小');
  // The phone's first screen: the banner, the categories and the refused field.
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, 'alarm-details-phone', false);

  await form.parties(2);
  await form.injuries('医务人员轻微伤', 1);
  await page.getByRole('button', { name: '补录详情' }).click();
  await expect(card).toHaveCount(0);
  // The page shows the details; the timeline has the step.
  await expect(page.getByText('患者家属在门诊大厅辱骂、推搡导诊护士')).toBeVisible();
  await expect(page.locator('.ant-descriptions-item').filter({ hasText: '当事方人数' })).toContainText('2');
  await expect(page.locator('.ant-descriptions-item').filter({ hasText: '医务人员伤亡' })).toContainText('轻微伤 1');
  await expect(page.locator('.ant-descriptions-item').filter({ hasText: '类别' })).toContainText('威胁、恐吓、侮辱医务人员');
  const timeline = page.getByTestId('case-timeline');
  await expect(timeline).toContainText('补录报警详情', { timeout: 30_000 });
  await expect(timeline).toContainText('重新定性');
  // The refused submit recorded nothing: one reclassification, the one sent with the accepted details.
  await expect(timeline.getByText('重新定性', { exact: true })).toHaveCount(1);
  await expect(page.getByText('待补录详情')).toHaveCount(0);
  // Once described it is no longer the hospital's to describe: the workbench stops saying so.
  await page.goto('/hospital');
  await expect(page.getByTestId(`needs-me-${alarm}`)).not.toContainText('待补录详情');
});

test('the incident page prints as a record: no menu, header or buttons', async ({ browser }) => {
  const { page } = await newUser(browser, { viewport: { width: 900, height: 1200 } });
  await new LoginPage(page).loginAs('wz.security', /\/hospital$/);
  await page.goto(`/case/${alarm}`);
  await expect(page.getByTestId('case-timeline')).toContainText('补录报警详情', { timeout: 30_000 });
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.ant-layout-sider')).toBeHidden();
  await expect(page.locator('.ant-layout-header')).toBeHidden();
  await expect(page.getByRole('button', { name: '打印' })).toBeHidden();
  await expect(page.getByRole('button', { name: '办结' })).toBeHidden();
  await expect(page.getByText(`警情 ${alarm}`)).toBeVisible();
  await screenshot(page, 'case-page-print');
  // And the browser makes a PDF of it (the print button's dialog prints this).
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
});

test('a complaints officer opens a dispute and goes to its page: clocks and timeline', async ({ browser }) => {
  const { page } = await newUser(browser);
  await new LoginPage(page).loginAs('wz.complaints', /\/overview$/);
  await page.getByRole('menuitem', { name: '投诉接待' }).click();
  await field(page, '投诉事由').locator('textarea').fill('输液外渗致手背肿胀，家属要求说明并赔礼道歉');
  await field(page, '投诉人姓名').locator('input').fill('赵某');
  await page.locator('label.ant-radio-button-wrapper').filter({ hasText: '近亲属' }).click();
  await page.getByLabel('赔礼道歉').check();
  await field(page, '诉求说明').locator('textarea').fill('要求医院说明外渗原因，当面赔礼道歉');
  await page.getByRole('button', { name: '受理' }).click();
  await expect(page.getByTestId('dispute-case-number')).toContainText(/已受理，案件编号 \S+/);
  dispute = (await page.getByTestId('dispute-case-number').textContent())!.replace('已受理，案件编号 ', '').trim();
  await page.getByRole('button', { name: '记录已告知' }).click();
  await expect(page.getByTestId('routes-noticed')).toBeVisible();
  await page.getByTestId('routes-noticed').getByRole('button', { name: '查看案件' }).click();

  await expect(page).toHaveURL(new RegExp(`/disputes/${dispute}$`));
  const view = page.getByTestId('dispute-page');
  await expect(view).toContainText(`医疗纠纷 ${dispute}`);
  await expect(view).toContainText('万州区中心医院');
  await expect(view).toContainText('输液外渗致手背肿胀');
  await expect(view).toContainText('赵某（近亲属）');
  await expect(view).toContainText('赔礼道歉');
  await expect(page.getByTestId('routes-notice')).toContainText('当面告知');
  await expect(page.getByTestId('routes-notice')).toContainText('人民调解');
  await expect(page.getByTestId('dispute-stage')).toHaveText('双方协商');
  await expect(page.getByTestId('dispute-clocks')).toContainText('纠纷风险研判期限');
  await expect(page.getByTestId('dispute-clocks')).toContainText('还剩');
  await expect(page.getByTestId('case-timeline')).toContainText('受理医疗纠纷', { timeout: 30_000 });
  await expect(page.getByTestId('case-timeline')).toContainText('告知解决途径', { timeout: 30_000 });
  // Reading the parties' names is on record.
  await expect(page.getByTestId('case-timeline')).toContainText('查阅个人信息', { timeout: 30_000 });
  await screenshot(page, 'dispute-page');

  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.ant-layout-sider')).toBeHidden();
  await expect(page.getByRole('button', { name: '打印' })).toBeHidden();
  await expect(view).toContainText('纠纷风险研判期限');
  await page.emulateMedia({ media: 'screen' });

  // 本院纠纷: the hospital's disputes, each opening its page.
  await page.getByRole('menuitem', { name: '本院纠纷' }).click();
  await expect(page).toHaveURL(/\/complaints\/disputes$/);
  const row = page.locator('tr').filter({ hasText: dispute });
  await expect(row).toContainText('输液外渗致手背肿胀');
  await expect(row).toContainText('患方投诉');
  await screenshot(page, 'complaints-disputes');
  await row.getByRole('link', { name: dispute }).click();
  await expect(page).toHaveURL(new RegExp(`/disputes/${dispute}$`));
});

test('a user of another hospital is refused the dispute', async ({ browser }) => {
  const { page } = await newUser(browser);
  // 周诊所 receives complaints too, at another hospital.
  await new LoginPage(page).loginAs('wz.clinic', /\/hospital$/);
  await page.goto(`/disputes/${dispute}`);
  await expect(page.getByText('无权访问')).toBeVisible();
  await expect(page.getByText('赵某')).toHaveCount(0);
  await page.goto('/complaints/disputes');
  await expect(page.getByText('暂无纠纷')).toBeVisible();
});
