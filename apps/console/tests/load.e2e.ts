import { expect, test } from '@playwright/test';
import { newUser } from './pages';

test('the console loads quickly from the local server (cold cache)', async ({ browser }) => {
  const { page, context } = await newUser(browser);
  const started = Date.now();
  await page.goto('/login');
  await expect(page.getByRole('button', { name: '登录' })).toBeVisible();
  const visible = Date.now() - started;
  const timing = await page.evaluate(() => {
    const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
    const paint = performance.getEntriesByName('first-contentful-paint')[0];
    return { load: Math.round(navigation.loadEventEnd), contentfulPaint: Math.round(paint?.startTime ?? -1) };
  });
  test.info().annotations.push({
    type: 'load',
    description: `login form visible ${visible} ms; load event ${timing.load} ms; FCP ${timing.contentfulPaint} ms`,
  });
  console.log(
    `console load: login form visible after ${visible} ms, load event ${timing.load} ms, first contentful paint ${timing.contentfulPaint} ms`,
  );
  // The page and its initial scripts fetched, parsed and run: the load event. The bound leaves room for a busy
  // 2-core CI machine (the figures are printed above and recorded in docs/console.md).
  expect(timing.load).toBeLessThan(3_000);
  await context.close();
});
