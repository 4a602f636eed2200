// npm run bench:local — local mode on loopback, production build, headless Chromium:
//  1. Join click → first remote video frame, with where the time goes (performance marks the
//     client sets on the way in, lib/client/timing-marks.ts), medians of several runs;
//  2. what the browser's processes cost while a tab shows the preview, sits in a call, or two talk
//     (CPU taken from the camera, the encoder and the other tab: what a join waits for here);
//  3. each tab's renderer main-thread busy time over 30 s of a two-person call (BUSY_WINDOW_MS);
//  4. token renewal: the round trip (fresh token from /api/rtc + /api/local/renew), and whether the
//     other side's video skips a beat meanwhile (frames counted with requestVideoFrameCallback).
// With BASELINE=<folder of another checkout, built>, that build runs too, alternately, and the
// figures are printed side by side (this machine's speed drifts: only one run compares fairly).
// Reports only; nothing is asserted.
import { availableParallelism } from 'node:os';
import {
  chromiumCpuShare,
  firstFrameAt,
  launchChromium,
  mainThreadBusyMs,
  median,
  newParticipant,
  openPrejoin,
  REMOTE_VIDEO,
  startNextServer,
  watchFirstFrame,
} from './lib/bench-support.mjs';
import { freePort } from './lib/free-port.mjs';

const runs = Number(process.env.BENCH_RUNS ?? 7);
const env = { AGORA_APP_ID: '', AGORA_APP_CERTIFICATE: '', TOKEN_EXPIRY_SECONDS: '40' };
const { base } = await startNextServer(await freePort(), env);
const baseline = process.env.BASELINE
  ? (await startNextServer(await freePort(), env, { cwd: process.env.BASELINE })).base
  : null;
const browser = await launchChromium();

const participant = (server = base) => newParticipant(browser, server);

const STEPS = [
  'join-start',
  'call-view-shown',
  'join-answered',
  'offer-ready',
  'joined',
  'offer-delivered',
  'other:offer-received',
  'other:answer-made',
  'other:answer-delivered',
  'answer-received',
  'ice-connected',
  'peer-connected',
  'other:peer-connected',
  'published',
  'first-frame',
];
/** The marks as the time since the page's origin, by name without the uid ("call:" and "-<uid>" cut off). */
const readMarks = () => ({
  origin: performance.timeOrigin,
  marks: Object.fromEntries(
    performance
      .getEntriesByType('mark')
      .filter((entry) => entry.name.startsWith('call:'))
      .map((entry) => [entry.name.slice(5).replace(/-\d+$/, ''), entry.startTime]),
  ),
});
const emptySamples = () => Object.fromEntries(STEPS.map((step) => [step, []]));
const samples = emptySamples();
const baselineSamples = emptySamples();
const record = (into, timeline) =>
  STEPS.forEach((step) => timeline[step] !== undefined && into[step].push(timeline[step]));

/** One Join → first frame: Alice is in the channel, Bob joins; Bob's marks relative to his click. */
async function joinOnce(server, run) {
  const channel = `bench-local-${Date.now()}-${run}`;
  const alice = await participant(server);
  const bob = await participant(server);
  await (await openPrejoin(alice, channel)).click();
  await alice.getByText('Connected', { exact: true }).waitFor();
  const join = await openPrejoin(bob, channel);
  // When Join is clicked, and when the first remote video frame is presented.
  await bob.evaluate(() =>
    document.addEventListener('click', (event) => (window.__clickAt ??= event.timeStamp), { capture: true }),
  );
  await bob.evaluate(watchFirstFrame, { selector: REMOTE_VIDEO, key: '__firstFrameAt' });
  await join.click();
  const frame = await firstFrameAt(bob, '__firstFrameAt');
  const click = await bob.evaluate(() => window.__clickAt);
  // Alice's side (the offer's answerer) on Bob's clock: both pages share the machine's wall clock.
  const own = await bob.evaluate(readMarks);
  const other = await alice.evaluate(readMarks);
  await alice.context().close();
  await bob.context().close();
  const sinceClick = (origin, at) => Math.round(origin + at - (own.origin + click));
  const timeline = Object.entries({ ...own.marks, 'first-frame': frame }).map(([step, at]) => [
    step,
    sinceClick(own.origin, at),
  ]);
  const answered = Object.entries(other.marks)
    .map(([step, at]) => [`other:${step}`, sinceClick(other.origin, at)])
    .filter(([, at]) => at >= 0);
  return Object.fromEntries([...timeline, ...answered]);
}

