import { defineConfig } from '@playwright/test';

/**
 * Browser tests of the console against the real embedded system (tests/global-setup.ts starts the built
 * `npm start` app on a free port with a throwaway data directory; nothing is mocked). Debian's chromium:
 * Playwright cannot download its own browsers here (`apt-get install chromium fonts-noto-cjk`).
 */
export default defineConfig({
  testDir: './tests',
  testMatch: '*.e2e.ts',
  globalSetup: './tests/global-setup.ts',
  // One system, shared by the specs in order: they are the steps of one working day.
  workers: 1,
  fullyParallel: false,
  // Generous waits for a 2-core machine shared with other work; the 2-second board check sets its own.
  timeout: 120_000,
  expect: { timeout: 20_000 },
  reporter: [['list']],
  outputDir: '../../dist/playwright',
  use: {
    baseURL: process.env.PINGAN_URL, // set by the global setup once the system listens
    browserName: 'chromium',
    // --lang: the browser's own widgets (the date-time picker) follow the UI language, not the page's locale.
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--lang=zh-CN'] },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1440, height: 900 },
    trace: 'retain-on-failure',
  },
});
