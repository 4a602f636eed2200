import { existsSync } from 'node:fs';
import { chromium, type Locator, type Page } from '@playwright/test';
import { connectionStatus, joinThroughUi, localTile, openParticipant, remoteTiles, toast } from './support/call-page';
import { expect, modeOf, newParticipantContext, requireMode, test } from './support/fixtures';

// What a new user meets in the first five minutes: the landing page, bad links, the call screen's
// layout at phone and desktop sizes, its controls from the keyboard, leaving and coming back.

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };

/** Nothing the person needs may sit behind the control bar, and every control is on screen. */
async function expectClearOfControls(page: Page, parts: Locator) {
  const toolbar = await page.getByRole('toolbar', { name: 'Call controls' }).boundingBox();
  const width = page.viewportSize()!.width;
  for (const button of await page.getByRole('toolbar', { name: 'Call controls' }).getByRole('button').all()) {
    const box = (await button.boundingBox())!;
    expect(box.x, `${await button.getAttribute('aria-label')} starts off screen`).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width, `${await button.getAttribute('aria-label')} ends off screen`).toBeLessThanOrEqual(width);
  }
  for (const box of await parts.evaluateAll((elements) =>
    elements.map((element) => element.getBoundingClientRect().toJSON()),
  )) {
    expect(box.bottom, `${parts} ends at ${box.bottom}, the controls start at ${toolbar!.y}`).toBeLessThanOrEqual(
      toolbar!.y,
    );
    expect(box.top).toBeGreaterThanOrEqual(0);
  }
}

