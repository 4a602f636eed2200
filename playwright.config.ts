import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';
import { E2E_AGORA_APP_CERTIFICATE, E2E_AGORA_APP_ID } from './e2e/support/test-credentials';
import { E2E_AUTH_SECRET, OIDC_CLIENT } from './e2e/support/oidc-test-users.mjs';

// PLAYWRIGHT_BASE_URL runs the suite against a deployment instead of starting a local server.
const externalBaseURL = process.env.PLAYWRIGHT_BASE_URL;
const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = externalBaseURL ?? `http://localhost:${port}`;

// A second local server runs in Agora mode with well-formed test credentials: specs intercept and
// abort the browser's join request to Agora, so nothing is sent.
const agoraPort = port + 1;
process.env.E2E_AGORA_BASE_URL ??= externalBaseURL ?? `http://localhost:${agoraPort}`;

// A third runs with sign-in on, against a real OpenID Connect provider on loopback (the fourth port):
// e2e/sign-in.spec.ts. Not against a deployment (PLAYWRIGHT_BASE_URL): that spec is skipped then.
const signInPort = port + 2;
const oidcPort = port + 3;
if (!externalBaseURL) process.env.E2E_SIGNIN_BASE_URL ??= `http://localhost:${signInPort}`;

// 40 s tokens (the shortest the app allows) so renewal and expiry happen within a test.
const serverEnv = {
  NEXT_TELEMETRY_DISABLED: '1',
  AGORA_APP_ID: '',
  AGORA_APP_CERTIFICATE: '',
  JOIN_TIMEOUT_MS: '4000',
  TOKEN_EXPIRY_SECONDS: '40',
  // Every simulated person here shares one address; the limits themselves are tested elsewhere.
  RATE_LIMIT_TOKENS_PER_MINUTE: '5000',
  RATE_LIMIT_SIGNALING_PER_MINUTE: '20000',
};

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
    : [
        {
          command: `npx next start -p ${port}`,
          url: `${baseURL}/api/ping`,
          reuseExistingServer: !process.env.CI,
          timeout: 60_000,
          env: serverEnv,
        },
        {
          command: `npx next start -p ${agoraPort}`,
          url: `http://localhost:${agoraPort}/api/ping`,
          reuseExistingServer: !process.env.CI,
          timeout: 60_000,
          env: { ...serverEnv, AGORA_APP_ID: E2E_AGORA_APP_ID, AGORA_APP_CERTIFICATE: E2E_AGORA_APP_CERTIFICATE },
        },
        {
          command: 'node e2e/support/oidc-test-provider.mjs',
          url: `http://127.0.0.1:${oidcPort}/.well-known/openid-configuration`,
          reuseExistingServer: !process.env.CI,
          timeout: 30_000,
          env: { OIDC_PORT: String(oidcPort), APP_ORIGIN: `http://localhost:${signInPort}` },
        },
        {
          command: `npx next start -p ${signInPort}`,
          url: `http://localhost:${signInPort}/api/ping`,
          reuseExistingServer: !process.env.CI,
          timeout: 60_000,
          env: {
            ...serverEnv,
            AUTH_OIDC_ISSUER: `http://127.0.0.1:${oidcPort}`,
            AUTH_OIDC_CLIENT_ID: OIDC_CLIENT.id,
            AUTH_OIDC_CLIENT_SECRET: OIDC_CLIENT.secret,
            AUTH_SECRET: E2E_AUTH_SECRET,
            AUTH_ALLOWED_DOMAINS: 'example.test',
            AUTH_ORGANISATION_NAME: 'Example School',
          },
        },
      ],
});
