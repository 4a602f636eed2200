import type { Browser, Page } from '@playwright/test';
import { expect, newParticipantContext, skipWhen, test } from './support/fixtures';
import { callNotice, connectionStatus } from './support/call-page';
import { decodeRtcToken } from './support/access-token';

// Sign-in with a real OpenID Connect provider (e2e/support/oidc-test-provider.mjs, on loopback) in
// front of a server with sign-in on (playwright.config.ts): AUTH_ALLOWED_DOMAINS=example.test, so Ada
// and Alan may enter and Eve (other.test) may not.
const signInBase = process.env.E2E_SIGNIN_BASE_URL;

test.beforeEach(() => skipWhen(!signInBase, 'needs the local server with sign-in on (not run against a deployment)'));

/** A new browser (another device) for `base`. */
const device = async (browser: Browser) => (await newParticipantContext(browser, signInBase!)).newPage();

/** On the provider's own login page: types the login (the test user's subject) and any password. */
async function signInAtProvider(page: Page, login: string) {
  await expect(page).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/interaction\//);
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('any password');
  await page.getByRole('button', { name: 'Sign-in' }).click();
}

/**
 * Opens a call link signed out, goes through the organisation's sign-in page and the provider, and
 * lands back on it.
 */
async function openSignedIn(page: Page, channel: string, login: string) {
  await page.goto(`/call/${channel}`);
  await expect(page.getByRole('heading', { name: 'Sign in to Example School' })).toBeVisible();
  await page.getByRole('link', { name: 'Sign in', exact: true }).click();
  await signInAtProvider(page, login);
  await expect(page).toHaveURL(new RegExp(`/call/${channel}$`));
}

/** Joins from the prejoin and returns the uid in the RTC token the page was given. */
async function joinAndReadUid(page: Page): Promise<string> {
  const answer = page.waitForResponse((response) => /\/api\/rtc\//.test(response.url()) && response.ok());
  await page.getByRole('button', { name: 'Join call' }).click({ timeout: 20_000 });
  await expect(connectionStatus(page)).toHaveText('Connected', { timeout: 15_000 });
  const { rtcToken, uid } = await (await answer).json();
  expect(decodeRtcToken(rtcToken).uid).toBe(String(uid));
  return String(uid);
}

test('Ada signs in through the provider and joins as herself with the same uid on every device', async ({
  browser,
  request,
}) => {
  // She cannot get tokens for anyone else.
  const channel = `signed-in-${Date.now()}`;
  const laptop = await device(browser);
  await openSignedIn(laptop, channel, 'ada');
  await expect(laptop.getByText('Signed in as ada@example.test')).toBeVisible();
  await expect(laptop.getByLabel('Your name')).toHaveAttribute('placeholder', 'Ada Lovelace');
  const cookies = await laptop.context().cookies();
  const session = cookies.find(({ name }) => name.endsWith('better-auth.session_token'));
  expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', secure: false });
  const uid = await joinAndReadUid(laptop);

  // The same person on a phone: the same uid, derived from who she is.
  const phone = await device(browser);
  await openSignedIn(phone, `${channel}-2`, 'ada');
  expect(await joinAndReadUid(phone)).toBe(uid);

  // Her session asks for someone else's uid: refused; her own: minted. Without a session: 401.
  const asAda = laptop.context().request;
  const other = await asAda.get(`/api/rtc/${channel}/publisher/uid/1234/`);
  expect(other.status()).toBe(403);
  expect((await other.json()).code).toBe('identity_mismatch');
  expect((await asAda.get(`/api/rtm/${uid}/`)).status()).toBe(200);
  const nobody = await request.get(new URL(`/api/rtc/${channel}/publisher/uid/${uid}/`, signInBase).toString());
  expect(nobody.status()).toBe(401);
  expect((await nobody.json()).code).toBe('sign_in_required');

  // After leaving the call, signing out is one press away.
  await phone.getByRole('button', { name: 'Leave' }).click();
  await expect(phone.getByRole('heading', { name: 'You left the call' })).toBeVisible();
  await phone.getByRole('button', { name: 'Sign out' }).click();
  await expect(phone.getByText('You are signed out.')).toBeVisible({ timeout: 15_000 });
});

test('Eve, whose domain is not allowed, is told so in words, signs out and signs in with another account', async ({
  browser,
}) => {
  const channel = `turned-away-${Date.now()}`;
  const page = await device(browser);
  await page.goto(`/call/${channel}`);
  await page.getByRole('link', { name: 'Sign in', exact: true }).click();
  await signInAtProvider(page, 'eve');
  await expect(page.getByRole('heading', { name: "This account cannot use Example School's calls" })).toBeVisible();
  // (Next's route announcer is an alert too: the one meant here is the one that says it.)
  await expect(page.getByRole('alert').filter({ hasText: 'You are signed in as eve@other.test' })).toBeVisible();
  expect((await page.context().request.get('/api/rtm/1/')).status()).toBe(403);

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByText('You are signed out.')).toBeVisible();
  await page.getByRole('link', { name: 'Sign in with another account' }).click();
  await signInAtProvider(page, 'alan'); // the provider asks again (prompt=login) instead of reusing Eve
  await expect(page).toHaveURL(new RegExp(`/call/${channel}$`));
  await expect(page.getByText('Signed in as alan@example.test')).toBeVisible();
});

test('signing out in another tab ends the session: the call is told, and its renewals are refused', async ({
  browser,
}) => {
  const channel = `sign-out-${Date.now()}`;
  const call = await device(browser);
  await openSignedIn(call, channel, 'ada');
  await joinAndReadUid(call);

  const otherTab = await call.context().newPage();
  await otherTab.goto(`/call/${channel}-elsewhere`);
  await otherTab.getByRole('button', { name: 'Sign out' }).click();
  await expect(otherTab.getByText('You are signed out.')).toBeVisible();

  // Told at once (this browser's tabs hear of it), and the renewal — 40 s tokens, renewed 30 s before
  // the end — is refused by the server: the call says that too.
  await expect(callNotice(call, 'You signed out in another tab')).toBeVisible();
  await expect(callNotice(call, 'Could not renew your access token (you signed out')).toBeVisible({
    timeout: 45_000,
  });
  const renewal = await call.context().request.get(`/api/rtm/1/`);
  expect((await renewal.json()).code).toBe('sign_in_required');
});
