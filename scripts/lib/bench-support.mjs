// Shared by the benchmark scripts: start the production server, launch Chromium with fake devices.
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

export { startNextServer, waitForUrl } from './next-server.mjs';

/** Agora mode with the public AccessToken2 test-vector credentials (owned by no project; Agora is never reached). */
export const AGORA_TEST_ENV = { AGORA_APP_ID: '970ca35de60c44645bbae8a215061b33', AGORA_APP_CERTIFICATE: '5cfd2fd1755d40ecb72977518be15d3b' };

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

/**
 * In the page (pass it to addInitScript or evaluate, with its argument): stores in window[key]
 * when the first frame of a <video> matching `selector` was presented — when the frame reached the
 * compositor, not when the (busy) main thread got to hear of it.
 */
export function watchFirstFrame({ selector, key }) {
  const seen = new WeakSet();
  const observer = new MutationObserver(() => {
    for (const video of document.querySelectorAll(selector)) {
      if (seen.has(video)) continue;
      seen.add(video);
      video.requestVideoFrameCallback((now, frame) => (window[key] ??= frame.presentationTime ?? now));
    }
  });
  observer.observe(document, { childList: true, subtree: true });
}
