import type { Route } from '@playwright/test';
import {
  adaAndBob,
  callNotice,
  connectionStatus,
  expectLiveRemoteVideo,
  joinThroughUi,
  messages,
  openPanel,
  openParticipant,
  rejoins,
  remoteTiles,
  renewals,
  screenTiles,
  sendChat,
  signalingRelogins,
  signalingRenewals,
  toast,
} from './support/call-page';
import { expect, requireMode, requireShortTokens, test } from './support/fixtures';

// Real calls between browser contexts. Locally they run in local mode (WebRTC on loopback, the
// app's own signaling and token enforcement); against an Agora-mode deployment the specs that make
// sense with real Agora run with the same assertions. Each spec uses its own channel.

test('two people in one channel see and hear each other; toggles and Leave show on the other side', async ({
  browser,
  baseURL,
}) => {
  const channel = `duo-${Date.now()}`;
  const alice = await openParticipant(browser, baseURL!);
  const bob = await openParticipant(browser, baseURL!);
  await joinThroughUi(alice, channel);
  await joinThroughUi(bob, channel);

  await expect(remoteTiles(alice)).toHaveCount(1, { timeout: 10_000 });
  await expect(remoteTiles(bob)).toHaveCount(1, { timeout: 10_000 });
  await expectLiveRemoteVideo(alice);
  await expectLiveRemoteVideo(bob);
  await expect(remoteTiles(alice).getByRole('img', { name: 'microphone off' })).toHaveCount(0);

  await bob.getByRole('button', { name: 'Turn camera off' }).click();
  await bob.getByRole('button', { name: 'Mute microphone' }).click();
  await expect(remoteTiles(alice).getByRole('img', { name: 'camera off' })).toBeVisible();
  await expect(remoteTiles(alice).getByRole('img', { name: 'microphone off' })).toBeVisible();
  await expect(remoteTiles(alice).locator('video')).toHaveCount(0);

  await bob.getByRole('button', { name: 'Turn camera on' }).click();
  await bob.getByRole('button', { name: 'Unmute microphone' }).click();
  await expect(remoteTiles(alice).getByRole('img', { name: 'camera off' })).toHaveCount(0);
  await expectLiveRemoteVideo(alice);

  await bob.getByRole('button', { name: 'Leave' }).click();
  await expect(bob.getByRole('heading', { name: 'You left the call' })).toBeVisible();
  await expect(remoteTiles(alice)).toHaveCount(0, { timeout: 5_000 });
  await alice.context().close();
  await bob.context().close();
});

test('a third person joining sees both others live, and both see them', async ({ browser, baseURL }) => {
  // The newcomer's first offer rides on its join to one of them; the other gets an offer of its own.
  const channel = `trio-${Date.now()}`;
  const people = await Promise.all([0, 1, 2].map(() => openParticipant(browser, baseURL!)));
  for (const page of people) {
    await joinThroughUi(page, channel);
    await expect(connectionStatus(page)).toHaveText('Connected', { timeout: 10_000 });
  }
  for (const page of people) {
    await expect(remoteTiles(page)).toHaveCount(2, { timeout: 10_000 });
    await expect(remoteTiles(page).locator('video')).toHaveCount(2, { timeout: 10_000 });
    await expectLiveRemoteVideo(page, { nth: 0 });
    await expectLiveRemoteVideo(page, { nth: 1 });
  }
  for (const page of people) await page.context().close();
});

test('someone in another channel sees neither of them', async ({ browser, baseURL }) => {
  const channel = `pair-${Date.now()}`;
  const alice = await openParticipant(browser, baseURL!);
  const bob = await openParticipant(browser, baseURL!);
  const carol = await openParticipant(browser, baseURL!);
  await joinThroughUi(alice, channel);
  await joinThroughUi(bob, channel);
  await joinThroughUi(carol, `${channel}-elsewhere`);
  await expect(remoteTiles(alice)).toHaveCount(1);
  await carol.waitForTimeout(2000);
  await expect(remoteTiles(carol)).toHaveCount(0);
  await expect(carol.getByText('Waiting for others to join')).toBeVisible();
  await expect(remoteTiles(alice)).toHaveCount(1);
  for (const page of [alice, bob, carol]) await page.context().close();
});

test('a closed tab disappears for the others within a few seconds', async ({ browser, baseURL, targetMode }) => {
  requireMode(targetMode, 'local', "the local engine's 4 s stream timeout; Agora's own timeout is longer");
  const channel = `gone-${Date.now()}`;
  const alice = await openParticipant(browser, baseURL!);
  const bob = await openParticipant(browser, baseURL!);
  await joinThroughUi(alice, channel);
  await joinThroughUi(bob, channel);
  await expect(remoteTiles(alice)).toHaveCount(1, { timeout: 10_000 });
  await bob.context().close();
  await expect(remoteTiles(alice)).toHaveCount(0, { timeout: 8_000 });
  await alice.context().close();
});

// A page that goes away says so itself (its leave and logout requests outlive it), so the others
// see the person go at once. The bound below is shorter than the server's own timeout for a
// silent stream (STREAM_GRACE_MS, 2 s; it was 4 s, and 4-5 s is what people saw before): only
// the page's own leave can meet it. Playwright's default 5 s would pass either way.
const SOONER_THAN_THE_STREAM_TIMEOUT = { timeout: 1500 };

