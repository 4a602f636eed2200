import type { Page } from '@playwright/test';
import { blockAgora, type AgoraJoinRequest } from './support/agora-network';
import { decodeRtcToken } from './support/access-token';
import { callProblem, connectionStatus } from './support/call-page';
import { expect, modeOf, protectContext, requireMode, test } from './support/fixtures';
import { E2E_AGORA_APP_CERTIFICATE, E2E_AGORA_APP_ID } from './support/test-credentials';

/** Against a deployment the certificate is unknown: check the token's claims, not its signature. */
const againstDeployment = Boolean(process.env.PLAYWRIGHT_BASE_URL);

const agoraBaseURL = process.env.E2E_AGORA_BASE_URL!;
const SDK_MARKER = 'AgoraRTCError';

/** Resolves with the frames a <video> inside the element has played so far. */
/** The prejoin's own camera preview. */
const preview = (page: Page) => page.getByRole('region', { name: 'Camera preview' }).locator('video');

async function videoFrames(page: Page) {
  return preview(page).evaluate((video: HTMLVideoElement) => ({
    width: video.videoWidth,
    time: video.currentTime,
    ready: video.readyState,
  }));
}

test.describe('landing page', () => {
  test('validates the channel name as you type, with the shared rules', async ({ page }) => {
    await page.goto('/');
    const input = page.getByLabel('Channel name');
    await input.fill('café');
    await expect(input).toHaveAccessibleDescription(
      /^A channel name cannot contain "\u2068é\u2069"\. Use English letters without accents/,
    );
    await expect(input).toHaveAttribute('aria-invalid', 'true');
    await input.fill('a'.repeat(65));
    await expect(input).toHaveAccessibleDescription('That is 65 characters; a channel name has at most 64.');
    await input.press('Enter');
    await expect(page).toHaveURL(/\/$/);
    await input.fill('a'.repeat(64));
    await expect(input).toHaveAttribute('aria-invalid', 'false');
  });

  test('Enter opens the shareable, URL-encoded call link', async ({ page }) => {
    await page.goto('/');
    await page.getByLabel('Channel name').fill('team sync #1');
    await page.getByLabel('Channel name').press('Enter');
    await expect(page).toHaveURL(/\/call\/team%20sync%20%231$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('team sync #1');
  });

  test('Random name makes up a valid channel name', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('button', { name: 'Random name' }).click();
    await expect(page.getByLabel('Channel name')).toHaveValue(/^[a-z]+-[a-z]+-\d{4}$/);
    await page.getByRole('button', { name: 'Join', exact: true }).click();
    await expect(page).toHaveURL(/\/call\/[a-z]+-[a-z]+-\d{4}$/);
  });

  test('downloads none of the Agora SDK, which the call page does download', async ({ page, request }) => {
    const scripts = new Map<string, string>();
    page.on('response', async (response) => {
      if (response.request().resourceType() === 'script')
        scripts.set(response.url(), await response.text().catch(() => ''));
    });
    await page.goto('/');
    await page.waitForLoadState('networkidle');
    expect(scripts.size).toBeGreaterThan(0);
    expect([...scripts.entries()].filter(([, body]) => body.includes(SDK_MARKER)).map(([url]) => url)).toEqual([]);

    // Positive control: in Agora mode the call page does load it (local mode needs no SDK at all).
    requireMode(await modeOf(request, agoraBaseURL), 'agora', 'the positive control loads the Agora SDK');
    await protectContext(page.context(), agoraBaseURL);
    await page.goto(`${agoraBaseURL}/call/sdk-check`);
    await expect(page.getByRole('button', { name: 'Join call' })).toBeEnabled({ timeout: 20_000 });
    expect([...scripts.values()].some((body) => body.includes(SDK_MARKER))).toBe(true);
  });
});

