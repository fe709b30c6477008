import { expect, test, type Page } from '@playwright/test';
import { LoginPage, newUser, PHONE, screenshot } from './pages';

/**
 * The station's case officer on the real system: an incident the hospital reported is handed over as a police case
 * (转为案件办理) and lands in 我的案件; on the case page the officer adds a suspect, records a penalty decision, sees the
 * 3-working-day ministry-entry clock count down in working days, records the entry with its reference number (the clock
 * is met), and transfers a criminal case to the procuratorate only after confirming. A hospital user may not open it.
 */
test.describe.configure({ mode: 'serial' });

let officer: Page;
let administrativeCase = '';
let criminalCase = '';

/** A call to the API as the signed-in user of `page` (what a test sets up, not what it checks). */
async function callApi<T>(page: Page, method: 'GET' | 'POST', path: string, body?: unknown): Promise<{ status: number; body: T }> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const { accessToken } = JSON.parse(sessionStorage.getItem('pingan.session')!) as { accessToken: string };
      const response = await fetch(path, {
        method,
        headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, body: (await response.json().catch(() => null)) as T };
    },
    { method, path, body },
  );
}

/** Picks an option of the open Ant Design select (its listbox options are rendered apart from the ARIA ones). */
const choose = (page: Page, option: string) => page.locator('.ant-select-item-option').filter({ hasText: option }).first().click();

test('the case officer lands on 我的案件', async ({ browser }) => {
  ({ page: officer } = await newUser(browser));
  await new LoginPage(officer).loginAs('wz.case.officer', /\/police\/cases$/);
  await expect(officer.getByRole('menuitem', { name: '我的案件' })).toBeVisible();
  await expect(officer.getByRole('menuitem', { name: '辖区警情' })).toBeVisible();
  await expect(officer.getByRole('menuitem', { name: '实时警情看板' })).toHaveCount(0);
});

test('an incident handed over as a police case links to it and is in 我的案件', async ({ browser }) => {
  const { page: hospital } = await newUser(browser);
  await new LoginPage(hospital).loginAs('wz.security', /\/hospital$/);
  const reported = await callApi<{ caseNumber: string }>(hospital, 'POST', '/incidents', {
    occurredAt: new Date(Date.now() - 10 * 60_000).toISOString(),
    intake: {
      channel: 'hospital_report',
      partiesCount: 1,
      behaviour: '患者家属在门诊大厅辱骂、推搡导医',
      anyoneInjured: false,
      location: '门诊大厅',
    },
    classification: { categories: ['threat_intimidation_insult'] },
  });
  expect(reported.status).toBe(201);
  administrativeCase = reported.body.caseNumber;

  // 办结 · 转为案件办理 on the incident page: the police case opens under the incident's number.
  await officer.goto(`/case/${administrativeCase}`);
  await officer.getByRole('button', { name: '办结' }).click();
  const dialog = officer.getByRole('dialog', { name: '办结警情' });
  await dialog.locator('.ant-select').click();
  await choose(officer, '转为案件办理');
  await dialog.getByRole('button', { name: '确认办结' }).click();
  await expect(officer.getByTestId('police-case-link')).toBeVisible({ timeout: 20_000 });
  // The case is opened from the incident's event (asynchronously): wait for it before following the link.
  await expect
    .poll(async () => (await callApi(officer, 'GET', `/police-cases/${administrativeCase}`)).status, { timeout: 20_000 })
    .toBe(200);

  await officer.goto('/police/cases');
  const row = officer.getByTestId(`police-case-${administrativeCase}`);
  await expect(row).toContainText('行政案件');
  await expect(row).toContainText('已受案');
  await expect(row).toContainText('万州区中心医院');
  await expect(row.getByRole('link', { name: `警情 ${administrativeCase}` })).toBeVisible();
  // The 治安案件's 30-day case period is its nearest running clock.
  await expect(officer.getByTestId(`nearest-clock-${administrativeCase}`)).toContainText('还剩', { timeout: 20_000 });
});

test('the officer adds a suspect; the names are read only with a stated purpose', async () => {
  await officer.goto(`/case/${administrativeCase}`);
  await officer.getByTestId('police-case-link').click();
  await expect(officer).toHaveURL(new RegExp(`/police-cases/${administrativeCase}$`));
  await expect(officer.getByText(`公安案件 ${administrativeCase}`)).toBeVisible();
  await expect(officer.getByTestId('police-case-stage')).toHaveText('已受案');

  await officer.getByLabel('嫌疑人姓名').fill('王某某');
  await officer.getByRole('button', { name: '增列嫌疑人' }).click();
  const suspects = officer.getByTestId('suspects');
  await expect(suspects).toContainText('嫌疑人 1');
  await expect(suspects).not.toContainText('王某某');
  const read = officer.waitForRequest((r) => r.url().endsWith(`/police-cases/${administrativeCase}/suspects`) && r.method() === 'GET');
  await officer.getByLabel('查阅用途').click();
  await choose(officer, '办理本案');
  await officer.getByRole('button', { name: '查看姓名' }).click();
  expect(decodeURIComponent((await read).headers()['x-access-purpose'])).toBe('办理本案');
  await expect(suspects).toContainText('王某某');
  await expect(suspects).toContainText('已记录查阅（用途：办理本案）');
});

test('an API validation error shows beside its field', async () => {
  const form = officer.getByTestId('decide-form');
  await form.getByLabel('处罚种类').click();
  await choose(officer, '罚款');
  await form.getByLabel('罚款金额（元）').fill('-200'); // the API takes no negative fine (penalty.amountYuan ≥ 0)
  await form.getByRole('button', { name: '记录处罚决定' }).click();
  const amount = form.locator('.ant-form-item').filter({ has: officer.locator('label:text-is("罚款金额（元）")') });
  await expect(amount.locator('.ant-form-item-explain-error')).toHaveText('数值过小');
});

