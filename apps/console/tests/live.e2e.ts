import { expect, test, type Page } from '@playwright/test';
import { Board, LoginPage, newUser, PHONE, ReportForm, screenshot } from './pages';

/**
 * The board's live stream and its fallback: with the stream refused the board says 轮询 and still shows a new
 * report (it polls); once the stream is back it says 实时 again (a new ticket, resuming after the last event) and a
 * new report appears at once. The hospital police office's dispatcher (wz.police.office) is told of its hospital's reports.
 */
test.describe.configure({ mode: 'serial' });

let board: Page;
let hospital: Page;

async function report(page: Page, behaviour: string): Promise<string> {
  const form = new ReportForm(page);
  await form.open();
  await form.category('威胁、恐吓、侮辱医务人员');
  await form.parties(1);
  await form.behaviour(behaviour);
  await form.location('门诊大厅');
  const answer = page.waitForResponse((r) => r.url().endsWith('/incidents') && r.request().method() === 'POST');
  await form.submit();
  const response = await answer;
  expect(response.status()).toBe(201);
  return ((await response.json()) as { caseNumber: string }).caseNumber;
}

test('with the stream down the board says 轮询 and still shows a new report', async ({ browser }) => {
  ({ page: board } = await newUser(browser));
  // The stream cannot open: no ticket.
  await board.route('**/notifications/stream-tickets', (route) => route.abort());
  await new LoginPage(board).loginAs('wz.police.office', /\/police\/board$/);
  await expect(board.getByTestId('live-indicator')).toHaveText(/轮询/);

  ({ page: hospital } = await newUser(browser));
  await new LoginPage(hospital).loginAs('wz.security', /\/hospital$/);
  const caseNumber = await report(hospital, '患者家属在门诊大厅辱骂医生（轮询）');
  await expect(new Board(board).card(caseNumber)).toBeVisible({ timeout: 5_000 });
  await expect(board.getByTestId('live-indicator')).toHaveText(/轮询/);
  await screenshot(board, 'police-board-polling', false);
});

test('once the stream is back the board says 实时 and a new report appears within 2 s', async () => {
  await board.unroute('**/notifications/stream-tickets');
  await expect(board.getByTestId('live-indicator')).toHaveText(/实时/, { timeout: 10_000 });
  const caseNumber = await report(hospital, '患者家属在门诊大厅辱骂医生（实时）');
  await expect(new Board(board).card(caseNumber)).toBeVisible({ timeout: 5_000 });
  // From the instant the system recorded the report to the instant the board had it (one machine, one clock).
  const recordedAt = await hospital.evaluate(async (n) => {
    const { accessToken } = JSON.parse(sessionStorage.getItem('pingan.session')!) as { accessToken: string };
    const view = (await (await fetch(`/incidents/${n}`, { headers: { authorization: `Bearer ${accessToken}` } })).json()) as {
      history: { recordedAt: string }[];
    };
    return view.history[0].recordedAt;
  }, caseNumber);
  const shownAfter = Number(await new Board(board).card(caseNumber).getAttribute('data-seen-at')) - new Date(recordedAt).getTime();
  console.log(`live: the board had the new incident ${shownAfter} ms after it was recorded`);
  expect(shownAfter).toBeGreaterThan(0);
  expect(shownAfter).toBeLessThan(Number(process.env.PINGAN_BOARD_WITHIN_MS ?? 2_000));
  await expect(board.getByTestId('live-indicator')).toHaveText(/实时/);
  await expect(board.getByTestId('police-board')).toHaveAttribute('data-alerts', '2');
});

test('the live board on a phone', async ({ browser }) => {
  const { page } = await newUser(browser, PHONE);
  await new LoginPage(page).loginAs('wz.police.office', /\/police\/board$/);
  await expect(page.getByTestId('live-indicator')).toHaveText(/实时/);
  await expect(page.getByTestId('column-dispatch')).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await screenshot(page, 'police-board-phone', false);
});