for (let run = 0; run <= runs; run++) {
  // Run 0 warms up routes and WebRTC on both servers; the two builds alternate.
  const current = await joinOnce(base, run);
  if (run > 0) record(samples, current);
  if (baseline) {
    const before = await joinOnce(baseline, run);
    if (run > 0) record(baselineSamples, before);
  }
}

if (baseline) {
  console.log(`Join click → first remote video frame, local mode, same run, alternating, medians of ${runs}:`);
  console.log(
    `  baseline (${process.env.BASELINE}) ${median(baselineSamples['first-frame'])} ms   ` +
      `runs: ${baselineSamples['first-frame'].join(', ')}`,
  );
  console.log(
    `  this build              ${median(samples['first-frame'])} ms   runs: ${samples['first-frame'].join(', ')}\n`,
  );
}
console.log(`Where the time goes, medians of ${runs} runs (ms after the click; marks an older build lacks show as -):`);
console.log(`  ${'step'.padEnd(22)} ${baseline ? 'baseline   ' : ''}this build (+ since the step before)   runs`);
let previous = 0;
for (const step of STEPS) {
  const at = median(samples[step]);
  if (at === undefined) continue;
  const before = baseline ? `${String(median(baselineSamples[step]) ?? '-').padStart(8)}   ` : '';
  console.log(
    `  ${step.padEnd(22)} ${before}${String(at).padStart(10)} (+${at - previous})`.padEnd(baseline ? 58 : 47) +
      `   ${samples[step].join(', ')}`,
  );
  previous = at;
}

/** CPU of all Chromium processes (% of one core) while one tab previews, sits in a call alone, then two are in it. */
async function cpuOfTabs(server) {
  const channel = `bench-cpu-${Date.now()}`;
  const settle = (page) => page.waitForTimeout(1500);
  const alice = await participant(server);
  const join = await openPrejoin(alice, channel);
  await settle(alice);
  const preview = await chromiumCpuShare(CPU_WINDOW_MS);
  await join.click();
  await alice.getByText('Connected', { exact: true }).waitFor();
  await settle(alice);
  const alone = await chromiumCpuShare(CPU_WINDOW_MS);
  const bob = await participant(server);
  await (await openPrejoin(bob, channel)).click();
  await bob.locator(REMOTE_VIDEO).waitFor();
  await settle(bob);
  const together = await chromiumCpuShare(CPU_WINDOW_MS);
  await alice.context().close();
  await bob.context().close();
  return { 'one tab, preview': preview, 'one tab, in the call alone': alone, 'two tabs in a call': together };
}

const CPU_WINDOW_MS = 4000;
const cpu = await cpuOfTabs(base);
const cpuBaseline = baseline ? await cpuOfTabs(baseline) : null;
if (cpu['one tab, preview'] !== null) {
  console.log(
    `\nCPU of the browser (all Chromium processes, % of one core, over ${CPU_WINDOW_MS / 1000} s; ` +
      `${availableParallelism()} cores here):`,
  );
  for (const [state, share] of Object.entries(cpu)) {
    console.log(
      `  ${state.padEnd(28)} ${cpuBaseline ? `baseline ${String(cpuBaseline[state]).padStart(3)}%   ` : ''}` +
        `this build ${String(share).padStart(3)}%`,
    );
  }
}