test('someone who navigates away or closes the tab is gone for the others at once, screen too', async ({
  browser,
  baseURL,
  targetMode,
}) => {
  // And they are told who left.
  requireMode(targetMode, 'local', "the bound is below the local server's stream timeout; Agora's own timeouts differ");
  const { ada, bob, channel } = await adaAndBob(browser, baseURL!, 'goodbye');
  await bob.getByRole('button', { name: 'Share screen' }).click();
  await expect(screenTiles(ada)).toBeVisible({ timeout: 15_000 });

  await bob.goto('/'); // navigates away while presenting
  await expect(remoteTiles(ada)).toHaveCount(0, SOONER_THAN_THE_STREAM_TIMEOUT);
  await expect(screenTiles(ada)).toHaveCount(0, SOONER_THAN_THE_STREAM_TIMEOUT);
  await expect(toast(ada)).toHaveText('Bob left');

  await joinThroughUi(bob, channel, 'Bobby');
  await expect(remoteTiles(ada)).toHaveAccessibleName('Bobby', { timeout: 15_000 });
  await bob.close({ runBeforeUnload: true }); // the tab is closed
  await expect(remoteTiles(ada)).toHaveCount(0, SOONER_THAN_THE_STREAM_TIMEOUT);
  await expect(toast(ada)).toHaveText('Bobby left');
  await expect(ada.getByText('Waiting for others to join')).toBeVisible();
  for (const page of [ada, bob]) await page.context().close();
});

test('with 40 s tokens the call and its chat stay up across two expiries, both tokens renewing each time', async ({
  browser,
  baseURL,
  request,
}) => {
  test.setTimeout(120_000);
  await requireShortTokens(request);
  const channel = `renew-${Date.now()}`;
  const alice = await openParticipant(browser, baseURL!);
  const bob = await openParticipant(browser, baseURL!);
  const renewalsSeen: number[] = [];
  const signalingTokens: number[] = [];
  alice.on('response', (response) => {
    if (/\/api\/rtc\/renew-\d+\/publisher\/uid\/\d+\//.test(response.url()) && response.ok())
      renewalsSeen.push(Date.now());
    if (/\/api\/rtm\/\d+\//.test(response.url()) && response.ok()) signalingTokens.push(Date.now());
  });
  await joinThroughUi(alice, channel, 'Alice', { debug: true });
  await joinThroughUi(bob, channel, 'Bob');
  const joinedAt = Date.now();
  await expectLiveRemoteVideo(bob);

  // Tokens last 40 s and renew 30 s ahead: by 55 s two original expiry times have passed.
  for (const expected of [1, 2, 3, 4]) {
    await expect.poll(() => renewals(alice), { timeout: 20_000 }).toBeGreaterThanOrEqual(expected);
    await expect(connectionStatus(alice)).toHaveText('Connected');
  }
  await expect.poll(() => Date.now() - joinedAt, { timeout: 30_000 }).toBeGreaterThan(55_000);
  expect(await rejoins(alice)).toBe(0);
  expect(renewalsSeen.length).toBeGreaterThanOrEqual(4);
  await expectLiveRemoteVideo(bob);
  await expectLiveRemoteVideo(alice);

  // Signaling's own token renewed too (first login + at least two renewals), with no re-login, and chat still works.
  await expect.poll(() => signalingRenewals(alice), { timeout: 20_000 }).toBeGreaterThanOrEqual(2);
  expect(signalingTokens.length).toBeGreaterThanOrEqual(3);
  expect(await signalingRelogins(alice)).toBe(0);
  await sendChat(bob, 'still here after two expiries');
  const chat = await openPanel(alice, 'Chat');
  await expect(messages(chat).getByRole('paragraph').last()).toHaveText('still here after two expiries', {
    timeout: 10_000,
  });
  await expect(remoteTiles(alice)).toHaveAccessibleName('Bob');
  for (const page of [alice, bob]) await page.context().close();
});

test('when renewal keeps failing: warned, dropped at expiry with a clear message, back when the API recovers', async ({
  browser,
  baseURL,
  targetMode,
  request,
}) => {
  requireMode(targetMode, 'local', 'expiry enforced by the local engine on a 40 s token');
  await requireShortTokens(request);
  test.setTimeout(120_000);
  const channel = `expire-${Date.now()}`;
  const alice = await openParticipant(browser, baseURL!);
  const bob = await openParticipant(browser, baseURL!);
  await joinThroughUi(alice, channel, undefined, { debug: true });
  await joinThroughUi(bob, channel);
  await expect(remoteTiles(bob)).toHaveCount(1, { timeout: 10_000 });

  const failing = (route: Route) =>
    route.fulfill({ status: 500, contentType: 'application/json', body: '{"error":"token service down (test)"}' });
  await alice.route('**/api/rtc/**', failing);
  await expect(callNotice(alice, 'Could not renew your access token')).toBeVisible({ timeout: 20_000 });
  await expect(callNotice(alice, 'the call will drop at')).toBeVisible();

  // It says what happened: the renewals failed until the token ran out (not just "expired").
  await expect(
    callNotice(
      alice,
      'renewing the access token kept failing (could not get an access token) until the old token ran out',
    ),
  ).toBeVisible({ timeout: 40_000 });
  await expect(connectionStatus(alice)).toHaveText('Reconnecting with a fresh token…');
  await expect(remoteTiles(bob)).toHaveCount(0, { timeout: 5_000 });

  await alice.unroute('**/api/rtc/**', failing);
  await expect(connectionStatus(alice)).toHaveText('Connected', { timeout: 20_000 });
  await expect(callNotice(alice, 'You were reconnected; the call continues.')).toBeVisible();
  expect(await rejoins(alice)).toBe(1);
  await expect(remoteTiles(bob)).toHaveCount(1, { timeout: 10_000 });
  await expectLiveRemoteVideo(bob);
  await expectLiveRemoteVideo(alice);
  for (const page of [alice, bob]) await page.context().close();
});
