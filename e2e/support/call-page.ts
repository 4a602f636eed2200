import type { Browser, Locator, Page } from '@playwright/test';
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
  await expect(connectionStatus(page)).toHaveText('Connected', { timeout: 15_000 });
}

/** The call's connection state in words ("Connected", "Reconnecting…"), beside the channel name. */
export const connectionStatus = (page: Page) => page.getByRole('status', { name: 'Connection' });

/** Tiles are figures named by their caption: "Ada (you)", "Your screen", "Ada's screen", or the person's name. */
export const tile = (page: Page | Locator, name: string) => page.getByRole('figure', { name, exact: true });
export const localTile = (page: Page) => page.getByRole('figure', { name: / \(you\)$/ });
/** Everyone else's tiles, in the order shown: the figures that are neither yours nor a screen. */
export const remoteTiles = (page: Page | Locator) =>
  page.getByRole('figure', { name: /^(?!.* \(you\)$)(?!.*'s screen$)(?!Your screen$)/ });
export const screenTiles = (page: Page | Locator) => page.getByRole('figure', { name: /'s screen$/ });

/** Asserts the tiles' names, in order. */
export async function expectTileNames(tiles: Locator, names: string[], { timeout = 5_000 } = {}) {
  await expect(tiles).toHaveCount(names.length, { timeout });
  for (const [index, name] of names.entries()) await expect(tiles.nth(index)).toHaveAccessibleName(name, { timeout });
}

/** The stage (speaker view, a pinned tile or a shared screen): a region named "Stage: …". */
export const stage = (page: Page) => page.getByRole('region', { name: /^Stage: / });
/** The stage's large tile: it comes first, before the strip of everyone else. */
export const stageMain = (page: Page) => stage(page).getByRole('figure').first();
export const stageStrip = (page: Page) => stage(page).getByRole('list', { name: 'Others in the call' });

/** The short notice at the top of the screen ("Bob left", "Invite link copied: …"). */
export const toast = (page: Page) => page.getByRole('status', { name: 'Notification' });
/** What the call page reads out to screen readers (new messages, raised hands). */
export const announcer = (page: Page) => page.getByRole('status', { name: 'Announcements' });
/**
 * The call's notice under the header (a warning is an alert, news a status) holding `text`: the
 * named live regions (Connection, Notification, Announcements) are not it.
 */
export const callNotice = (page: Page, text: string) =>
  page
    .getByRole('alert')
    .or(page.getByRole('status', { name: /^$/ }))
    .filter({ hasText: text });

/** The alert that replaces the tiles when the call cannot go on. */
export const callProblem = (page: Page) => page.getByRole('alert').filter({ has: page.getByRole('heading') });

/**
 * Asserts a remote video is playing live frames (its clock advances) at a real resolution, and
 * returns that resolution. By default the first person's; `tiles` picks others (a screen),
 * `nth` another person's.
 */
export async function expectLiveRemoteVideo(page: Page, { tiles = remoteTiles(page), nth = 0, timeout = 10_000 } = {}) {
  const video = tiles.locator('video').nth(nth);
  await expect(video).toBeVisible({ timeout });
  const time = () => video.evaluate((element: HTMLVideoElement) => element.currentTime);
  const start = await time();
  await expect.poll(time, { timeout }).toBeGreaterThan(start + 0.3);
  const size = await video.evaluate((element: HTMLVideoElement) => ({
    width: element.videoWidth,
    height: element.videoHeight,
  }));
  expect(size.width).toBeGreaterThan(0);
  return size;
}

/**
 * Ada and Bob, each in their own browser, joined by name to a new channel; resolves once each sees
 * the other's name.
 */
export async function adaAndBob(browser: Browser, baseURL: string, prefix: string) {
  const channel = `${prefix}-${Date.now()}`;
  const ada = await openParticipant(browser, baseURL);
  const bob = await openParticipant(browser, baseURL);
  await joinThroughUi(ada, channel, 'Ada');
  await joinThroughUi(bob, channel, 'Bob');
  await expect(remoteTiles(bob)).toHaveAccessibleName('Ada', { timeout: 15_000 });
  await expect(remoteTiles(ada)).toHaveAccessibleName('Bob', { timeout: 15_000 });
  return { ada, bob, channel };
}

/** Opens People or Chat from the toolbar (if it is not open already). */
export async function openPanel(page: Page, which: 'People' | 'Chat') {
  const button = page
    .getByRole('toolbar', { name: 'Call controls' })
    .getByRole('button', { name: new RegExp(`^${which}`) });
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
  return page.getByRole('complementary', { name: new RegExp(`^${which}`) });
}

/** The messages in an open chat panel, oldest first; each one's text is its paragraph. */
export const messages = (chat: Locator) => chat.getByRole('log', { name: 'Messages' }).getByRole('listitem');

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
  if (!debug)
    throw new Error(
      'window.__callDebug is not set: open the call page with ?debug (joinThroughUi(…, { debug: true }))',
    );
  return debug;
};

export const renewals = async (page: Page) => (await callDebug(page)).call.renewals;
export const rejoins = async (page: Page) => (await callDebug(page)).call.rejoins;
export const signalingRenewals = async (page: Page) => (await callDebug(page)).signaling?.renewals ?? 0;
export const signalingRelogins = async (page: Page) => (await callDebug(page)).signaling?.relogins ?? 0;

/**
 * Starts a room from the start page (as a live event when `live`), as its host: the prejoin says so;
 * joins under `name` and waits until connected.
 */
export async function startRoomAsHost(page: Page, channel: string, name: string, { live = false } = {}) {
  await page.goto('/');
  await page.getByLabel('Channel name').fill(channel);
  if (live) await page.getByRole('checkbox', { name: /Live event/ }).check();
  await page.getByRole('button', { name: 'Join', exact: true }).click();
  await expect(page.getByText('You are a host of this room')).toBeVisible({ timeout: 15_000 });
  await page.getByLabel('Your name').fill(name);
  await page.getByRole('button', { name: 'Join call' }).click({ timeout: 20_000 });
  await expect(connectionStatus(page)).toHaveText('Connected', { timeout: 15_000 });
}
