import { AGORA_HOSTS } from './support/agora-network';
import { expect, protectContext, test } from './support/fixtures';

test('the Vercel bypass header goes to the target host only, never to Agora', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL });
  await protectContext(context, baseURL!, 'test-bypass-secret');
  const page = await context.newPage();
  const agoraHeaders: Record<string, string>[] = [];
  await page.route(AGORA_HOSTS, async (route) => {
    agoraHeaders.push(await route.request().allHeaders());
    await route.fulfill({ status: 204 });
  });
  const targetRequest = page.waitForRequest('**/api/ping');
  await page.goto('/');
  await page.evaluate(async () => {
    await fetch('/api/ping');
    await fetch('https://webrtc2-ap-web-1.agora.io/api/v2/transpond/webrtc?v=2', { method: 'POST', body: 'x' }).catch(
      () => undefined,
    );
  });
  const sent = await (await targetRequest).allHeaders();
  expect(sent['x-vercel-protection-bypass']).toBe('test-bypass-secret');
  expect(sent['x-vercel-set-bypass-cookie']).toBe('true');
  expect(agoraHeaders).toHaveLength(1);
  expect(agoraHeaders[0]!['x-vercel-protection-bypass']).toBeUndefined();
  await context.close();
});

test('a deployment that cannot issue tokens tells the operator what to set on the home page', async ({ page }) => {
  await page.route('**/api/health', (route) =>
    route.fulfill({
      status: 503,
      contentType: 'application/json',
      body: JSON.stringify({
        error: 'Agora credentials are not configured: set AGORA_APP_ID and AGORA_APP_CERTIFICATE',
        status: 'misconfigured',
      }),
    }),
  );
  await page.goto('/');
  const notice = page.getByRole('alert').filter({ hasText: 'This deployment cannot start calls yet.' });
  await expect(notice).toContainText('This deployment cannot start calls yet.');
  await expect(notice).toContainText('set AGORA_APP_ID and AGORA_APP_CERTIFICATE');
});

test('a healthy deployment shows no operator notice', async ({ page }) => {
  const health = page.waitForResponse('**/api/health');
  await page.goto('/');
  expect((await health).status()).toBe(200);
  await expect(page.getByText('This deployment cannot start calls yet.')).toHaveCount(0);
});

test('every page carries the security headers the SDK and the browser need', async ({ request }) => {
  expect((await request.get('/api/ping')).headers()['x-content-type-options']).toBe('nosniff');
  for (const path of ['/', '/call/header-check', '/call/caf%C3%A9', '/?link=broken']) {
    const headers = (await request.get(path)).headers();
    const csp = headers['content-security-policy'] ?? '';
    expect(csp, path).toContain("frame-ancestors 'none'");
    expect(csp).toContain('connect-src');
    expect(csp).toContain('wss://*.agora.io');
    expect(csp).toContain("worker-src 'self' blob:");
    expect(headers['permissions-policy']).toContain('camera=(self), microphone=(self)');
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  }
});

test('static scripts carry only what applies to a script: nosniff, not the page policy repeated', async ({
  request,
}) => {
  const html = await (await request.get('/')).text();
  const script = html.match(/\/_next\/static\/chunks\/[^"']+\.js/)![0];
  const headers = (await request.get(script)).headers();
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['content-security-policy']).toBeUndefined();
  expect(headers['permissions-policy']).toBeUndefined();
});

test('the policy is enforced: a request to a host it does not list is blocked and reported', async ({
  browser,
  baseURL,
}) => {
  // A context of its own, outside the suite's CSP guard, which would (rightly) fail this test.
  const context = await browser.newContext({ baseURL });
  await protectContext(context, baseURL!);
  const page = await context.newPage();
  const reported: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) reported.push(message.text());
  });
  await page.goto('/');
  await page.evaluate(() => fetch('https://example.invalid/').catch(() => undefined));
  await expect.poll(() => reported.length).toBeGreaterThan(0);
  expect(reported[0]).toMatch(/connect-src/);
  await context.close();
});
