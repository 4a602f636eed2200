// npm run check:dev — what a newcomer sees after `npm install && npm run dev`: starts `next dev`,
// opens the landing page and a call page (also as 127.0.0.1), joins, and fails on any browser
// console error, CSP report, uncaught page error, dev-overlay issue badge or server error in the dev log.
import { launchChromium, startNextServer } from './lib/bench-support.mjs';

const port = Number(process.env.CHECK_DEV_PORT ?? 3260);
const base = `http://localhost:${port}`;
const env = { AGORA_APP_ID: '', AGORA_APP_CERTIFICATE: '', NODE_ENV: 'development' };

const problems = [];
let server = null;
try {
  server = await startNextServer(port, env, { command: 'dev' });
  const browser = await launchChromium();
  const context = await browser.newContext({ baseURL: base, permissions: ['camera', 'microphone'] });
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error' || /Content Security Policy/i.test(message.text())) problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  const issueBadge = async (where) => {
    // The dev overlay lives in a shadow root; Playwright's locators pierce it.
    const badge = page.locator('nextjs-portal').getByText(/\d+ Issues?/);
    if ((await badge.count()) > 0) problems.push(`${where}: the dev overlay shows "${await badge.first().textContent()}"`);
  };

  // Pages compile on first visit under next dev, which takes a while on a small machine.
  await page.goto('/', { timeout: 120_000 });
  await page.getByLabel('Channel name').fill('dev-smoke');
  await page.getByLabel('Channel name').press('Enter');
  await page.waitForURL('**/call/dev-smoke', { timeout: 120_000 });
  const join = page.getByRole('button', { name: 'Join call' });
  await join.and(page.locator(':enabled')).waitFor({ timeout: 120_000 });
  await issueBadge('call page, prejoin');
  await join.click();
  await page.getByTestId('connection-status').getByText('Connected', { exact: true }).waitFor({ timeout: 60_000 });
  await page.waitForTimeout(1000);
  await issueBadge('call page, in the call');
  // On a phone the dev indicator must not cover the call controls (it intercepted their clicks).
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForTimeout(500);
  const indicator = await page.locator('nextjs-portal [data-next-badge-root]').boundingBox();
  const toolbar = await page.getByRole('toolbar', { name: 'Call controls' }).boundingBox();
  const overlaps = (a, b) => a && b && a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
  if (!indicator) problems.push('the dev indicator was not found (did Next rename data-next-badge-root?)');
  else if (overlaps(indicator, toolbar)) problems.push('on a phone, the dev indicator covers the call controls');
  await page.goto('/');
  await page.getByLabel('Channel name').waitFor();
  await page.waitForTimeout(1000);
  await issueBadge('landing page');
  // The same machine by address: Next 16 refuses dev resources to origins it does not allow, and
  // the page then never hydrates (Join stays disabled, the HMR socket fails over and over).
  const byAddress = await browser.newContext({ baseURL: base.replace('localhost', '127.0.0.1'), permissions: ['camera', 'microphone'] });
  const addressPage = await byAddress.newPage();
  addressPage.on('console', (message) => message.type() === 'error' && problems.push(`console at 127.0.0.1: ${message.text()}`));
  await addressPage.goto('/call/dev-smoke-address', { timeout: 120_000 });
  const ready = await addressPage.getByRole('button', { name: 'Join call' }).and(addressPage.locator(':enabled')).waitFor({ timeout: 60_000 }).then(() => true, () => false);
  if (!ready) problems.push('opened as http://127.0.0.1, the call page never lets you join');
  await browser.close();
} catch (error) {
  problems.push(`the smoke run failed: ${error.message}`);
}
server?.stop();
const serverErrors = (server?.log() ?? '').split('\n').filter((line) => /⨯|\bError\b|Unhandled/.test(line));
problems.push(...serverErrors.map((line) => `dev server: ${line.trim()}`));
if (problems.length > 0) {
  console.error(`FAIL: npm run dev is not clean:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  process.exit(1);
}
console.log('npm run dev: landing and call pages load, join works, no console errors, CSP reports or overlay issues');
process.exit(0);
