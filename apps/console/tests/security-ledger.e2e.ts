import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { LoginPage, newUser, passwordOf, PHONE, screenshot } from './pages';

/**
 * 安全台账 on the real system: the hospital's security office files its profile on a phone and reads where it stands
 * ("needs 47 guards, has 39", 未达标); the county commission finds it 未达标 in its ledger, sets a self-inspection
 * return, the hospital files it, the commission sees 按时填报; the city commission's chart counts both counties;
 * the commission of another county does not see the hospital.
 */
test.describe.configure({ mode: 'serial' });

const OTHER_COUNTY = { username: 'fl.hc', password: 'Fuling-ledger-2026' };
const RETURN_TITLE = '2026年第四季度医院安全秩序自查';
const GUARDS_FIGURE = '需配备保安47人（按在岗医务人员1550人的3%计），现有39人';

let hospital: Page;
let commission: Page;
let hospitalId = '';
let returnId = '';

async function tokenOf(request: APIRequestContext, username: string, password = passwordOf(username)): Promise<string> {
  const response = await request.post('/auth/login', { data: { username, password } });
  expect(response.status()).toBe(200);
  return ((await response.json()) as { accessToken: string }).accessToken;
}
const as = (token: string) => ({ authorization: `Bearer ${token}`, 'idempotency-key': randomUUID() });

/** The Ant Design form item of a label, on the page (the inputs are found by their item, as the error is shown in it). */
const field = (page: Page, label: string) => page.locator('.ant-form-item').filter({ has: page.locator(`label:text-is("${label}")`) });

test.beforeAll(async ({ request }) => {
  // Another county (涪陵区, 500102) with its own commission and hospital, registered by the administrator.
  const admin = await tokenOf(request, 'admin');
  const organisation = async (data: object) => {
    const response = await request.post('/access/organisations', { headers: as(admin), data });
    expect(response.status()).toBe(201);
    return ((await response.json()) as { organisationId: string }).organisationId;
  };
  const commissionId = await organisation({
    kind: 'health_commission',
    name: '涪陵区卫生健康委员会',
    regionCode: '500102',
    healthCommissionLevel: 'county',
  });
  await organisation({
    kind: 'hospital',
    name: '涪陵区中心医院',
    regionCode: '500102',
    hospital: { level: '三级', ownership: 'public', beds: 1200, dailyOutpatients: 4000, hasPoliceOffice: true },
  });
  const user = await request.post('/access/users', {
    headers: as(admin),
    data: {
      organisationId: commissionId,
      username: OTHER_COUNTY.username,
      displayName: '钱卫健',
      roles: ['health_commission_official'],
      password: OTHER_COUNTY.password,
    },
  });
  expect(user.status()).toBe(201);
  const me = await request.get('/auth/me', { headers: { authorization: `Bearer ${await tokenOf(request, 'wz.security')}` } });
  hospitalId = ((await me.json()) as { organisationId: string }).organisationId;
});

