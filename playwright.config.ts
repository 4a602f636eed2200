import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

// PLAYWRIGHT_BASE_URL runs the suite against a deployment instead of starting a local server.
const externalBaseURL = process.env.PLAYWRIGHT_BASE_URL;
const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = externalBaseURL ?? `http://localhost:${port}`;

// Playwright cannot download its own browsers on every machine; Debian's Chromium works.
const systemChromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => existsSync(path));

export default defineConfig({
  testDir: './e2e',
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  timeout: 60_000,
  use: {
    baseURL,
    trace: 'off',
    permissions: ['camera', 'microphone'],
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath: systemChromium,
          args: [
            '--use-fake-device-for-media-stream',
            '--use-fake-ui-for-media-stream',
            '--allow-loopback-in-peer-connection',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--disable-quic',
            '--no-first-run',
          ],
        },
      },
    },
  ],
  webServer: externalBaseURL
    ? undefined
    : {
        command: `npx next start -p ${port}`,
        url: `${baseURL}/api/ping`,
        reuseExistingServer: !process.env.CI,
        timeout: 60_000,
        env: { NEXT_TELEMETRY_DISABLED: '1' },
      },
});
