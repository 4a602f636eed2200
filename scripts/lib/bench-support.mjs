// Shared by the benchmark scripts: start the production server, launch Chromium with fake devices.
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

export { startNextServer, waitForUrl } from './next-server.mjs';

export const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

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
