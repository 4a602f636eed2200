import { test as base, expect, type APIRequestContext, type Browser, type BrowserContext } from '@playwright/test';

// Running against a protected Vercel preview: VERCEL_AUTOMATION_BYPASS_SECRET is sent as Vercel's
// bypass header to the target host only — never to Agora or any other host. (Traces, which could
// record it, are off in playwright.config.ts.)
const bypassSecret = process.env.VERCEL_AUTOMATION_BYPASS_SECRET?.trim() || null;

export const bypassHeaders = (secret = bypassSecret): Record<string, string> =>
  secret ? { 'x-vercel-protection-bypass': secret, 'x-vercel-set-bypass-cookie': 'true' } : {};

/** Adds the bypass headers to this context's requests for `baseURL`'s host, and to no other. */
export async function protectContext(context: BrowserContext, baseURL: string, secret = bypassSecret) {
  if (!secret) return;
  const host = new URL(baseURL).host;
  await context.route(
    (url) => url.host === host,
    (route) => route.continue({ headers: { ...route.request().headers(), ...bypassHeaders(secret) } }),
  );
}

// Content-Security-Policy violations the browser reported during the current test (it logs each
// one to the console); every test fails if there are any.
const cspViolations: string[] = [];
export function watchCsp(context: BrowserContext) {
  context.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
  });
}

/** A person in their own browser context (own camera, own uid), able to reach a protected preview. */
export async function newParticipantContext(browser: Browser, baseURL: string) {
  const context = await browser.newContext({ baseURL, permissions: ['camera', 'microphone'] });
  watchCsp(context);
  await protectContext(context, baseURL);
  return context;
}

export type TargetMode = 'local' | 'agora';

/** The mode the target server runs in, from /api/health (a misconfigured target fails here). */
export async function modeOf(request: APIRequestContext, baseURL: string): Promise<TargetMode> {
  const response = await request.get(new URL('/api/health', baseURL).toString(), { headers: bypassHeaders() });
  const health = await response.json();
  expect(response.status(), `target ${baseURL} is misconfigured: ${health.error}`).toBe(200);
  return health.mode;
}

/** Skips the current test when `skip` is true, saying why in the run's output too (not only in the report). */
export function skipWhen(skip: boolean, reason: string) {
  if (skip) console.log(`skipped: ${test.info().title}: ${reason}`);
  test.skip(skip, reason);
}

/** Skips the current test, saying why, when the target is not in `mode`. */
export function requireMode(actual: TargetMode, wanted: TargetMode, why: string) {
  skipWhen(actual !== wanted, `needs ${wanted} mode (${why}); the target runs in ${actual} mode`);
}

/** Skips the current test, saying why, unless the target's call tokens expire within a test's time. */
export async function requireShortTokens(request: APIRequestContext) {
  const lifetime = (await (await request.get('/api/health')).json()).tokenExpirySeconds as number;
  skipWhen(
    lifetime > 60,
    `the target's tokens last ${lifetime} s; set TOKEN_EXPIRY_SECONDS=40 on it to run this within a test`,
  );
}

export const test = base.extend<{ targetMode: TargetMode; cspGuard: void }>({
  cspGuard: [
    async ({}, use) => {
      cspViolations.length = 0;
      await use();
      expect(cspViolations, 'Content-Security-Policy violations in the browser console').toEqual([]);
    },
    { auto: true },
  ],
  context: async ({ context, baseURL }, use) => {
    watchCsp(context);
    await protectContext(context, baseURL!);
    await use(context);
  },
  // Relative URLs only in specs: the headers go to the target host alone.
  request: async ({ playwright, baseURL }, use) => {
    const request = await playwright.request.newContext({ baseURL, extraHTTPHeaders: bypassHeaders() });
    await use(request);
    await request.dispose();
  },
  targetMode: async ({ request, baseURL }, use) => {
    await use(await modeOf(request, baseURL!));
  },
});

export { expect };
