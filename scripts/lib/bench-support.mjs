// Shared by the benchmark scripts: start the production server, launch Chromium with fake devices.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { chromium } from '@playwright/test';

export { startNextServer, waitForUrl } from './next-server.mjs';

/** Agora mode with the public AccessToken2 test-vector credentials (owned by no project; Agora is never reached). */
export const AGORA_TEST_ENV = {
  AGORA_APP_ID: '970ca35de60c44645bbae8a215061b33',
  AGORA_APP_CERTIFICATE: '5cfd2fd1755d40ecb72977518be15d3b',
};

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
 * In the page (pass it to addInitScript or evaluate, with its argument): window[key] becomes a
 * promise of when the first frame of a <video> matching `selector` was presented — when the frame
 * reached the compositor, not when the (busy) main thread got to hear of it. Read it with
 * `firstFrameAt`: polling with waitForFunction would compile Playwright's injected script in the
 * page's main world (~40 ms of its main thread) in the middle of what is measured.
 */
/** The prejoin's camera preview. */
/** A new browser context for one person (camera and microphone allowed) on `base`, and its page. */
export async function newParticipant(browser, base) {
  const context = await browser.newContext({ baseURL: base, permissions: ['camera', 'microphone'] });
  return context.newPage();
}

/** Opens a call page and waits until its Join button can be pressed; returns the button. */
export async function openPrejoin(page, channel) {
  await page.goto(`/call/${channel}`);
  const join = page.getByRole('button', { name: 'Join call' });
  await join.and(page.locator(':enabled')).waitFor({ timeout: 30_000 });
  return join;
}

export const PREVIEW_VIDEO = 'section[aria-label="Camera preview"] video';
/** In a call, the tiles' videos other than your own (yours is the tile with your microphone level). */
export const REMOTE_VIDEO = 'figure:not(:has([aria-label="Your microphone level"])) video';

export function watchFirstFrame({ selector, key }) {
  const seen = new WeakSet();
  window[key] = new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      for (const video of document.querySelectorAll(selector)) {
        if (seen.has(video)) continue;
        seen.add(video);
        video.requestVideoFrameCallback((now, frame) => {
          observer.disconnect();
          resolve(frame.presentationTime ?? now);
        });
      }
    });
    observer.observe(document, { childList: true, subtree: true });
  });
}

/** The time (the page's clock) `watchFirstFrame` saw under `key`; rejects after `timeoutMs`. */
export function firstFrameAt(page, key, timeoutMs = 30_000) {
  return page.evaluate(
    ({ key, timeoutMs }) =>
      Promise.race([
        window[key],
        new Promise((resolve, reject) =>
          setTimeout(() => reject(new Error(`no video frame within ${timeoutMs} ms`)), timeoutMs),
        ),
      ]),
    { key, timeoutMs },
  );
}

/** CPU seconds used so far by every Chromium process on this machine (renderers, GPU, utility, browser). */
function chromiumCpuSeconds() {
  let ticks = 0;
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      if (!/\((chromium|chrome)[^)]*\)/.test(stat)) continue;
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]); // utime + stime
    } catch {
      // The process ended while being read.
    }
  }
  return ticks / 100; // USER_HZ
}

/**
 * The share of one core all Chromium processes use over `ms` (Linux only; null elsewhere). The
 * benchmark's browser must be the only Chromium running.
 */
export async function chromiumCpuShare(ms) {
  if (!existsSync('/proc/self/stat')) return null;
  const before = chromiumCpuSeconds();
  await new Promise((resolve) => setTimeout(resolve, ms));
  return Math.round(((chromiumCpuSeconds() - before) * 1000 * 100) / ms);
}

/**
 * Milliseconds the page's renderer main thread spent running tasks (script, style, layout, paint)
 * over `ms`, from Chromium's own counter (CDP Performance.getMetrics → TaskDuration).
 */
export async function mainThreadBusyMs(pages, ms) {
  const sessions = await Promise.all(pages.map((page) => page.context().newCDPSession(page)));
  const taskSeconds = async () =>
    Promise.all(
      sessions.map(
        async (session) =>
          (await session.send('Performance.getMetrics')).metrics.find((metric) => metric.name === 'TaskDuration').value,
      ),
    );
  await Promise.all(sessions.map((session) => session.send('Performance.enable')));
  const before = await taskSeconds();
  await new Promise((resolve) => setTimeout(resolve, ms));
  const after = await taskSeconds();
  await Promise.all(sessions.map((session) => session.detach()));
  return after.map((seconds, index) => Math.round((seconds - before[index]) * 1000));
}
