// npm run check:dev — what a newcomer sees after `npm install && npm run dev`: starts `next dev`,
// opens the landing page and a call page (also as 127.0.0.1), joins, and fails on any browser
// console error, CSP report, uncaught page error, dev-overlay issue badge, server error in the dev log,
// or a page that reloads or refetches itself while nobody touches it (naming the dev server's order
// to reload, when it gave one), and fails when next dev leaves a Turbopack cache for the next start
// to restore. CHECK_DEV_LOG=<file> keeps the dev server's whole log.
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium, startNextServer } from './lib/bench-support.mjs';
import { portFromEnv } from './lib/free-port.mjs';

const port = await portFromEnv('CHECK_DEV_PORT');
const base = `http://localhost:${port}`;
const env = { AGORA_APP_ID: '', AGORA_APP_CERTIFICATE: '', NODE_ENV: 'development' };

const problems = [];

/**
 * Counts what the page's main frame fetches on its own: documents (one per goto, one more each time
 * the page reloads itself) and router refreshes (RSC requests that are not prefetches: how Fast
 * Refresh re-renders a page after a server change). Same-document history updates do not count:
 * the App Router replaces its history entry once as it hydrates, which is no reload.
 */
function selfLoads(page) {
  const counts = { documents: 0, refreshes: 0 };
  page.on('request', (request) => {
    if (request.frame() !== page.mainFrame()) return;
    if (request.isNavigationRequest()) counts.documents++;
    else if (request.headers()['rsc'] === '1' && !request.headers()['next-router-prefetch']) counts.refreshes++;
  });
  return () => ({ ...counts });
}

/** A page that reloads itself under next dev loses what the person typed: it must stay put. */
async function staysPut(page, loads, where) {
  const before = loads();
  await page.waitForTimeout(5000);
  const after = loads();
  const documents = after.documents - before.documents;
  const refreshes = after.refreshes - before.refreshes;
  if (documents > 0) problems.push(`${where}: reloaded itself ${documents} time(s) within 5 s of loading`);
  if (refreshes > 0)
    problems.push(`${where}: refetched itself ${refreshes} time(s) within 5 s of loading (Fast Refresh with no edit)`);
}

/**
 * What the dev server tells a page over its HMR socket to reload it: a Turbopack "restart" of a
 * chunk list, or "reloadPage" with a reason (e.g. "HMR hash mismatch"). Named in the failure, so a
 * reload comes with its cause.
 */
function reloadOrders(page) {
  const orders = [];
  page.on('websocket', (socket) =>
    socket.on('framereceived', ({ payload }) => {
      if (typeof payload !== 'string' || !/"type":"(restart|reloadPage)"/.test(payload)) return;
      const message = JSON.parse(payload);
      for (const update of [message.data].flat()) {
        if (update?.type === 'restart') orders.push(`Turbopack restart of ${update.resource?.path}`);
      }
      if (message.type === 'reloadPage') orders.push(`reloadPage: ${message.data}`);
    }),
  );
  return orders;
}

/** Files of Turbopack's persistent cache for next dev, with when each was last written. */
const DEV_CACHE = join('.next', 'dev', 'cache', 'turbopack');
function devCacheFiles() {
  if (!existsSync(DEV_CACHE)) return new Map();
  return new Map(
    readdirSync(DEV_CACHE, { recursive: true })
      .map((name) => join(DEV_CACHE, name))
      .filter((path) => statSync(path).isFile())
      .map((path) => [path, statSync(path).mtimeMs]),
  );
}

