import type { Browser, Page } from '@playwright/test';
import { expect, newParticipantContext } from './fixtures';

/** A person in their own browser context (own camera, own uid), driving the UI as a user would. */
export async function openParticipant(browser: Browser, baseURL: string) {
  return (await newParticipantContext(browser, baseURL)).newPage();
}

/**
 * Types the channel on the landing page, opens the call, (names the person,) joins and waits until
 * connected. `debug`: opens the call link with `?debug` instead, for the counters in window.__callDebug.
 */
export async function joinThroughUi(page: Page, channel: string, name?: string, { debug = false } = {}) {
  if (debug) {
    await page.goto(`/call/${encodeURIComponent(channel)}?debug`);
  } else {
    await page.goto('/');
    await page.getByLabel('Channel name').fill(channel);
    await page.getByLabel('Channel name').press('Enter');
  }
  if (name !== undefined) await page.getByLabel('Your name').fill(name);
  await page.getByRole('button', { name: 'Join call' }).click({ timeout: 20_000 });
  await expect(page.getByTestId('connection-status')).toHaveText('Connected', { timeout: 15_000 });
}

export const remoteTiles = (page: Page) => page.locator('[data-testid^=remote-tile-]');

/**
 * Asserts a remote video is playing live frames (its clock advances) at a real resolution, and
 * returns that resolution. By default the first person's; `selector` picks another (a screen),
 * `nth` another person's.
 */
export async function expectLiveRemoteVideo(page: Page, { selector = '[data-testid=remote-video]', nth = 0, timeout = 10_000 } = {}) {
  const video = page.locator(`${selector} video`).nth(nth);
  await expect(video).toBeVisible({ timeout });
  const time = () => video.evaluate((element: HTMLVideoElement) => element.currentTime);
  const start = await time();
  await expect.poll(time, { timeout }).toBeGreaterThan(start + 0.3);
  const size = await video.evaluate((element: HTMLVideoElement) => ({ width: element.videoWidth, height: element.videoHeight }));
  expect(size.width).toBeGreaterThan(0);
  return size;
}

/** Ada and Bob, each in their own browser, joined by name to a new channel; resolves once each sees the other's name. */
export async function adaAndBob(browser: Browser, baseURL: string, prefix: string) {
  const channel = `${prefix}-${Date.now()}`;
  const ada = await openParticipant(browser, baseURL);
  const bob = await openParticipant(browser, baseURL);
  await joinThroughUi(ada, channel, 'Ada');
  await joinThroughUi(bob, channel, 'Bob');
  await expect(remoteTiles(bob).getByTestId('tile-label')).toHaveText('Ada', { timeout: 15_000 });
  await expect(remoteTiles(ada).getByTestId('tile-label')).toHaveText('Bob', { timeout: 15_000 });
  return { ada, bob, channel };
}

/** Opens People or Chat from the toolbar (if it is not open already). */
export async function openPanel(page: Page, which: 'People' | 'Chat') {
  const button = page.getByRole('toolbar', { name: 'Call controls' }).getByRole('button', { name: new RegExp(`^${which}`) });
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
  return page.getByRole('complementary', { name: new RegExp(`^${which}`) });
}

/** Sends a chat message through the chat panel. */
export async function sendChat(page: Page, text: string) {
  const chat = await openPanel(page, 'Chat');
  await chat.getByLabel('Message', { exact: true }).fill(text);
  await chat.getByRole('button', { name: 'Send' }).click();
  await expect(chat.getByLabel('Message', { exact: true })).toHaveValue('');
}

/** The call page's debug surface (README → Debugging a call): present only on pages opened with `?debug`. */
const callDebug = async (page: Page) => {
  const debug = await page.evaluate(() => window.__callDebug);
  if (!debug) throw new Error('window.__callDebug is not set: open the call page with ?debug (joinThroughUi(…, { debug: true }))');
  return debug;
};

export const renewals = async (page: Page) => (await callDebug(page)).call.renewals;
export const rejoins = async (page: Page) => (await callDebug(page)).call.rejoins;
export const signalingRenewals = async (page: Page) => (await callDebug(page)).signaling?.renewals ?? 0;
export const signalingRelogins = async (page: Page) => (await callDebug(page)).signaling?.relogins ?? 0;
