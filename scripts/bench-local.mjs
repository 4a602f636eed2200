// npm run bench:local — local mode on loopback: Join click → first remote video frame, and the
// token renewal round trip (fresh token from /api/rtc + /api/local/renew), medians of several runs.
import { launchChromium, median, startNextServer } from './lib/bench-support.mjs';

const runs = Number(process.env.BENCH_RUNS ?? 5);
const { base } = await startNextServer(3230, { AGORA_APP_ID: '', AGORA_APP_CERTIFICATE: '', TOKEN_EXPIRY_SECONDS: '40' });
const browser = await launchChromium();

async function participant() {
  const context = await browser.newContext({ baseURL: base, permissions: ['camera', 'microphone'] });
  return context.newPage();
}

async function openPrejoin(page, channel) {
  await page.goto(`/call/${channel}`);
  const join = page.getByRole('button', { name: 'Join call' });
  await join.and(page.locator(':enabled')).waitFor({ timeout: 30_000 });
  return join;
}

const firstFrame = () =>
  document.querySelector('[data-testid=remote-video] video') instanceof HTMLVideoElement &&
  document.querySelector('[data-testid=remote-video] video').currentTime > 0;

const joinToFrame = [];
for (let run = 0; run <= runs; run++) {
  const channel = `bench-local-${Date.now()}-${run}`;
  const alice = await participant();
  const bob = await participant();
  await (await openPrejoin(alice, channel)).click();
  await alice.getByText('Connected').waitFor();
  const join = await openPrejoin(bob, channel);
  const start = Date.now();
  await join.click();
  await bob.waitForFunction(firstFrame, undefined, { timeout: 30_000, polling: 10 });
  if (run > 0) joinToFrame.push(Date.now() - start); // run 0 warms up routes and WebRTC
  await alice.context().close();
  await bob.context().close();
}
console.log(`Join → first remote frame: median ${median(joinToFrame)} ms over ${runs} runs (${joinToFrame.join(', ')})`);

// Renewal: 40 s tokens renew 30 s ahead, i.e. about every 10 s. Time fetch-start → renew answered.
const page = await participant();
const started = new Map();
const roundTrips = [];
page.on('request', (request) => {
  if (/\/api\/rtc\//.test(request.url())) started.set('token', Date.now());
});
page.on('response', (response) => {
  if (response.url().endsWith('/api/local/renew') && response.ok() && started.has('token')) {
    roundTrips.push(Date.now() - started.get('token'));
    started.delete('token');
  }
});
await (await openPrejoin(page, `bench-renew-${Date.now()}`)).click();
while (roundTrips.length < runs) await page.waitForTimeout(500);
console.log(`Renewal round trip (new token + renewToken): median ${median(roundTrips)} ms over ${roundTrips.length} renewals (${roundTrips.join(', ')})`);
await browser.close();
process.exit(0);