test.describe('landing and links', () => {
  test('spaces around a channel name are dropped: "  padded  " is the room "padded"', async ({ page }) => {
    await page.goto('/');
    await page.getByLabel('Channel name').fill('  padded  ');
    await expect(page.getByLabel('Channel name')).toHaveAttribute('aria-invalid', 'false');
    await page.getByLabel('Channel name').press('Enter');
    await expect(page).toHaveURL(/\/call\/padded$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('padded');
  });

  test('a name in another script: counted in characters, refused in words, with a usable name offered', async ({
    page,
  }) => {
    await page.goto('/');
    const input = page.getByLabel('Channel name');
    await input.fill('غرفة الاجتماع');
    await expect(page.getByText('13/64', { exact: true })).toBeVisible();
    const refused = '"\u2068غ\u2069", "\u2068ر\u2069", "\u2068ف\u2069" and 7 other characters';
    await expect(input).toHaveAccessibleDescription(
      new RegExp(`^A channel name cannot contain ${refused}\\. Use English letters`),
    );
    // Nothing of it can be kept, so a random name is offered.
    const offer = page.getByRole('button', { name: /^Use [a-z]+-[a-z]+-\d{4}$/ });
    const offered = (await offer.textContent())!.replace(/^Use /, '');
    await offer.click();
    await expect(input).toHaveValue(offered);
    await expect(input).toHaveAttribute('aria-invalid', 'false');

    await input.fill('Café Müller');
    await page.getByRole('button', { name: 'Use Cafe Muller' }).click();
    await input.press('Enter');
    await expect(page).toHaveURL(/\/call\/Cafe%20Muller$/);
  });

  test('Enter pressed before the page is alive opens the call, and an invalid name comes back kept', async ({
    page,
  }) => {
    // Hold the page's JavaScript back so the browser itself sends the form.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/_next/static/chunks/**', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto('/', { waitUntil: 'commit' });
    await page.getByLabel('Channel name').fill(' early bird ');
    await page.getByLabel('Channel name').press('Enter');
    await expect(page).toHaveURL(/\/call\/early%20bird$/);
    release();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('early bird');

    await page.unrouteAll();
    let releaseAgain = () => {};
    const heldAgain = new Promise<void>((resolve) => (releaseAgain = resolve));
    await page.route('**/_next/static/chunks/**', async (route) => {
      await heldAgain;
      await route.continue();
    });
    await page.goto('/', { waitUntil: 'commit' });
    await page.getByLabel('Channel name').fill('café');
    await page.getByLabel('Channel name').press('Enter');
    await expect(page).toHaveURL(/\/\?channel=caf%C3%A9$/);
    releaseAgain();
    await expect(page.getByLabel('Channel name')).toHaveValue('café');
    await expect(page.getByLabel('Channel name')).toHaveAccessibleDescription(
      /^A channel name cannot contain "\u2068é\u2069"/,
    );
  });

  test('the start page shows the "Local mode" badge exactly when the server runs in local mode', async ({
    page,
    request,
    baseURL,
  }) => {
    for (const base of new Set([baseURL!, process.env.E2E_AGORA_BASE_URL!])) {
      const mode = await modeOf(request, base);
      const health = page.waitForResponse('**/api/health');
      await page.goto(`${base}/`);
      await health;
      if (mode === 'local') {
        await expect(page.getByText('Local mode', { exact: true })).toBeVisible();
        await expect(page.getByText('Calls stay on this server.')).toBeVisible();
      } else {
        await expect(page.getByLabel('Channel name')).toBeVisible();
        await expect(page.getByText('Local mode', { exact: true })).toHaveCount(0);
      }
    }
  });

  test('a call link with a too-long name speaks like the landing page, not like the API', async ({ page }) => {
    await page.goto(`/call/${'a'.repeat(100)}`);
    await expect(page.getByRole('heading', { name: 'This call link is not valid' })).toBeVisible();
    const alert = page.getByRole('alert').filter({ hasText: 'bytes long' });
    await expect(alert).toContainText('The channel name is 100 bytes long; the maximum is 64.');
    await expect(alert).not.toContainText('channelName');
  });

  for (const path of ['/call/', '/call/.', '/no-such-page']) {
    test(`${path} shows a styled not-found page with a way home`, async ({ page }) => {
      const response = await page.goto(path);
      expect(response!.status()).toBe(404);
      await expect(page.getByRole('heading', { name: 'There is nothing here' })).toBeVisible();
      await page.getByRole('link', { name: 'Start or join a call' }).click();
      await expect(page).toHaveURL(/\/$/);
      await expect(page.getByLabel('Channel name')).toBeVisible();
    });
  }
});

test.describe('the call screen', () => {
  for (const [name, viewport] of Object.entries({ phone: PHONE, desktop: DESKTOP })) {
    test(`on a ${name}, alone: an invite card with the link, then two people fill the screen`, async ({
      browser,
      baseURL,
    }) => {
      // Nothing is under the controls.
      const context = await newParticipantContext(browser, baseURL!);
      await context.grantPermissions(['camera', 'microphone', 'clipboard-read', 'clipboard-write']);
      const alice = await context.newPage();
      await alice.setViewportSize(viewport);
      const channel = `layout-${name}-${Date.now()}`;
      await joinThroughUi(alice, channel);

      const card = alice.getByRole('region', { name: 'Invite others' });
      await expect(card).toBeVisible();
      await expect(card.getByText(`${baseURL}/call/${channel}`, { exact: true })).toBeVisible();
      await expectClearOfControls(alice, localTile(alice).or(card));
      await card.getByRole('button', { name: 'Copy link' }).click();
      await expect(toast(alice)).toHaveText(`Invite link copied: ${baseURL}/call/${channel}`);
      expect(await alice.evaluate(() => navigator.clipboard.readText())).toBe(`${baseURL}/call/${channel}`);

      const bob = await openParticipant(browser, baseURL!);
      await joinThroughUi(bob, channel);
      await expect(remoteTiles(alice)).toHaveCount(1, { timeout: 10_000 });
      await expect(card).toHaveCount(0);
      await expectClearOfControls(alice, localTile(alice).or(remoteTiles(alice)));
      const [self, other] = await Promise.all([localTile(alice).boundingBox(), remoteTiles(alice).boundingBox()]);
      if (name === 'desktop') {
        expect(Math.abs(self!.y - other!.y), 'side by side').toBeLessThan(2);
        expect(self!.width, 'tiles use the width').toBeGreaterThan(viewport.width * 0.4);
      } else {
        expect(other!.y, 'stacked').toBeGreaterThan(self!.y + self!.height - 1);
        expect(self!.height + other!.height, 'tiles use the height').toBeGreaterThan(viewport.height * 0.7);
      }
      await bob.context().close();
      await context.close();
    });
  }

  test('keyboard: Ctrl+D and Ctrl+E switch mic and camera, Escape closes the device panel', async ({ page }) => {
    // The controls are a toolbar.
    await joinThroughUi(page, `keys-${Date.now()}`);
    const mic = page.getByRole('button', { name: 'Mute microphone' });
    await expect(mic).toHaveAttribute('title', 'Mute microphone (Ctrl+D)');
    await expect(mic).not.toHaveAttribute('aria-pressed');
    await page.keyboard.press('Control+d');
    await expect(page.getByRole('button', { name: 'Unmute microphone' })).toBeVisible();
    await page.keyboard.press('Control+e');
    await expect(page.getByRole('button', { name: 'Turn camera on' })).toBeVisible();
    await expect(localTile(page).getByRole('img', { name: 'camera off' })).toBeVisible();
    await page.keyboard.press('Control+e');
    await page.keyboard.press('Control+d');
    await expect(page.getByRole('button', { name: 'Mute microphone' })).toBeVisible();

    const toolbar = page.getByRole('toolbar', { name: 'Call controls' });
    await toolbar.getByRole('button', { name: 'Mute microphone' }).focus();
    await page.keyboard.press('ArrowRight');
    await expect(toolbar.getByRole('button', { name: 'Turn camera off' })).toBeFocused();
    await page.keyboard.press('End');
    await expect(toolbar.getByRole('button', { name: 'Leave' })).toBeFocused();

    const more = toolbar.getByRole('button', { name: 'More options' });
    await more.click();
    await expect(page.getByRole('menuitem', { name: 'Choose devices' })).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(page.getByRole('menuitem', { name: 'Copy invite link' })).toBeFocused();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('dialog', { name: 'Devices' })).toBeVisible();
    await expect(page.getByRole('dialog', { name: 'Devices' }).getByLabel('Camera')).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog', { name: 'Devices' })).toHaveCount(0);
    await expect(more).toBeFocused();
  });

  test('the header speaks to people: no "Secure token", the token state is there for screen readers', async ({
    page,
  }) => {
    await joinThroughUi(page, `words-${Date.now()}`);
    await expect(page.getByText('Secure token')).toHaveCount(0);
    await expect(page.getByText(/^Access token issued for this call, valid until /)).toBeAttached();
  });
});

