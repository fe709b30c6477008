/**
 * How fast the built console loads from the local server, cold cache (issue 18: initial load under 1 s): the
 * embedded system as `npm start` runs it, Debian's chromium through Playwright, five fresh browser contexts.
 * Prints the figures and writes bench/results/<date>-console-load.json; asserts nothing (a figure that depends
 * on the machine's load is a benchmark's, not a test's).
 *   npm run build && npm run bench:console-load
 */
import os from 'node:os';
import { chromium } from '@playwright/test';
import { startSystem } from '../apps/console/scripts/system.mjs';
import { percentile, writeResults } from './support.js';

const RUNS = 5;

async function main(): Promise<void> {
  const system = await startSystem({ timeoutMs: 300_000 });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--lang=zh-CN'] });
  const runs: { visibleMs: number; loadEventMs: number; firstContentfulPaintMs: number }[] = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
      const page = await context.newPage();
      const started = Date.now();
      await page.goto(`${system.url}/login`);
      await page.getByRole('button', { name: '登录' }).waitFor();
      const visibleMs = Date.now() - started;
      // A string: this file is compiled for Node, without the DOM's types; it runs in the page.
      const timing = await page.evaluate<{ load: number; fcp: number }>(`(() => {
        const [navigation] = performance.getEntriesByType('navigation');
        const paint = performance.getEntriesByName('first-contentful-paint')[0];
        return { load: Math.round(navigation.loadEventEnd), fcp: Math.round(paint ? paint.startTime : -1) };
      })()`);
      runs.push({ visibleMs, loadEventMs: timing.load, firstContentfulPaintMs: timing.fcp });
      await context.close();
    }
  } finally {
    await browser.close();
    await system.stop();
  }
  const p50 = (key: keyof (typeof runs)[number]) => percentile(runs.map((r) => r[key]).sort((a, b) => a - b), 50);
  const figures = {
    target: 'initial load under 1 s from the local server',
    loadAverage: os.loadavg().map((l) => Number(l.toFixed(2))),
    node: process.version,
    runs,
    p50: { loginFormVisibleMs: p50('visibleMs'), loadEventMs: p50('loadEventMs'), firstContentfulPaintMs: p50('firstContentfulPaintMs') },
  };
  console.log(JSON.stringify(figures, null, 2));
  console.log(`written to ${writeResults('console-load', figures, false)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
