import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { Inbox, LoginPage, newUser, passwordOf, PHONE, screenshot } from './pages';

/**
 * 消息通知: a hospital's one-key alarm (reported through the API) counts the station dispatcher's bell up while
 * they look at the board, without a reload; the inbox shows it (立即, Beijing time), links to the case page, and
 * 签收 marks it 已签收 by the dispatcher. Another hospital's security officer sees nothing of it, in the console
 * or through the API. With the stream refused the bell still counts up (polling). The inbox at 375 px.
 */
test.describe.configure({ mode: 'serial' });

let dispatcher: Page;
let caseNumber: string;

async function tokenOf(request: APIRequestContext, username: string): Promise<string> {
  const response = await request.post('/auth/login', { data: { username, password: passwordOf(username) } });
  expect(response.status()).toBe(200);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

const as = (token: string) => ({ authorization: `Bearer ${token}`, 'idempotency-key': randomUUID() });

async function alarm(request: APIRequestContext, location: string): Promise<string> {
  const response = await request.post('/incidents', {
    headers: as(await tokenOf(request, 'wz.security')),
    data: { occurredAt: new Date().toISOString(), intake: { channel: 'one_key_alarm', location } },
  });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { caseNumber: string }).caseNumber;
}

test('the dispatcher’s bell counts a new alarm up without a reload; the inbox links to the case; 签收 marks it', async ({
  browser,
  request,
}) => {
  ({ page: dispatcher } = await newUser(browser));
  await new LoginPage(dispatcher).loginAs('wz.dispatcher', /\/police\/board$/);
  const inbox = new Inbox(dispatcher);
  await expect(inbox.bell).toHaveAttribute('data-live', 'live');
  const before = await inbox.unread();
  // A mark on this document: still there afterwards means the count rose without the page being loaded again.
  await dispatcher.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

  caseNumber = await alarm(request, '急诊科分诊台');
  await expect.poll(() => inbox.unread(), { timeout: 10_000 }).toBeGreaterThan(before);
  await expect(inbox.bell.locator('xpath=..').locator('.ant-badge-count')).toBeVisible();
  expect(await dispatcher.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);

  await inbox.bell.click();
  await expect(dispatcher).toHaveURL(/\/inbox$/);
  const item = inbox.item(caseNumber);
  await expect(item).toHaveAttribute('data-status', 'unread');
  await expect(item.getByTestId('notification-title')).toHaveText('【一键报警】万州区中心医院');
  await expect(item).toContainText(`案件编号 ${caseNumber}，地点：急诊科分诊台`);
  await expect(item.locator('.ant-tag-red')).toHaveText('立即');
  await expect(item).toContainText(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} · 未读/);
  const link = item.getByRole('link', { name: `查看案件 ${caseNumber}` });
  await expect(link).toHaveAttribute('href', `/case/${caseNumber}`);

  // A second alarm, so the screenshot shows an unread one beside the acknowledged one.
  const second = await alarm(request, '门诊二楼收费处');
  await expect(inbox.item(second)).toBeVisible({ timeout: 10_000 });

  // Opening the case reads the notification.
  await link.click();
  await expect(dispatcher).toHaveURL(new RegExp(`/case/${caseNumber}$`));
  await expect(dispatcher.getByText(caseNumber).first()).toBeVisible();
  await dispatcher.goBack();
  await inbox.tab('已读');
  await expect(inbox.item(caseNumber)).toHaveAttribute('data-status', 'read');
  await expect(inbox.item(second)).toHaveCount(0);

  await inbox.item(caseNumber).getByRole('button', { name: '签收' }).click();
  await expect(dispatcher.getByText('已签收', { exact: true }).first()).toBeVisible();
  await inbox.tab('已签收');
  const acknowledged = inbox.item(caseNumber);
  await expect(acknowledged).toHaveAttribute('data-status', 'acknowledged');
  await expect(acknowledged.getByTestId('acknowledged')).toHaveText(/已签收：本人（wz\.dispatcher），\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/);
  await expect(acknowledged.getByRole('button', { name: '签收' })).toHaveCount(0);
  await inbox.tab('全部');
  await expect(inbox.item(second)).toHaveAttribute('data-status', 'unread');
  await expect(inbox.item(caseNumber)).toHaveAttribute('data-status', 'acknowledged');
  await screenshot(dispatcher, 'inbox');
});

test('with the stream down the bell still counts up (it polls)', async ({ browser, request }) => {
  const { page } = await newUser(browser);
  await page.route('**/notifications/stream-tickets', (route) => route.abort());
  // The hospital's police office is told of its hospital's alarms too.
  await new LoginPage(page).loginAs('wz.police.office', /\/police\/board$/);
  const inbox = new Inbox(page);
  await expect(inbox.bell).toHaveAttribute('data-live', 'polling');
  await expect(inbox.bell).toHaveAttribute('data-unread', /\d+/);
  const before = await inbox.unread();
  await alarm(request, '住院部三楼护士站');
  await expect.poll(() => inbox.unread(), { timeout: 15_000 }).toBeGreaterThan(before);
  await expect(inbox.bell).toHaveAttribute('data-live', 'polling');
});

test('the station chief sees the dispatcher’s 签收 (it is the organisation’s) in the case history', async ({ browser }) => {
  const { page } = await newUser(browser);
  await new LoginPage(page).loginAs('wz.station.chief', /\/police\/board$/);
  await page.goto(`/case/${caseNumber}`);
  await expect(page.getByText('签收通知').first()).toBeVisible({ timeout: 30_000 });
});

test('a security officer of another hospital sees nothing of it', async ({ browser, request }) => {
  const { page } = await newUser(browser);
  await new LoginPage(page).loginAs('wz.second.security', /\/hospital$/);
  const inbox = new Inbox(page);
  await inbox.bell.click();
  await inbox.tab('全部');
  await inbox.loaded();
  await expect(page.locator(`[data-case="${caseNumber}"]`)).toHaveCount(0);
  await expect(page.getByText(caseNumber)).toHaveCount(0);
  // Nor through the API: not listed, and the dispatcher's notification cannot even be probed (404).
  const token = await tokenOf(request, 'wz.second.security');
  const listed = (await (await request.get('/notifications?limit=200', { headers: as(token) })).json()) as {
    items: { caseNumber: string | null }[];
  };
  expect(listed.items.filter((n) => n.caseNumber === caseNumber)).toEqual([]);
  const id = await new Inbox(dispatcher).idOf(caseNumber);
  expect((await request.post(`/notifications/${id}/read`, { headers: as(token) })).status()).toBe(404);
});

test('the inbox on a phone', async ({ browser }) => {
  const { page } = await newUser(browser, PHONE);
  await new LoginPage(page).loginAs('wz.security', /\/hospital$/);
  const inbox = new Inbox(page);
  await expect(inbox.bell).toBeVisible();
  await inbox.bell.click();
  await expect(page).toHaveURL(/\/inbox$/);
  await expect(inbox.item(caseNumber)).toBeVisible();
  await expect(inbox.item(caseNumber).getByRole('button', { name: '签收' })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await screenshot(page, 'inbox-phone', false);
});
