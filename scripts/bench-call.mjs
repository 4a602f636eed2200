// npm run bench:call — in headless Chromium with a fake camera against the production build:
// call page → preview playing, in Agora mode (SDK download) and local mode (no SDK). Not asserted.
import { launchChromium, median, startNextServer } from './lib/bench-support.mjs';

const runs = Number(process.env.BENCH_RUNS ?? 7);
const servers = {
  local: await startNextServer(3220, { AGORA_APP_ID: '', AGORA_APP_CERTIFICATE: '' }),
  agora: await startNextServer(3221, { AGORA_APP_ID: '970ca35de60c44645bbae8a215061b33', AGORA_APP_CERTIFICATE: '5cfd2fd1755d40ecb72977518be15d3b' }),
};
const browser = await launchChromium();

async function measure(base) {
  const preview = [];
  const ready = [];
  for (let run = 0; run <= runs; run++) {
    const context = await browser.newContext({ permissions: ['camera', 'microphone'] });
    const page = await context.newPage();
    await page.route(/agora\.io|sd-rtn\.com/, (route) => route.abort()); // Agora is never contacted
    const start = Date.now();
    await page.goto(`${base}/call/bench-${run}`);
    await page.waitForFunction(() => {
      const video = document.querySelector('[data-testid=local-video] video');
      return video instanceof HTMLVideoElement && video.currentTime > 0;
    }, undefined, { timeout: 30_000 });
    const played = Date.now() - start;
    await page.getByRole('button', { name: 'Join call' }).and(page.locator(':enabled')).waitFor({ timeout: 30_000 });
    if (run > 0) {
      // run 0 warms the server's routes and the browser's cache
      preview.push(played);
      ready.push(Date.now() - start);
    }
    await context.close();
  }
  return { preview, ready };
}

for (const [mode, server] of Object.entries(servers)) {
  const { preview, ready } = await measure(server.base);
  console.log(`${mode} mode: call page → preview playing  median ${median(preview)} ms  (${preview.join(', ')})`);
  console.log(`${mode} mode: call page → Join enabled     median ${median(ready)} ms  (${ready.join(', ')})`);
}
await browser.close();
process.exit(0);