test('the hospital files its security profile on a phone: an error beside its field, then needs 47 guards, has 39, 未达标', async ({
  browser,
}) => {
  ({ page: hospital } = await newUser(browser, PHONE));
  await new LoginPage(hospital).loginAs('wz.security', /\/hospital$/);
  await hospital.goto('/hospital/security-profile');
  await expect(hospital.getByText('填报安全台账', { exact: true })).toBeVisible();
  await field(hospital, '开放床位（张）').locator('input').fill('800');
  await field(hospital, '在岗医务人员').locator('input').fill('1550');
  await field(hospital, '日均门诊量（人次）').locator('input').fill('6500');
  await field(hospital, '保安员').locator('input').fill('39');
  // More certified guards than guards: the API refuses it, and says so beside the field.
  await field(hospital, '持证上岗保安员').locator('input').fill('45');
  await hospital.getByRole('switch', { name: '填报警务室' }).click();
  await hospital.getByRole('button', { name: '保存台账' }).click();
  await expect(field(hospital, '持证上岗保安员').locator('.ant-form-item-explain-error')).toHaveText('持证人数不能多于保安员人数');
  expect(await hospital.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

  await field(hospital, '持证上岗保安员').locator('input').fill('39');
  await field(hospital, '专职民警').locator('input').fill('1');
  await field(hospital, '辅警').locator('input').fill('2');
  await field(hospital, '警务室保安').locator('input').fill('6');
  await hospital.getByRole('button', { name: '保存台账' }).click();
  await expect(hospital.getByText('已保存，第 1 版')).toBeVisible();
  await expect(hospital.getByTestId('requirement-S0-guards')).toContainText(GUARDS_FIGURE);
  await expect(hospital.getByTestId('requirement-S0-guards')).toContainText('未达标');
  await expect(hospital.getByTestId('compliance')).toHaveText('未达标');
  // Parts left out read as unknown, never as "no".
  await expect(hospital.getByTestId('requirement-S0-video-coverage')).toContainText('待核实');
  expect(await hospital.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await expect(hospital.getByText('已保存，第 1 版')).toBeHidden(); // the toast would cover the requirements in the screenshot
  await screenshot(hospital, 'ledger-hospital-profile-phone');
});

test('the county commission sees the hospital 未达标 in its ledger and sets a return (an error beside its field first)', async ({
  browser,
}) => {
  ({ page: commission } = await newUser(browser));
  await new LoginPage(commission).loginAs('wz.hc', /\/overview$/);
  await commission.getByRole('menuitem', { name: '安全台账' }).click();
  await expect(commission).toHaveURL(/\/ledger$/);
  const row = commission.getByTestId(`ledger-row-${hospitalId}`);
  await expect(row).toContainText('万州区中心医院');
  await expect(row).toContainText('未达标');
  await expect(row).toContainText(GUARDS_FIGURE);
  await expect(commission.getByText('涪陵区中心医院')).toHaveCount(0);
  // The filter: only the non-compliant; the clinic, which has not filed, is not among them.
  await commission.getByLabel('达标情况').click();
  await commission.locator('.ant-select-item-option').filter({ hasText: '未达标' }).click();
  await expect(row).toBeVisible();
  await expect(commission.getByText('万州康宁诊所')).toHaveCount(0);

  await commission.getByRole('button', { name: '发布自查任务' }).click();
  const dialog = commission.getByRole('dialog');
  await field(commission, '任务标题').locator('input').fill(RETURN_TITLE);
  const today = await commission.evaluate(() => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10));
  const later = await commission.evaluate(() => new Date(Date.now() + 8 * 3600_000 + 5 * 86_400_000).toISOString().slice(0, 10));
  await field(commission, '填报基准日（按该日情况填报）').locator('input').fill(later);
  await field(commission, '截止日（当日24:00前）').locator('input').fill(today);
  await dialog.getByRole('button', { name: '发布' }).click();
  await expect(field(commission, '截止日（当日24:00前）').locator('.ant-form-item-explain-error')).toHaveText('截止日不能早于基准日');

  await field(commission, '填报基准日（按该日情况填报）').locator('input').fill(today);
  await field(commission, '截止日（当日24:00前）').locator('input').fill(later);
  const answer = commission.waitForResponse((r) => r.url().endsWith('/security-ledger/returns') && r.request().method() === 'POST');
  await dialog.getByRole('button', { name: '发布' }).click();
  expect((await answer).status()).toBe(201);
  await expect(commission).toHaveURL(/\/ledger\/returns\/[0-9a-f-]+$/);
  returnId = commission.url().split('/').pop()!;
  await expect(commission.getByTestId(`return-row-${hospitalId}`).getByTestId('filing-status')).toHaveText('待填报');
});

test('the hospital sees the return with its due day counting down and files it', async () => {
  await hospital.goto('/hospital/security-profile');
  const item = hospital.getByTestId(`return-${returnId}`);
  await expect(item).toContainText(RETURN_TITLE);
  await expect(item.getByTestId('filing-status')).toHaveText('待填报');
  await expect(item.getByTestId('return-countdown')).toHaveText(/还剩 5 天/);
  await item.getByRole('button', { name: '提交填报' }).click();
  await hospital.getByLabel('佐证材料').fill('安保人员花名册.pdf');
  await hospital.getByRole('button', { name: '确认提交' }).click();
  await expect(item.getByTestId('filing-status')).toHaveText('按时填报');
});

test('the commission sees 按时填报 on the return and on the hospital’s page', async () => {
  await commission.reload();
  const row = commission.getByTestId(`return-row-${hospitalId}`);
  await expect(row.getByTestId('filing-status')).toHaveText('按时填报');
  await expect(row).toContainText('安保人员花名册.pdf');
  await screenshot(commission, 'ledger-return');

  await row.getByRole('link', { name: '万州区中心医院' }).click();
  await expect(commission).toHaveURL(new RegExp(`/ledger/hospitals/${hospitalId}$`));
  await expect(commission.getByTestId('compliance').first()).toHaveText('未达标');
  await expect(commission.getByTestId('requirement-S0-guards')).toContainText(GUARDS_FIGURE);
  await expect(commission.getByTestId('hospital-page-returns')).toContainText('按时填报');
  await expect(commission.getByTestId('hospital-inspections')).toBeVisible();
  await screenshot(commission, 'ledger-hospital-page');
});

test('the city commission’s overview counts each county; another county’s commission does not see the hospital', async ({ browser }) => {
  const { page: city } = await newUser(browser);
  await new LoginPage(city).loginAs('cq.city.hc', /\/overview$/);
  await city.goto('/ledger');
  await expect(city.getByTestId(`ledger-row-${hospitalId}`)).toContainText('未达标');
  await expect(city.getByText('涪陵区中心医院')).toBeVisible();
  await expect(city.getByTestId('region-chart').locator('canvas')).toBeVisible();
  await screenshot(city, 'ledger-region');

  const { page: other } = await newUser(browser, PHONE);
  await new LoginPage(other).open();
  await new LoginPage(other).submit(OTHER_COUNTY.username, OTHER_COUNTY.password);
  await expect(other).toHaveURL(/\/overview$/);
  await other.goto('/ledger');
  await expect(other.getByText('涪陵区中心医院')).toBeVisible();
  await expect(other.getByText('万州区中心医院')).toHaveCount(0);
  // The commission's ledger on a phone: nothing wider than the screen (the table scrolls within its card).
  await expect(other.getByTestId('region-chart').locator('canvas')).toBeVisible();
  expect(await other.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await screenshot(other, 'ledger-region-phone');
  await other.goto(`/ledger/hospitals/${hospitalId}`);
  await expect(other.getByText('无权访问')).toBeVisible();
});