test('a call link starts the camera while the page loads, and the app adopts that capture', async ({
  browser,
  baseURL,
}) => {
  // Instead of asking again.
  const context = await newParticipantContext(browser, baseURL!);
  // Counts camera requests from the page's first script on, the inline early capture included.
  await context.addInitScript(() => {
    const devices = navigator.mediaDevices;
    const original = devices.getUserMedia.bind(devices);
    (window as unknown as { cameraRequests: number }).cameraRequests = 0;
    devices.getUserMedia = (constraints) => {
      if (constraints?.video) (window as unknown as { cameraRequests: number }).cameraRequests += 1;
      return original(constraints);
    };
  });
  const page = await context.newPage();
  await page.goto(`/call/early-${Date.now()}`);
  const preview = page.getByRole('region', { name: 'Camera preview' }).locator('video');
  await expect
    .poll(() => preview.evaluate((video: HTMLVideoElement) => video.videoWidth), { timeout: 15_000 })
    .toBeGreaterThan(0);
  expect(await page.evaluate(() => performance.getEntriesByName('call:early-camera').length)).toBe(1);
  await page.getByRole('button', { name: 'Join call' }).click();
  await expect(connectionStatus(page)).toHaveText('Connected', { timeout: 15_000 });
  await expect
    .poll(() =>
      localTile(page)
        .locator('video')
        .evaluate((video: HTMLVideoElement) => video.videoWidth),
    )
    .toBeGreaterThan(0);
  expect(await page.evaluate(() => (window as unknown as { cameraRequests: number }).cameraRequests)).toBe(1);
  await context.close();
});

