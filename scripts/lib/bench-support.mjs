// Shared by the benchmark scripts: start the production server, launch Chromium with fake devices.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { chromium } from '@playwright/test';

export const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Waits until `url` answers 2xx (a server coming up), up to 30 s. */
export async function waitForUrl(url) {
  for (let attempt = 0; attempt < 300; attempt++) {
    if (await fetch(url).then((response) => response.ok).catch(() => false)) return;
    await sleep(100);
  }
  throw new Error(`${url} did not come up`);
}

/** Starts `next start` on the port with extra env, waits for /api/ping; stopped when the process exits. */
export async function startNextServer(port, extraEnv = {}) {
  if (!existsSync('.next/BUILD_ID')) throw new Error('Run "npm run build" first.');
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...extraEnv };
  const server = spawn('npx', ['next', 'start', '-p', String(port)], { env, stdio: 'ignore', detached: true });
  const stop = () => {
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  };
  process.on('exit', stop);
  await waitForUrl(`http://127.0.0.1:${port}/api/ping`);
  return { base: `http://127.0.0.1:${port}`, stop };
}

export function launchChromium() {
  const executablePath = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => existsSync(path));
  return chromium.launch({
    executablePath,
    args: [
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
      '--allow-loopback-in-peer-connection',
      '--disable-background-networking',
    ],
  });
}
