import { defineConfig } from '@playwright/test';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// "This PC's" secret storage for the harnesses the tests start (staff key slots are bound to
// it), kept out of the home folder of whoever runs the tests.
process.env.TEDUH_DEVICE_SECRET_DIR ??= join(tmpdir(), 'teduh-e2e-device');

/**
 * End-to-end tests drive the built renderer in Debian's Chromium against the real core,
 * served by `teduh serve --web` (one harness and one data directory per test; see
 * test/e2e/fixtures.ts). Build first: `npm run build`.
 */
export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results',
  globalSetup: './test/e2e/global-setup.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    headless: true,
    actionTimeout: 10_000,
    locale: 'id-ID',
    timezoneId: 'Asia/Jakarta',
    viewport: { width: 1280, height: 800 },
    screenshot: 'on',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-gpu',
      ],
    },
  },
});
