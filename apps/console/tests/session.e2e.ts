import { expect, test } from '@playwright/test';
import { LoginPage, newUser, passwordOf, screenshot } from './pages';

test('five wrong passwords lock the account, and the login page says so', async ({ browser }) => {
  const { page } = await newUser(browser);
  const login = new LoginPage(page);
  await login.open();
  for (let attempt = 1; attempt <= 5; attempt++) {
    await login.submit('wz.judge', 'not-the-password');
    await expect(page.getByTestId('login-error')).toContainText('用户名或密码不正确');
  }
  await login.submit('wz.judge', passwordOf('wz.judge'));
  await expect(page.getByTestId('login-error')).toContainText('账号已锁定 15 分钟');
  await screenshot(page, 'login-locked');
});

test('the session is refreshed silently, and an expired one sends the user to log in again', async ({ browser }) => {
  const { page } = await newUser(browser);
  await new LoginPage(page).loginAs('wz.dispatcher', /\/police\/board$/);
  // A spoiled access token: the next call gets a 401, the console refreshes and carries on.
  await page.evaluate(() => {
    const session = JSON.parse(sessionStorage.getItem('pingan.session')!);
    sessionStorage.setItem('pingan.session', JSON.stringify({ ...session, accessToken: 'spoiled' }));
  });
  await page.reload();
  await expect(page.getByTestId('column-dispatch')).toBeVisible();
  await expect(page.getByTestId('who')).toContainText('万州区分局高笋塘派出所');
  // Both tokens spoiled: nothing to refresh with, so the login page says the session expired.
  await page.evaluate(() => {
    sessionStorage.setItem(
      'pingan.session',
      JSON.stringify({ accessToken: 'x', refreshToken: 'y.z', accessTokenExpiresAt: new Date().toISOString() }),
    );
  });
  await page.reload();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByText('登录已过期，请重新登录。')).toBeVisible();
});

test('logout asks first, then ends the session', async ({ browser }) => {
  const { page } = await newUser(browser);
  await new LoginPage(page).loginAs('wz.hc', /\/overview$/);
  await expect(page.getByText('辖区待处置警情')).toBeVisible();
  await expect(page.locator('.ant-spin-spinning')).toHaveCount(0); // the list loaded, not its placeholder
  await screenshot(page, 'overview-health-commission');
  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page.getByText('退出后需重新输入密码。')).toBeVisible();
  await page.getByRole('button', { name: '退出', exact: true }).click();
  await expect(page).toHaveURL(/\/login$/);
  await page.goto('/overview');
  await expect(page).toHaveURL(/\/login$/);
});

test('the API keeps answering as the API on the console’s origin', async ({ request }) => {
  const health = await request.get('/health');
  expect(health.ok()).toBe(true);
  const api = await request.get('/incidents', { headers: { accept: 'application/json' } });
  expect(api.status()).toBe(401);
  expect(api.headers()['content-type']).toContain('application/problem+json');
  const page = await request.get('/police/board', { headers: { accept: 'text/html' } });
  expect(page.headers()['content-type']).toContain('text/html');
  expect(await page.text()).toContain('<div id="root">');
});
