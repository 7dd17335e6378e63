import { defineConfig } from '@playwright/test';
import { join } from 'node:path';
import { BASE_URL, CHROMIUM, OUTPUT_DIR } from './env';

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  globalSetup: './global-setup.ts',
  outputDir: join(OUTPUT_DIR, 'artifacts'),
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  forbidOnly: !!process.env.CI,
  use: {
    baseURL: BASE_URL,
    browserName: 'chromium',
    headless: true,
    locale: 'zh-CN',
    viewport: { width: 1366, height: 860 },
    // Charts skip their entry animation, so screenshots show them finished.
    contextOptions: { reducedMotion: 'reduce' },
    screenshot: 'only-on-failure',
    trace: 'off',
    // Plain launch(): Playwright makes and removes its own temporary profile (it refuses
    // --user-data-dir in args).
    launchOptions: {
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
});
