// npm run bench:call — headless Chromium with a fake camera against the production build: call
// page opened → camera preview playing (its first frame presented), in local mode and in Agora mode
// (the SDK is downloaded on that page; Agora itself is never contacted), and → Join enabled.
// With BASELINE=<folder of another checkout, built>, that build runs too, alternately, side by side.
// Reports only; nothing is asserted.
import {
  AGORA_TEST_ENV,
  firstFrameAt,
  launchChromium,
  median,
  PREVIEW_VIDEO,
  startNextServer,
  watchFirstFrame,
} from './lib/bench-support.mjs';
import { freePort } from './lib/free-port.mjs';

const runs = Number(process.env.BENCH_RUNS ?? 7);
const local = { AGORA_APP_ID: '', AGORA_APP_CERTIFICATE: '' };
const agora = AGORA_TEST_ENV;
const builds = { 'this build': { cwd: '.' } };
if (process.env.BASELINE) builds.baseline = { cwd: process.env.BASELINE };
const servers = [];
for (const [build, { cwd }] of Object.entries(builds)) {
  for (const [mode, env] of Object.entries({ local, agora })) {
    servers.push({
      build,
      mode,
      ...(await startNextServer(await freePort(), env, { cwd })),
      preview: [],
      ready: [],
      steps: {},
    });
  }
}
const browser = await launchChromium();

async function measure(server, run) {
  const context = await browser.newContext({ permissions: ['camera', 'microphone'] });
  // When the preview's first frame is presented (ms after navigation started).
  await context.addInitScript(watchFirstFrame, { selector: PREVIEW_VIDEO, key: '__previewAt' });
  const page = await context.newPage();
  await page.route(/agora\.io|sd-rtn\.com/, (route) => route.abort()); // Agora is never contacted
  await page.goto(`${server.base}/call/bench-${run}`);
  const previewAt = await firstFrameAt(page, '__previewAt');
  await page.getByRole('button', { name: 'Join call' }).and(page.locator(':enabled')).waitFor({ timeout: 30_000 });
  const { enabledAt, steps } = await page.evaluate(() => {
    const [navigation] = performance.getEntriesByType('navigation');
    const marks = Object.fromEntries(
      performance.getEntriesByType('mark').map((entry) => [entry.name.replace(/^call:/, ''), entry.startTime]),
    );
    return {
      enabledAt: performance.now(),
      steps: { html: navigation.responseEnd, interactive: navigation.domInteractive, ...marks },
    };
  });
  if (run > 0) {
    // run 0 warms the server's routes and the browser's cache
    for (const [step, at] of Object.entries(steps)) (server.steps[step] ??= []).push(Math.round(at));
    server.preview.push(Math.round(previewAt));
    server.ready.push(Math.round(enabledAt));
  }
  await context.close();
}

for (let run = 0; run <= runs; run++) for (const server of servers) await measure(server, run);

console.log(
  `Call page opened → camera preview's first frame, and → Join enabled; medians of ${runs} runs, alternating:`,
);
for (const { build, mode, preview, ready } of servers) {
  console.log(
    `  ${`${build}, ${mode} mode`.padEnd(24)} preview ${String(median(preview)).padStart(5)} ms ` +
      `(${preview.join(', ')})   Join ${String(median(ready)).padStart(5)} ms`,
  );
}
for (const { mode, steps } of servers.filter((server) => server.build === 'this build')) {
  const order = Object.entries(steps)
    .map(([step, values]) => [step, median(values)])
    .sort((a, b) => a[1] - b[1]);
  console.log(
    `  where the time goes, ${mode} mode (ms after navigation started): ` +
      order.map(([step, at]) => `${step} ${at}`).join(' · '),
  );
}
await browser.close();
process.exit(0);