/** Main-thread busy time of both tabs over BUSY_WINDOW_MS of a two-person call, once both see each other. */
async function busyInCall(server) {
  const channel = `bench-busy-${Date.now()}`;
  const alice = await participant(server);
  const bob = await participant(server);
  await (await openPrejoin(alice, channel)).click();
  await (await openPrejoin(bob, channel)).click();
  await Promise.all([alice, bob].map((page) => page.locator(REMOTE_VIDEO).waitFor()));
  await bob.waitForTimeout(2000);
  const busy = await mainThreadBusyMs([alice, bob], BUSY_WINDOW_MS);
  await alice.context().close();
  await bob.context().close();
  return busy;
}

const BUSY_WINDOW_MS = Number(process.env.BUSY_WINDOW_MS ?? 30_000);
const busyRounds = Number(process.env.BUSY_ROUNDS ?? 2);
const busy = [];
const busyBaseline = [];
for (let round = 0; round < busyRounds; round++) {
  busy.push(...(await busyInCall(base)));
  if (baseline) busyBaseline.push(...(await busyInCall(baseline)));
}
console.log(
  `\nRenderer main-thread busy time per tab over ${BUSY_WINDOW_MS / 1000} s of a two-person call ` +
    `(median of ${busy.length} tabs):`,
);
if (baseline) console.log(`  baseline ${median(busyBaseline)} ms   tabs: ${busyBaseline.join(', ')}`);
console.log(
  `  this build ${median(busy)} ms   tabs: ${busy.join(', ')}` +
    (baseline ? `   (${(median(busy) / median(busyBaseline)).toFixed(2)}× the baseline)` : ''),
);

// Renewal: 40 s tokens renew 30 s ahead, about every 10 s. Alice watches Bob's video the whole time.
const alice = await participant();
const bob = await participant();
const channel = `bench-renew-${Date.now()}`;
const renewals = [];
const started = new Map();
bob.on('request', (request) => {
  if (/\/api\/rtc\//.test(request.url())) started.set('token', Date.now());
});
bob.on('response', (response) => {
  if (response.url().endsWith('/api/local/renew') && response.ok() && started.has('token')) {
    renewals.push({ at: Date.now(), roundTrip: Date.now() - started.get('token') });
    started.delete('token');
  }
});
await (await openPrejoin(alice, channel)).click();
await (await openPrejoin(bob, channel)).click();
await alice.waitForFunction((selector) => document.querySelector(selector)?.currentTime > 0, REMOTE_VIDEO, {
  timeout: 30_000,
});
await alice.evaluate((selector) => {
  window.__frames = [];
  const video = document.querySelector(selector);
  const onFrame = (now) => {
    window.__frames.push(performance.timeOrigin + now);
    video.requestVideoFrameCallback(onFrame);
  };
  video.requestVideoFrameCallback(onFrame);
}, REMOTE_VIDEO);
while (renewals.length < Math.min(runs, 3)) await bob.waitForTimeout(500);
await bob.waitForTimeout(2000);
const frames = await alice.evaluate(() => window.__frames);
const gapsAround = renewals.map(({ at }) => {
  const window = frames.filter((time) => time > at - 2000 && time < at + 2000);
  const gaps = window.slice(1).map((time, index) => time - window[index]);
  return { frames: window.length, longestGap: Math.round(Math.max(...gaps)) };
});
const allGaps = frames.slice(1).map((time, index) => time - frames[index]);
console.log(
  `\nToken renewal (Bob renews while Alice watches his video; ` +
    `${frames.length} frames over ${Math.round((frames.at(-1) - frames[0]) / 1000)} s):`,
);
console.log(
  `  round trip (new token + renewToken): median ${median(renewals.map((renewal) => renewal.roundTrip))} ms ` +
    `over ${renewals.length} renewals`,
);
for (const [index, around] of gapsAround.entries()) {
  console.log(
    `  renewal ${index + 1}: ${around.frames} frames in the 4 s around it, ` +
      `longest gap between frames ${around.longestGap} ms`,
  );
}
const stalls = allGaps.filter((gap) => gap > 200).length;
console.log(
  `  frames missing (gaps over 200 ms, i.e. a visible stall) during the whole run: ${stalls}; ` +
    `longest gap ${Math.round(Math.max(...allGaps))} ms`,
);
await browser.close();
process.exit(0);