const cacheBefore = devCacheFiles();
let server = null;
let browser = null;
const orders = [];
try {
  server = await startNextServer(port, env, { command: 'dev' });
  browser = await launchChromium();
  const context = await browser.newContext({ baseURL: base, permissions: ['camera', 'microphone'] });
  const page = await context.newPage();
  const loads = selfLoads(page);
  orders.push(reloadOrders(page));
  page.on('console', (message) => {
    if (message.type() === 'error' || /Content Security Policy/i.test(message.text()))
      problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  const issueBadge = async (where) => {
    // The dev overlay lives in a shadow root; Playwright's locators pierce it.
    const badge = page.locator('nextjs-portal').getByText(/\d+ Issues?/);
    if ((await badge.count()) > 0)
      problems.push(`${where}: the dev overlay shows "${await badge.first().textContent()}"`);
  };

  // Pages compile on first visit under next dev, which takes a while on a small machine.
  await page.goto('/', { timeout: 120_000 });
  await staysPut(page, loads, 'landing page');
  await page.getByLabel('Channel name').fill('dev-smoke');
  await page.getByLabel('Channel name').press('Enter');
  await page.waitForURL('**/call/dev-smoke', { timeout: 120_000 });
  const join = page.getByRole('button', { name: 'Join call' });
  await join.and(page.locator(':enabled')).waitFor({ timeout: 120_000 });
  await staysPut(page, loads, 'call page');
  await issueBadge('call page, prejoin');
  await join.click();
  await page
    .getByRole('status', { name: 'Connection' })
    .getByText('Connected', { exact: true })
    .waitFor({ timeout: 60_000 });
  await page.waitForTimeout(1000);
  await issueBadge('call page, in the call');
  // On a phone the dev indicator must not cover the call controls (it intercepted their clicks).
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForTimeout(500);
  const indicator = await page.locator('nextjs-portal [data-next-badge-root]').boundingBox();
  const toolbar = await page.getByRole('toolbar', { name: 'Call controls' }).boundingBox();
  const overlaps = (a, b) =>
    a && b && a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
  if (!indicator) problems.push('the dev indicator was not found (did Next rename data-next-badge-root?)');
  else if (overlaps(indicator, toolbar)) problems.push('on a phone, the dev indicator covers the call controls');
  await page.goto('/');
  await page.getByLabel('Channel name').waitFor();
  await page.waitForTimeout(1000);
  await issueBadge('landing page');
  // The same machine by address: Next 16 refuses dev resources to origins it does not allow, and
  // the page then never hydrates (Join stays disabled, the HMR socket fails over and over).
  const byAddress = await browser.newContext({
    baseURL: base.replace('localhost', '127.0.0.1'),
    permissions: ['camera', 'microphone'],
  });
  const addressPage = await byAddress.newPage();
  orders.push(reloadOrders(addressPage));
  addressPage.on(
    'console',
    (message) => message.type() === 'error' && problems.push(`console at 127.0.0.1: ${message.text()}`),
  );
  await addressPage.goto('/call/dev-smoke-address', { timeout: 120_000 });
  const ready = await addressPage
    .getByRole('button', { name: 'Join call' })
    .and(addressPage.locator(':enabled'))
    .waitFor({ timeout: 60_000 })
    .then(
      () => true,
      () => false,
    );
  if (!ready) problems.push('opened as http://127.0.0.1, the call page never lets you join');
} catch (error) {
  problems.push(`the smoke run failed: ${error.message}`);
}
// Closed before the server stops, so a page still reloading does not report the refused connections.
await browser?.close();
server?.stop();
const orderCounts = new Map();
for (const order of orders.flat()) orderCounts.set(order, (orderCounts.get(order) ?? 0) + 1);
for (const [order, times] of orderCounts)
  problems.push(`the dev server told a page to reload ${times} time(s): ${order}`);
// Turbopack writes its cache as the server stops.
for (let waited = 0; server?.alive() && waited < 10_000; waited += 100)
  await new Promise((done) => setTimeout(done, 100));
const cacheWritten = [...devCacheFiles()].filter(([path, written]) => cacheBefore.get(path) !== written);
if (cacheWritten.length > 0)
  problems.push(
    `next dev wrote ${cacheWritten.length} Turbopack cache file(s) under ${DEV_CACHE} for the next start to restore: ` +
      'a restored cache made the landing page reload itself in a loop (issue #26); ' +
      'keep turbopackFileSystemCacheForDev off',
  );
// Lines such as "⨯ turbopackFileSystemCacheForDev" list experiments that are off: no error.
const serverErrors = (server?.log() ?? '')
  .split('\n')
  .filter((line) => /⨯|\bError\b|Unhandled/.test(line) && !/^\s*⨯ \w+$/.test(line));
problems.push(...serverErrors.map((line) => `dev server: ${line.trim()}`));
if (process.env.CHECK_DEV_LOG) writeFileSync(process.env.CHECK_DEV_LOG, server?.log() ?? '');
if (problems.length > 0) {
  // What the dev server did meanwhile (compiles, requests) is the first clue to a reload.
  console.error(`The dev server's last lines:\n${(server?.log() ?? '').trim().split('\n').slice(-40).join('\n')}\n`);
  console.error(`FAIL: npm run dev is not clean:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  process.exit(1);
}
console.log('npm run dev: landing and call pages load, join works, no console errors, CSP reports or overlay issues');
process.exit(0);
