// npm run bench:call — time from opening the call page to the camera preview playing, measured in
// headless Chromium with a fake camera against the production build. Figures, not assertions.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { chromium } from '@playwright/test';

const runs = Number(process.env.BENCH_RUNS ?? 7);
const port = 3220;
const base = `http://127.0.0.1:${port}`;
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', AGORA_APP_ID: '', AGORA_APP_CERTIFICATE: '' };

if (!existsSync('.next/BUILD_ID')) {
  console.error('Run "npm run build" first.');
  process.exit(1);
}
const server = spawn('npx', ['next', 'start', '-p', String(port)], { env, stdio: 'ignore', detached: true });
process.on('exit', () => {
  try {
    process.kill(-server.pid, 'SIGTERM');
  } catch {
    // already gone
  }
});
for (let i = 0; i < 300; i++) {
  if (await fetch(`${base}/api/ping`).then((r) => r.ok).catch(() => false)) break;
  await sleep(100);
}

const executablePath = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => existsSync(path));
const browser = await chromium.launch({
  executablePath,
  args: ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', '--disable-background-networking'],
});
const preview = [];
const joinEnabled = [];
for (let run = 0; run <= runs; run++) {
  const context = await browser.newContext({ permissions: ['camera', 'microphone'] });
  const page = await context.newPage();
  // Agora is never contacted here: the preview only needs the camera and the SDK bundle.
  await page.route(/agora\.io|sd-rtn\.com/, (route) => route.abort());
  const start = Date.now();
  await page.goto(`${base}/call/bench-${run}`);
  await page.waitForFunction(() => {
    const video = document.querySelector('[data-testid=local-video] video');
    return video instanceof HTMLVideoElement && video.currentTime > 0;
  }, undefined, { timeout: 30_000 });
  const played = Date.now() - start;
  await page.getByRole('button', { name: 'Join call' }).waitFor();
  await page.waitForFunction(() => !document.querySelector('button:disabled') || [...document.querySelectorAll('button')].some((b) => b.textContent === 'Join call' && !b.disabled));
  const ready = Date.now() - start;
  if (run > 0) {
    // run 0 warms the server's route and the browser's cache of the SDK bundle
    preview.push(played);
    joinEnabled.push(ready);
  }
  await context.close();
}
await browser.close();

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
console.log(`call page → preview playing: median ${median(preview)} ms over ${runs} runs (${preview.join(', ')})`);
console.log(`call page → Join enabled (SDK loaded, token fetched): median ${median(joinEnabled)} ms (${joinEnabled.join(', ')})`);
process.exit(0);
