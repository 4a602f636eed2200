import { deflateSync, inflateSync } from 'node:zlib';
import type { APIRequestContext, Locator, Page } from '@playwright/test';
import { expect, requireMode, skipWhen, test } from './support/fixtures';
import { callProblem } from './support/call-page';

// The token inspector in a real browser against the running app: what a pasted token shows, the
// join checklist, untrusted text rendered as text, the one request the page may make, and the
// server's signature verdict. Tokens come from the app's own API, so these run against a
// deployment too (unless its API requires keys, which a spec cannot have: then they skip, saying so).

async function mint(request: APIRequestContext, channel: string, uid: number, role = 'publisher'): Promise<string> {
  const response = await request.get(`/api/rtc/${encodeURIComponent(channel)}/${role}/uid/${uid}/?expiry=600`);
  skipWhen(
    response.status() === 401,
    'the target requires an API key for /api/rtc (TOKEN_API_KEYS), so no token can be minted to paste',
  );
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()).rtcToken;
}

/** The same token with one byte of its channel name changed: still readable, no longer signed. */
function tampered(token: string, channel: string): string {
  const content = inflateSync(Buffer.from(token.slice(3), 'base64'));
  const at = content.indexOf(Buffer.from(channel));
  content[at] = content[at]! ^ 1;
  return '007' + deflateSync(content).toString('base64');
}

const tokenBox = (page: Page) => page.getByRole('textbox', { name: 'Token', exact: true });
/** A fact the inspector lists ("Channel": inspect-demo): the definition that follows its term. */
const fact = (within: Page | Locator, term: string) =>
  within
    .getByRole('term')
    .filter({ hasText: new RegExp(`^${term}$`) })
    .locator('xpath=following-sibling::dd[1]');
/** One rule of "Would it join?", named by what it checks. */
const check = (page: Page, rule: string) =>
  page
    .getByRole('region', { name: 'Would it join?' })
    .getByRole('listitem')
    .filter({ has: page.getByText(rule, { exact: true }) });
const verdict = (page: Page) =>
  page
    .getByRole('region', { name: 'Would it join?' })
    .getByText(/^(Agora would (accept|refuse) this join|Fill in the join to check every rule)\.$/);

test('a token minted by the API shows its channel, uid and privileges, all green for the same join', async ({
  page,
  request,
}) => {
  const token = await mint(request, 'inspect-demo', 4242);
  await page.goto('/inspect?channel=inspect-demo&uid=4242');
  await tokenBox(page).fill(token);
  const service = page.getByRole('article');
  await expect(service).toHaveCount(1);
  await expect(service).toHaveAccessibleName('RTC (service type 1)');
  await expect(service.getByRole('heading')).toHaveText('RTC (service type 1)');
  await expect(fact(service, 'Channel')).toHaveText('inspect-demo');
  await expect(fact(service, 'uid')).toHaveText('4242');
  const privileges = 'join channel, publish audio, publish video, publish data stream';
  const end = String.raw`ends \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC \(expires in (10 min|9 min \d+ s)\)`;
  await expect(service.getByRole('list', { name: 'Privileges' }).getByRole('listitem')).toHaveText(
    new RegExp(`^${privileges}: ${end} · 600 s after issue$`),
  );
  await expect(fact(page.getByRole('region', { name: 'What the token says' }), 'Version')).toHaveText(
    'AccessToken2 (007)',
  );
  await expect(verdict(page)).toHaveText('Agora would accept this join.');
  // Each line says its verdict in words (the ✓ and ✗ marks are hidden from screen readers).
  for (const rule of ['App ID', 'Channel', 'User (uid or account)', 'Join privilege', 'Publish privileges'])
    await expect(check(page, rule)).toContainText(/ passes: /);
  // The Role choice reads in the page's own font; the typed identifiers in a fixed-width one.
  const font = (locator: Locator) => locator.evaluate((element) => getComputedStyle(element).fontFamily);
  expect(await font(page.getByLabel('Role'))).toBe(await font(page.locator('body')));
  expect(await font(page.getByLabel('Channel', { exact: true }))).toMatch(/mono/i);
});

test('a token for another channel is a red line naming both channels, with the SDK error', async ({
  page,
  request,
}) => {
  const token = await mint(request, 'inspect-a', 7);
  await page.goto('/inspect?uid=7');
  await tokenBox(page).fill(token);
  await page.getByLabel('Channel', { exact: true }).fill('inspect-b');
  const channel = check(page, 'Channel');
  await expect(channel).toContainText('Channel fails: the token is for channel "inspect-a", not "inspect-b"');
  await expect(channel).toContainText('The SDK reports invalid token, authorized failed (CAN_NOT_GET_GATEWAY_SERVER)');
  await expect(channel).toContainText('Fix: Join channel "inspect-a", or get a token for "inspect-b".');
  await expect(verdict(page)).toHaveText('Agora would refuse this join.');
});

