import type { Browser, Page } from '@playwright/test';
import { expect, newParticipantContext } from './fixtures';

/** A person in their own browser context (own camera, own uid), driving the UI as a user would. */
export async function openParticipant(browser: Browser, baseURL: string) {
  return (await newParticipantContext(browser, baseURL)).newPage();
}

/** Types the channel on the landing page, opens the call, joins and waits until connected. */
export async function joinThroughUi(page: Page, channel: string) {
  await page.goto('/');
  await page.getByLabel('Channel name').fill(channel);
  await page.getByLabel('Channel name').press('Enter');
  await page.getByRole('button', { name: 'Join call' }).click({ timeout: 20_000 });
  await expect(page.getByTestId('connection-status')).toHaveText('Connected', { timeout: 15_000 });
}

export const remoteTiles = (page: Page) => page.locator('[data-testid^=remote-tile-]');

/** Asserts a remote video is playing live frames (its clock advances) at a real resolution. */
export async function expectLiveRemoteVideo(page: Page, timeout = 10_000) {
  const video = page.locator('[data-testid=remote-video] video').first();
  await expect(video).toBeVisible({ timeout });
  const time = () => video.evaluate((element: HTMLVideoElement) => element.currentTime);
  const start = await time();
  await expect.poll(time, { timeout }).toBeGreaterThan(start + 0.3);
  expect(await video.evaluate((element: HTMLVideoElement) => element.videoWidth)).toBeGreaterThan(0);
}

export const renewals = async (page: Page) => Number(await page.getByTestId('token-renewals').getAttribute('data-renewals'));
export const rejoins = async (page: Page) => Number(await page.getByTestId('token-renewals').getAttribute('data-rejoins'));
