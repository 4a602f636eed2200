import {
  adaAndBob,
  expectLiveRemoteVideo,
  expectTileNames,
  localTile,
  remoteTiles,
  screenTiles,
  stage,
  stageMain,
  stageStrip,
  tile,
} from './support/call-page';
import { expect, test } from './support/fixtures';

// Screen share, speaking and connection-quality marks, and the layouts, between real browsers.
// Chromium with --use-fake-ui-for-media-stream (playwright.config.ts) answers getDisplayMedia at
// once with a fake "screen" (1920x1080 in Chromium 150; 1280x720 in older ones), distinct from the
// 640x480 fake camera; its fake microphone beeps, which is the "sound" the speaking indicator hears.

test('a shared screen takes the stage for everyone, labelled with whose it is; Stop ends it on both sides', async ({
  browser,
  baseURL,
}) => {
  const { ada, bob } = await adaAndBob(browser, baseURL!, 'share');

  await ada.getByRole('button', { name: 'Share screen' }).click();
  const presenting = ada.getByRole('status').filter({ hasText: 'You are presenting' });
  await expect(presenting).toBeVisible();
  await expect(stageMain(ada)).toHaveAccessibleName('Your screen');
  await expect(ada.getByText(/presenting/), 'the presenter is told once, by the bar with Stop').toHaveCount(1);

  await expect(stageMain(bob)).toHaveAccessibleName("Ada's screen", { timeout: 15_000 });
  const size = await expectLiveRemoteVideo(bob, { tiles: stageMain(bob), timeout: 15_000 });
  expect(size.width, 'the screen, not the 640x480 camera').toBeGreaterThan(640);
  await expect(bob.getByRole('region', { name: 'Stage: shared screen' })).toBeVisible();
  // The others (Ada's camera, Bob himself) sit in the strip; the screen is not an extra person.
  await expectTileNames(stageStrip(bob).getByRole('figure'), ['Bob (you)', 'Ada']);
  const peopleButton = bob.getByRole('button', { name: 'People (2)' });
  await expect(peopleButton.getByText('2', { exact: true })).toBeVisible();

  // One presenter at a time. Bob, on a phone-sized screen, is told so below the header, not over it.
  await bob.setViewportSize({ width: 390, height: 844 });
  await bob.getByRole('button', { name: 'Share screen' }).click();
  const refusal = bob.getByRole('status').filter({ hasText: 'Ada is presenting' });
  await expect(refusal).toHaveText(/^Ada is presenting\. One person presents at a time: ask them to stop first\./);
  const [header, notice] = [(await bob.locator('header').boundingBox())!, (await refusal.boundingBox())!];
  expect(notice.y, 'the notice starts below the header').toBeGreaterThanOrEqual(header.y + header.height);

  await presenting.getByRole('button', { name: 'Stop' }).click();
  await expect(presenting).toHaveCount(0);
  await expect(screenTiles(bob)).toHaveCount(0, { timeout: 10_000 });
  // It went with Ada's screen, in the same moment, not some seconds later.
  expect(await refusal.count()).toBe(0);
  await expect(tile(ada, 'Your screen')).toHaveCount(0);
  await expect(stage(bob)).toHaveCount(0);
  await expect(ada.getByRole('button', { name: 'Share screen' })).toBeVisible();
  for (const page of [ada, bob]) await page.context().close();
});

test('who is speaking lights up on their tile; each tile shows its connection quality in words', async ({
  browser,
  baseURL,
}) => {
  const { ada, bob } = await adaAndBob(browser, baseURL!, 'speak');
  const adaOnBob = remoteTiles(bob);

  // Ada's fake microphone beeps: Bob sees her tile marked as speaking at some point (the green ring;
  // screen readers hear "speaking" with her name).
  const speaking = adaOnBob.getByText('speaking', { exact: true });
  await expect.poll(() => speaking.count(), { timeout: 15_000, intervals: [100] }).toBe(1);
  // Muted, she never does.
  await ada.getByRole('button', { name: 'Mute microphone' }).click();
  await expect(adaOnBob.getByRole('img', { name: 'microphone off' })).toBeVisible();
  await bob.waitForTimeout(1500);
  const samples: number[] = [];
  for (let i = 0; i < 15; i++) {
    samples.push(await speaking.count());
    await bob.waitForTimeout(100);
  }
  expect(samples.every((sample) => sample === 0)).toBe(true);

  const mark = adaOnBob.getByRole('img', { name: /^Connection: / });
  await expect(mark).toHaveAccessibleName(/^Connection: (excellent|good) \(round trip \d+ ms, [\d.]+ % loss\)$/, {
    timeout: 15_000,
  });
  await expect(localTile(bob).getByRole('img', { name: /^Connection: / })).toHaveAccessibleName(
    /^Connection: (excellent|good)$/,
  );
  await expect(localTile(bob).getByRole('meter', { name: 'Your microphone level' })).toBeVisible();
  for (const page of [ada, bob]) await page.context().close();
});

test('layouts: pin a tile to the stage from the keyboard; speaker view follows who speaks', async ({
  browser,
  baseURL,
}) => {
  const { ada, bob } = await adaAndBob(browser, baseURL!, 'layout');

  const pin = bob.getByRole('button', { name: 'Pin Ada' });
  await pin.focus();
  await bob.keyboard.press('Enter');
  await expect(bob.getByRole('region', { name: 'Stage: pinned tile' })).toBeVisible();
  await expect(stageMain(bob)).toHaveAccessibleName('Ada');
  await bob.getByRole('button', { name: 'Unpin Ada' }).click();
  await expect(stage(bob)).toHaveCount(0);

  await bob.getByRole('button', { name: 'More options' }).click();
  await bob.getByRole('menuitem', { name: 'Speaker view' }).click();
  await expect(bob.getByRole('region', { name: 'Stage: active speaker' })).toBeVisible();
  await expect(stageMain(bob)).toHaveAccessibleName('Ada');
  await bob.getByRole('button', { name: 'More options' }).click();
  await bob.getByRole('menuitem', { name: 'Grid view' }).click();
  await expect(stage(bob)).toHaveCount(0);
  for (const page of [ada, bob]) await page.context().close();
});
