import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Page objects of the console, beside the specs. Screenshots go to docs/screenshots (embedded in docs/console.md). */
export const SCREENSHOTS = fileURLToPath(new URL('../../../docs/screenshots/', import.meta.url));
mkdirSync(SCREENSHOTS, { recursive: true });

export const baseURL = (): string => process.env.PINGAN_URL!;
export const passwordOf = (username: string): string => {
  const password = (JSON.parse(process.env.PINGAN_LOGINS ?? '{}') as Record<string, string>)[username];
  if (!password) throw new Error(`no demo login for ${username}`);
  return password;
};

export const PHONE = { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

export async function newUser(
  browser: Browser,
  options: Parameters<Browser['newContext']>[0] = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: baseURL(), ...options });
  return { context, page: await context.newPage() };
}

export async function screenshot(page: Page, name: string, fullPage = true): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage });
}

export class LoginPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto('/login');
    await expect(this.page.getByRole('button', { name: '登录' })).toBeVisible();
  }

  async submit(username: string, password: string): Promise<void> {
    await this.page.getByLabel('用户名').fill(username);
    await this.page.getByLabel('密码').fill(password);
    await this.page.getByRole('button', { name: '登录' }).click();
  }

  /** Logs in as a demo user and waits for their workbench. */
  async loginAs(username: string, landing: string | RegExp): Promise<void> {
    await this.open();
    await this.submit(username, passwordOf(username));
    await expect(this.page).toHaveURL(landing);
  }
}

export class ReportForm {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto('/hospital/report');
    await expect(this.page.getByRole('button', { name: '立即上报' })).toBeVisible();
  }

  field(label: string) {
    return this.page.locator('.ant-form-item').filter({ has: this.page.locator(`label:text-is("${label}")`) });
  }

  async category(name: string): Promise<void> {
    await this.page.getByRole('button', { name, exact: true }).click();
  }

  async parties(count: number): Promise<void> {
    await this.field('当事方人数').locator('input').fill(String(count));
  }

  async behaviour(text: string): Promise<void> {
    await this.field('具体行为').locator('textarea').fill(text);
  }

  async location(text: string): Promise<void> {
    await this.field('院内地点').locator('input').fill(text);
  }

  async injuries(label: string, count: number): Promise<void> {
    await this.page.getByLabel(label, { exact: true }).fill(String(count));
  }

  async submit(): Promise<void> {
    await this.page.getByRole('button', { name: '立即上报' }).click();
  }
}

export class Board {
  constructor(readonly page: Page) {}

  card(caseNumber: string) {
    return this.page.getByTestId(`board-${caseNumber}`);
  }

  column(key: 'dispatch' | 'arrival' | 'scene') {
    return this.page.getByTestId(`column-${key}`);
  }

  /** One click: the step's main button records it now. */
  async step(caseNumber: string, step: 'dispatch' | 'arrival' | 'disturbance-stopped' | 'scene-cleared'): Promise<void> {
    await this.page.getByTestId(`${step}-${caseNumber}`).locator('button').first().click();
  }
}

/** The header's bell and 消息通知 (/inbox). */
export class Inbox {
  constructor(readonly page: Page) {}

  get bell() {
    return this.page.getByTestId('inbox-bell');
  }

  async unread(): Promise<number> {
    return Number(await this.bell.getAttribute('data-unread'));
  }

  /** The notification of a rule about a case (later ones, a clock's warning, have other rules). */
  item(caseNumber: string, rule = 'incident-reported') {
    return this.page.locator(`[data-case="${caseNumber}"][data-rule="${rule}"]`);
  }

  async idOf(caseNumber: string): Promise<string> {
    return (await this.item(caseNumber).getAttribute('data-testid'))!.replace(/^notification-/, '');
  }

  async tab(name: '未读' | '已读' | '已签收' | '全部'): Promise<void> {
    await this.page.getByRole('tab', { name, exact: true }).click();
  }

  /** The list answered: items or the empty state, no skeleton. */
  async loaded(): Promise<void> {
    await expect(this.page.getByTestId('inbox').locator('.ant-empty, [data-rule]').first()).toBeVisible();
    await expect(this.page.getByTestId('inbox').locator('.ant-skeleton')).toHaveCount(0);
  }
}
