import { expect, test } from '@playwright/test';
import { LoginPage, newUser, PHONE, screenshot } from './pages';

/**
 * 投诉接待: the complaints officer receives the first complaint (首诉负责制) and records the notice of routes
 * (多元化解告知) on one screen; the API's refusal of a field shows beside it.
 */
const field = (page: import('@playwright/test').Page, label: string) =>
  page.locator('.ant-form-item').filter({ has: page.locator(`label:text-is("${label}")`) });

test('the first complaint and the notice of routes, one screen', async ({ browser }) => {
  const { page } = await newUser(browser);
  await new LoginPage(page).loginAs('wz.complaints', /\/overview$/);
  await page.getByRole('menuitem', { name: '投诉接待' }).click();
  await expect(page.getByRole('button', { name: '受理' })).toBeVisible();
  await field(page, '投诉事由').locator('textarea').fill('术后切口感染，家属要求说明情况并赔偿');
  await field(page, '投诉人姓名').locator('input').fill('李某');
  await field(page, '联系电话').locator('input').fill('电话号码'); // not a number: the API refuses it
  await page.getByLabel('赔偿').check();
  await field(page, '诉求说明').locator('textarea').fill('要求医院说明感染原因并赔偿医疗费');
  await page.getByRole('button', { name: '受理' }).click();
  await expect(field(page, '联系电话').locator('.ant-form-item-explain-error')).toHaveText('格式不正确');
  await screenshot(page, 'complaint-intake-error');
  await field(page, '联系电话').locator('input').fill('13800000000');
  await expect(field(page, '联系电话').locator('.ant-form-item-explain-error')).toHaveCount(0);
  await field(page, '要求赔偿金额（元）').locator('input').fill('20000');
  await screenshot(page, 'complaint-intake');
  await page.getByRole('button', { name: '受理' }).click();
  await expect(page.getByTestId('dispute-case-number')).toContainText(/已受理，案件编号 \S+/);

  // The notice: every route ticked, told in person; one click.
  await expect(page.getByLabel('人民调解')).toBeChecked();
  await screenshot(page, 'complaint-routes-notice');
  await page.getByRole('button', { name: '记录已告知' }).click();
  await expect(page.getByTestId('routes-noticed')).toContainText('已记录多元化解告知');
});

test('the complaint intake on a phone', async ({ browser }) => {
  const { page } = await newUser(browser, PHONE);
  await new LoginPage(page).loginAs('wz.complaints', /\/overview$/);
  await page.goto('/complaints/intake');
  await expect(page.getByRole('button', { name: '受理' })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await screenshot(page, 'complaint-intake-phone');
});