test('Leave names the room; Rejoin goes straight back in as the same person', async ({ browser, baseURL }) => {
  const channel = `again-${Date.now()}`;
  const alice = await openParticipant(browser, baseURL!);
  const bob = await openParticipant(browser, baseURL!);
  // Bob's uid, from the camera tokens his page asks for: the others know him by it.
  const bobUids: string[] = [];
  bob.on('request', (request) => {
    const uid = /\/rtc\/[^/]+\/publisher\/uid\/(\d+)\//.exec(request.url())?.[1];
    if (uid) bobUids.push(uid);
  });
  await joinThroughUi(alice, channel);
  await joinThroughUi(bob, channel);
  await expect(remoteTiles(alice)).toHaveCount(1, { timeout: 10_000 });
  const uidsBefore = bobUids.length;
  expect(uidsBefore, 'the camera token request').toBeGreaterThan(0);

  await bob.getByRole('button', { name: 'Leave' }).click();
  await expect(bob.getByRole('heading', { name: 'You left the call' })).toBeVisible();
  await expect(
    bob.getByText(`You left ${channel}. Your camera and microphone are off.`, { exact: true }),
  ).toBeVisible();
  await expect(bob.getByRole('link', { name: 'Home' })).toHaveAttribute('href', '/');
  await expect(remoteTiles(alice)).toHaveCount(0, { timeout: 5_000 });

  await bob.getByRole('button', { name: 'Rejoin' }).click();
  await expect(connectionStatus(bob)).toHaveText('Connected', { timeout: 15_000 });
  await expect(bob.getByRole('button', { name: 'Join call' })).toHaveCount(0);
  await expect(remoteTiles(alice)).toHaveCount(1, { timeout: 10_000 });
  expect(bobUids.length, 'Rejoin asked for a fresh token').toBeGreaterThan(uidsBefore);
  expect(new Set(bobUids), 'the same uid as before').toEqual(new Set([bobUids[0]]));
  for (const page of [alice, bob]) await page.context().close();
});

test('a tab closed and reopened within seconds leaves no errors behind on the other side', async ({
  browser,
  baseURL,
  targetMode,
}) => {
  requireMode(targetMode, 'local', "local mode's signaling races");
  const channel = `race-${Date.now()}`;
  const alice = await openParticipant(browser, baseURL!);
  const errors: string[] = [];
  alice.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  alice.on('pageerror', (error) => errors.push(error.message));
  await joinThroughUi(alice, channel);
  for (let round = 0; round < 3; round++) {
    const bob = await openParticipant(browser, baseURL!);
    await joinThroughUi(bob, channel);
    await expect(remoteTiles(alice)).toHaveCount(1, { timeout: 10_000 });
    await bob.context().close();
  }
  await expect(remoteTiles(alice)).toHaveCount(0, { timeout: 8_000 });
  expect(errors).toEqual([]);
  await alice.context().close();
});

test('opened over plain http from another device: the camera needs HTTPS, and you can still join to watch', async ({
  baseURL,
  targetMode,
}) => {
  requireMode(targetMode, 'local', 'it reaches the local test server under another host name');
  // A host name that is not localhost makes plain http an insecure context, as a phone on the LAN sees it.
  const port = new URL(baseURL!).port;
  const executablePath = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => existsSync(path));
  const browser = await chromium.launch({
    executablePath,
    args: ['--host-resolver-rules=MAP lan-device.test 127.0.0.1', '--use-fake-device-for-media-stream'],
  });
  const page = await (await browser.newContext()).newPage();
  await page.goto(`http://lan-device.test:${port}/call/insecure-${Date.now()}`);
  await expect(
    page.getByRole('alert').filter({ hasText: 'Camera and microphone need a secure connection' }),
  ).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText('You can still join to watch and listen.')).toBeVisible();
  await expect(page.getByText('getUserMedia')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Join call' })).toBeEnabled();
  await browser.close();
});