test.describe('call page', () => {
  test('an invalid channel shows a friendly error with a way back', async ({ page }) => {
    await page.goto('/call/caf%C3%A9');
    await expect(page.getByRole('heading', { name: 'This call link is not valid' })).toBeVisible();
    await expect(page.getByRole('alert').filter({ hasText: 'The channel name contains "é"' })).toBeVisible();
    await page.getByRole('link', { name: 'Back to the start page' }).click();
    await expect(page).toHaveURL(/\/$/);
  });

  test('a damaged call link returns to the start page and says why', async ({ page }) => {
    await page.goto('/call/a%zz');
    await expect(page).toHaveURL(/\/\?link=broken&channel=a%25zz$/);
    await expect(page.getByRole('alert').filter({ hasText: 'That call link was damaged' })).toBeVisible();
  });

  test('a damaged call link keeps what can be read of the name: /call/50%off offers "50%off"', async ({ page }) => {
    await page.goto('/call/50%off');
    await expect(page.getByRole('alert').filter({ hasText: 'That call link was damaged' })).toContainText(
      'what could be read of its channel name',
    );
    await expect(page.getByLabel('Channel name')).toHaveValue('50%off');
    await page.getByRole('button', { name: 'Join', exact: true }).click();
    await expect(page).toHaveURL(/\/call\/50%25off$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('50%off');
  });

  test('the prejoin preview plays live camera video and shows the microphone level', async ({ page }) => {
    await page.goto('/call/preview-check');
    await expect(preview(page)).toBeVisible({ timeout: 20_000 });
    const first = await videoFrames(page);
    await expect.poll(async () => (await videoFrames(page)).time, { timeout: 10_000 }).toBeGreaterThan(first.time);
    expect((await videoFrames(page)).width).toBe(640);
    const micLevel = async () =>
      Number(await page.getByRole('meter', { name: 'Microphone level' }).getAttribute('aria-valuenow'));
    await expect.poll(micLevel).toBeGreaterThan(0);
    // Muted, the bar rests at zero; unmuted, it follows the microphone again.
    await page.getByRole('button', { name: 'Mute microphone' }).click();
    await expect.poll(micLevel).toBe(0);
    await page.getByRole('button', { name: 'Unmute microphone' }).click();
    await expect.poll(micLevel).toBeGreaterThan(0);

    await page.getByRole('button', { name: 'Turn camera off' }).click();
    await expect(page.getByText('Camera is off')).toBeVisible();
    await page.getByRole('button', { name: 'Turn camera on' }).click();
    await expect(preview(page)).toBeVisible();
  });
});

/**
 * The join request the SDK sent towards Agora carries exactly the minted grant (App ID, channel,
 * uid, token), and that token decodes to this join (signed with our certificate, when it is ours).
 */
function expectJoinCarries(
  join: AgoraJoinRequest,
  grant: { appId: string; uid: number; rtcToken: string },
  channel: string,
) {
  const appId = againstDeployment ? grant.appId : E2E_AGORA_APP_ID;
  expect(join).toEqual({ appid: appId, cname: channel, uid: grant.uid, key: grant.rtcToken });
  const decoded = decodeRtcToken(join.key, againstDeployment ? undefined : E2E_AGORA_APP_CERTIFICATE);
  expect(decoded).toMatchObject({ appId, channel, uid: String(grant.uid) });
  if (!againstDeployment) expect(decoded.signatureValid).toBe(true);
  return decoded;
}

test.describe('Agora mode, offline', () => {
  test.use({ baseURL: agoraBaseURL });

  test('Join sends Agora exactly the token our server minted, then "cannot reach Agora" with a working Retry', async ({
    page,
    targetMode,
  }) => {
    requireMode(targetMode, 'agora', "it intercepts the SDK's join request to Agora");
    const joins = await blockAgora(page);
    const minted = page.waitForResponse((response) =>
      /\/api\/rtc\/agora-room\/publisher\/uid\/\d+\//.test(response.url()),
    );
    await page.goto('/call/agora-room');
    const grant = await (await minted).json();
    expect(grant).toMatchObject({ channel: 'agora-room', role: 'publisher', mode: 'agora' });

    await page.getByRole('button', { name: 'Join call' }).click({ timeout: 20_000 });
    await expect.poll(() => joins.length, { timeout: 10_000 }).toBeGreaterThan(0);
    const decoded = expectJoinCarries(joins[0]!, grant, 'agora-room');
    expect(decoded.privileges).toEqual({ 1: grant.expiry, 2: grant.expiry, 3: grant.expiry, 4: grant.expiry });

    await expect(connectionStatus(page)).toHaveText('Connecting…');
    // Not joined yet: the screen says so, rather than looking joined and waiting for others.
    await expect(page.getByRole('heading', { name: 'Connecting to the call…' })).toBeVisible();
    await expect(page.getByText('Waiting for others to join')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Copy link' })).toHaveCount(0);
    const problem = callProblem(page);
    await expect(problem).toContainText('Cannot reach Agora', { timeout: 15_000 });
    await expect(connectionStatus(page)).toHaveText('Disconnected');
    // The error screen offers what works there: Retry and one Leave, not the call's toolbar.
    await expect(page.getByRole('toolbar', { name: 'Call controls' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Leave' })).toHaveCount(1);
    for (const control of ['Share screen', 'Raise hand', 'Chat'])
      await expect(page.getByRole('button', { name: control })).toHaveCount(0);

    const before = joins.length;
    await problem.getByRole('button', { name: 'Retry' }).click();
    await expect(connectionStatus(page)).toHaveText('Connecting…');
    await expect.poll(() => joins.length, { timeout: 10_000 }).toBeGreaterThan(before);
    await expect(problem).toContainText('Cannot reach Agora', { timeout: 15_000 });

    await problem.getByRole('button', { name: 'Leave' }).click();
    await expect(page.getByRole('heading', { name: 'You left the call' })).toBeVisible();
    // Rejoin goes straight back in, as the same uid, with a fresh token.
    const afterLeave = joins.length;
    await page.getByRole('button', { name: 'Rejoin' }).click();
    await expect(connectionStatus(page)).toHaveText('Connecting…', { timeout: 20_000 });
    await expect.poll(() => joins.length, { timeout: 10_000 }).toBeGreaterThan(afterLeave);
    expect(joins.at(-1)).toMatchObject({ cname: 'agora-room', uid: grant.uid });
  });

  test('Share screen sends Agora a second join for the screen uid', async ({ page, targetMode }) => {
    // It carries exactly the token our server minted for that uid.
    requireMode(targetMode, 'agora', "it intercepts the SDK's join requests to Agora");
    const joins = await blockAgora(page);
    const camera = page.waitForResponse((response) =>
      /\/api\/rtc\/agora-share\/publisher\/uid\/\d+\//.test(response.url()),
    );
    await page.goto('/call/agora-share');
    const cameraGrant = await (await camera).json();
    await page.getByRole('button', { name: 'Join call' }).click({ timeout: 20_000 });
    await expect.poll(() => joins.length, { timeout: 10_000 }).toBeGreaterThan(0);

    const screenToken = page.waitForResponse(
      (response) =>
        /\/api\/rtc\/agora-share\/publisher\/uid\/\d+\//.test(response.url()) &&
        !response.url().includes(`/uid/${cameraGrant.uid}/`),
    );
    await page.getByRole('button', { name: 'Share screen' }).click();
    const screenGrant = await (await screenToken).json();
    expect(screenGrant.uid).not.toBe(cameraGrant.uid);
    await expect.poll(() => joins.find((join) => join.uid === screenGrant.uid), { timeout: 10_000 }).toBeDefined();
    expectJoinCarries(
      joins.find((request) => request.uid === screenGrant.uid)!,
      screenGrant,
      'agora-share',
    );
    // Offline, the share cannot connect either: it says so. The call itself cannot reach Agora, so
    // its error screen offers Retry and Leave, not Share screen.
    await expect(page.getByRole('alert').filter({ hasText: 'The screen could not be shared' })).toBeVisible({
      timeout: 15_000,
    });
    await expect(callProblem(page)).toContainText('Cannot reach Agora', { timeout: 15_000 });
    await expect(page.getByRole('button', { name: 'Share screen' })).toHaveCount(0);
  });

  test('Advanced: joining with an App ID and token pasted from Agora Console sends exactly those', async ({
    page,
    targetMode,
  }) => {
    requireMode(targetMode, 'agora', "it intercepts the SDK's join request to Agora");
    const joins = await blockAgora(page);
    await page.goto('/call/pasted-room');
    await page.getByText('Advanced: join with a token from Agora Console').click();
    const join = page.getByRole('button', { name: 'Join call' });
    await page.getByLabel('App ID').fill('not-an-app-id');
    await expect(page.getByRole('alert').filter({ hasText: 'The App ID is 32 hexadecimal characters' })).toBeVisible();
    await expect(join).toBeDisabled();
    const appId = 'c'.repeat(32);
    const token = `007${'x'.repeat(40)}`;
    await page.getByLabel('App ID').fill(appId);
    await page.getByLabel('Temporary token').fill(token);
    await expect(join).toBeEnabled({ timeout: 20_000 });
    await join.click();
    await expect.poll(() => joins.length, { timeout: 10_000 }).toBeGreaterThan(0);
    expect(joins[0]).toMatchObject({ appid: appId, cname: 'pasted-room', key: token });
  });
});