test('channel names with markup render as text, never as elements', async ({ page, request }) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const hostile = '<script>alert(1)<img src=x onerror=alert(2)>';
  const token = await mint(request, hostile, 1);
  await page.goto('/inspect');
  await tokenBox(page).fill(token);
  await expect(fact(page, 'Channel')).toHaveText(hostile);
  await page.getByLabel('Channel', { exact: true }).fill('other');
  await expect(check(page, 'Channel')).toContainText(`the token is for channel "${hostile}", not "other"`);
  await expect(page.locator('main script, main img')).toHaveCount(0);
  expect(dialogs).toEqual([]);
});

test('the token leaves the page only when Verify is pressed: valid for ours, not valid once tampered with', async ({
  page,
  request,
}) => {
  const token = await mint(request, 'inspect-sig', 9);
  const carryingToken: string[] = [];
  page.on('request', (sent) => {
    if (sent.url().includes(token.slice(3, 40)) || (sent.postData() ?? '').includes(token.slice(3, 40)))
      carryingToken.push(`${sent.method()} ${sent.url()}`);
  });
  await page.goto('/inspect');
  await tokenBox(page).fill(token);
  await expect(page.getByRole('article')).toHaveCount(1);
  await page.waitForTimeout(500);
  expect(carryingToken, 'requests carrying the token before Verify').toEqual([]);

  const signature = page.getByRole('status', { name: 'Signature check' });
  await page.getByRole('button', { name: 'Verify signature with this server' }).click();
  await expect(signature).toHaveText("✓ Valid: this server's App Certificate signed this token.");
  expect(carryingToken).toEqual([expect.stringMatching(/^POST .*\/api\/inspect$/)]);

  await tokenBox(page).fill(tampered(token, 'inspect-sig'));
  await expect(fact(page, 'Channel')).toHaveText('hnspect-sig');
  await expect(signature).toBeEmpty();
  await page.getByRole('button', { name: 'Verify signature with this server' }).click();
  await expect(signature).toContainText("✗ Not valid: this server's App Certificate did not sign this token.");
});

test('text that is not a token gets a readable reason, and nothing else', async ({ page }) => {
  await page.goto('/inspect');
  await tokenBox(page).fill('007eJxTYGBkAgAAiAAk');
  await expect(tokenBox(page)).toHaveAccessibleDescription(
    "This 007 token cannot be read. The token's content ends early: the signature needs 32 bytes, found 2.",
  );
  await expect(page.getByRole('region', { name: 'What the token says' })).toHaveCount(0);
  await tokenBox(page).fill('hello world');
  await expect(tokenBox(page)).toHaveAccessibleDescription(
    'This is ordinary text, not an Agora token. A token is one unbroken string of letters, digits, ' +
      '"+", "/" and "=" that starts with 007 (or 006), a few hundred characters long: ' +
      'copy it from your token server or Agora Console.',
  );
  await tokenBox(page).fill(`hello ${'x'.repeat(5000)}`);
  await expect(tokenBox(page)).toHaveAccessibleDescription(
    'This is 5006 characters long; Agora tokens are a few hundred, and the inspector reads at most 4096.',
  );
});

test('the call page names the mismatch when a join is refused, and links to the inspector', async ({
  page,
  targetMode,
}) => {
  requireMode(targetMode, 'local', "the refusal comes from this server's local engine; Agora would need the internet");
  // The token service answers with a genuine token for another channel, as a misconfigured one might.
  await page.route('**/api/rtc/**', async (route) => {
    const url = route.request().url().replace('/api/rtc/diagnose-me/', '/api/rtc/elsewhere/');
    await route.fulfill({ response: await route.fetch({ url }) });
  });
  await page.goto('/call/diagnose-me');
  await page.getByRole('button', { name: 'Join call' }).click({ timeout: 20_000 });
  const problem = callProblem(page);
  await expect(problem.getByRole('heading')).toHaveText('Agora rejected the access token');
  await expect(problem.getByRole('list', { name: 'What did not match' })).toContainText(
    'Channel fails: the token is for channel "elsewhere", not "diagnose-me"',
  );
  await expect(problem.getByRole('link', { name: 'Open the token inspector' })).toHaveAttribute(
    'href',
    /^\/inspect\?channel=diagnose-me&uid=\d+$/,
  );
});