test('a penalty decision starts the ministry-entry clock, counted in working days; the entry meets it', async () => {
  const form = officer.getByTestId('decide-form');
  await form.getByLabel('罚款金额（元）').fill('500');
  await form.getByRole('button', { name: '记录处罚决定' }).click();
  const decision = officer.getByTestId('decisions').locator('[data-testid^="decision-"]').first();
  await expect(decision).toContainText('罚款 500 元');
  await expect(decision).toContainText('王某某');
  // Decided today: three working days after today, whatever the weekday (the calendar skips weekends and holidays).
  const clock = decision.locator('[data-testid^="ministry-clock-"]');
  await expect(clock).toHaveText('公安部信息系统录入：还剩 3 个工作日');
  await expect(clock).toHaveAttribute('data-state', 'running');
  await screenshot(officer, 'police-case-page');

  await decision.getByRole('button', { name: '录入公安部系统' }).click();
  const dialog = officer.getByRole('dialog', { name: '记录公安部信息系统录入' });
  await dialog.getByRole('button', { name: '确认录入' }).click();
  await expect(dialog.locator('.ant-form-item-explain-error')).toHaveText('请填写系统给出的编号');
  await dialog.getByLabel('录入编号（公安部信息系统）').fill('GAB-2026-500101-0001');
  await dialog.getByRole('button', { name: '确认录入' }).click();
  await expect(clock).toHaveAttribute('data-state', 'met');
  await expect(clock).toContainText('已达标');
  await expect(decision).toContainText('录入编号 GAB-2026-500101-0001');
  await expect(officer.getByTestId('case-timeline')).toContainText('录入公安部系统', { timeout: 20_000 });
  await expect(officer.getByTestId('case-timeline')).toContainText('作出行政处罚决定');
});

test('transfer to the procuratorate asks for confirmation first', async () => {
  // A case accepted at the station (受案 directly), at the same hospital.
  const { hospitalId } = (await callApi<{ case: { hospitalId: string } }>(officer, 'GET', `/police-cases/${administrativeCase}`)).body.case;
  criminalCase = `A500101${Date.now()}`;
  const opened = await callApi(officer, 'POST', '/police-cases', {
    caseNumber: criminalCase,
    hospitalId,
    regionCode: '500101',
    kind: 'criminal',
    summary: '持刀闯入急诊科威胁医务人员',
  });
  expect(opened.status).toBe(201);
  await officer.goto(`/police-cases/${criminalCase}`);
  await expect(officer.getByTestId('police-case-stage')).toHaveText('已受案');
  await officer.getByRole('button', { name: '刑事立案' }).click();
  await officer.getByRole('button', { name: '确认立案' }).click();
  await expect(officer.getByTestId('police-case-stage')).toHaveText('已立案');
  await officer.getByLabel('嫌疑人姓名').fill('李某');
  await officer.getByRole('button', { name: '增列嫌疑人' }).click();
  await expect(officer.getByTestId('suspects')).toContainText('嫌疑人 1');

  await officer.getByRole('button', { name: '移送审查起诉' }).click();
  const dialog = officer.getByRole('dialog', { name: '移送审查起诉' });
  await expect(dialog).toContainText('移送后不可撤回');
  await expect(dialog).toContainText('重庆市万州区人民检察院');
  await screenshot(officer, 'police-case-transfer', false);
  // Cancelling leaves the case with the police.
  await dialog.getByRole('button', { name: '取消' }).click();
  await expect(officer.getByTestId('police-case-stage')).toHaveText('已立案');

  await officer.getByRole('button', { name: '移送审查起诉' }).click();
  await officer.getByRole('dialog', { name: '移送审查起诉' }).getByRole('button', { name: '确认移送' }).click();
  await expect(officer.getByTestId('police-case-stage')).toHaveText('审查起诉中');
  await expect(officer.getByRole('button', { name: '移送审查起诉' })).toHaveCount(0);
  await expect(officer.getByTestId('clock-prosecution-review')).toContainText('还剩');

  await officer.goto('/police/cases');
  await expect(officer.getByTestId(`police-case-${criminalCase}`)).toContainText('审查起诉中');
  await expect(officer.getByTestId(`police-case-${administrativeCase}`)).toBeVisible();
  await screenshot(officer, 'police-cases');
});

test('on a phone (375 px) the case page fits the width', async ({ browser }) => {
  const { page } = await newUser(browser, PHONE);
  await new LoginPage(page).loginAs('wz.case.officer', /\/police\/cases$/);
  await expect(page.getByTestId(`police-case-${administrativeCase}`)).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await page.goto(`/police-cases/${administrativeCase}`);
  await expect(page.getByTestId('decisions')).toContainText('已达标');
  await expect(page.getByTestId('case-timeline')).toContainText('录入公安部系统');
  // The audited read of the names is on the record, in words.
  await expect(page.getByTestId('case-timeline')).toContainText('查阅个人信息');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await screenshot(page, 'police-case-phone');
});

test('a hospital user may not open the police case', async ({ browser }) => {
  const { page } = await newUser(browser);
  await new LoginPage(page).loginAs('wz.security', /\/hospital$/);
  await page.goto(`/case/${administrativeCase}`);
  await expect(page.getByText('转为案件办理')).toBeVisible();
  await expect(page.getByTestId('police-case-link')).toHaveCount(0);
  await page.goto(`/police-cases/${administrativeCase}`);
  await expect(page.getByText('无权访问')).toBeVisible();
  await expect(page.getByText('王某某')).toHaveCount(0);
});
