import { expect, test, type APIRequestContext } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { LoginPage, newUser, passwordOf, PHONE, screenshot } from './pages';

/**
 * 门岗核查 on the hospital security officer's phone: a bad number is refused beside the field; a number with no active
 * flag says so; a flagged one shows the warning and what to do (escort, notify police) and nothing of who the person is.
 */
const NAME = '钱测试';
const FLAGGED = '500101199003071236';
const UNFLAGGED = '11010519491231002X';
const BAD_CHECK_DIGIT = '500101199003071235';
const BEHAVIOUR = '2026-11-20 在急诊科扬言要报复接诊医生';

async function tokenOf(request: APIRequestContext, username: string): Promise<string> {
  const response = await request.post('/auth/login', { data: { username, password: passwordOf(username) } });
  expect(response.status()).toBe(200);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

const as = (token: string) => ({ authorization: `Bearer ${token}`, 'idempotency-key': randomUUID() });

test.beforeAll(async ({ request }) => {
  // A flag is active only once another organisation approves it: the hospital proposes, the station's chief approves.
  const proposed = await request.post('/high-risk-persons', {
    headers: as(await tokenOf(request, 'wz.security')),
    data: { name: NAME, idNumber: FLAGGED, phone: '13912345678', categories: [{ category: 'threatened_violence', behaviour: BEHAVIOUR }] },
  });
  expect(proposed.status()).toBe(201);
  const { personId } = (await proposed.json()) as { personId: string };
  const approved = await request.post(`/high-risk-persons/${personId}/approve`, { headers: as(await tokenOf(request, 'wz.station.chief')) });
  expect(approved.status()).toBe(204);
});

test('the door check on a phone: the warning and what to do, never who', async ({ browser }) => {
  const { page } = await newUser(browser, PHONE);
  await new LoginPage(page).loginAs('wz.security', /\/hospital$/);
  await page.goto('/hospital/door-check');
  const field = page.getByLabel('身份证号码');
  await expect(field).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  const button = page.getByRole('button', { name: '核查' });
  expect((await button.boundingBox())!.height).toBeGreaterThanOrEqual(44);

  // The server checks the check digit: its refusal shows beside the field.
  await field.fill(BAD_CHECK_DIGIT);
  await button.click();
  await expect(page.locator('.ant-form-item-explain-error')).toHaveText(/身份证号码无效/);
  await screenshot(page, 'door-check-phone-error');

  await field.fill(UNFLAGGED);
  await button.click();
  await expect(page.getByTestId('door-check-result')).toHaveAttribute('data-match', 'false');
  await expect(page.getByText('未发现预警')).toBeVisible();
  await screenshot(page, 'door-check-phone-clear');

  await field.fill(FLAGGED.toLowerCase());
  await button.click();
  const result = page.getByTestId('door-check-result');
  await expect(result).toHaveAttribute('data-match', 'true');
  await expect(result).toContainText('高风险就诊人员预警');
  await expect(result).toContainText('扬言伤医');
  await expect(page.getByTestId('door-check-advice')).toContainText('安保陪诊');
  await expect(page.getByTestId('door-check-advice')).toContainText('通知公安');
  // Nothing of who: not the name, not the number typed (cleared once checked), not the behaviour on record.
  const text = await page.locator('body').innerText();
  for (const secret of [NAME, FLAGGED, BEHAVIOUR, '13912345678']) expect(text).not.toContain(secret);
  await expect(field).toHaveValue('');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await expect(page.locator('.ant-btn-loading')).toHaveCount(0);
  await screenshot(page, 'door-check-phone-warning');
});

test('the door check on a desktop, from the security office’s menu', async ({ browser }) => {
  const { page } = await newUser(browser);
  await new LoginPage(page).loginAs('wz.security', /\/hospital$/);
  await page.getByRole('menuitem', { name: '门岗核查' }).click();
  await page.getByLabel('身份证号码').fill(FLAGGED);
  await page.getByRole('button', { name: '核查' }).click();
  await expect(page.getByTestId('door-check-result')).toHaveAttribute('data-match', 'true');
  await expect(page.locator('.ant-btn-loading')).toHaveCount(0);
  await screenshot(page, 'door-check-warning');
});
