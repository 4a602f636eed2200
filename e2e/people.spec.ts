import {
  adaAndBob,
  announcer,
  connectionStatus,
  expectTileNames,
  joinThroughUi,
  localTile,
  openPanel,
  openParticipant,
  remoteTiles,
  messages,
  sendChat,
} from './support/call-page';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };

// Names, the People panel, chat and raised hands between two real browsers, over Signaling (local
// mode's, or Agora RTM against an Agora deployment). Names and messages are other people's input:
// they must show literally, never as markup.

const ADA = 'Ada 👩‍💻 Lovelace';
const TRICKY = 'محمد <b>html</b>';

test('each person sees the other by name on the tile and in People, literally, whatever script or markup', async ({
  browser,
  baseURL,
}) => {
  const channel = `names-${Date.now()}`;
  const ada = await openParticipant(browser, baseURL!);
  const other = await openParticipant(browser, baseURL!);
  await joinThroughUi(ada, channel, ADA);
  await joinThroughUi(other, channel, TRICKY);

  await expect(remoteTiles(ada)).toHaveAccessibleName(TRICKY, { timeout: 15_000 });
  await expect(remoteTiles(other)).toHaveAccessibleName(ADA, { timeout: 15_000 });
  await expect(localTile(ada)).toHaveAccessibleName(`${ADA} (you)`);
  expect(await remoteTiles(ada).locator('b').count(), 'the name is text, not markup').toBe(0);

  const people = await openPanel(ada, 'People');
  await expectTileNames(people.getByRole('listitem'), [`${ADA} (you)`, TRICKY]);

  // Camera off: the avatar shows the other person's initials, from their name.
  await other.getByRole('button', { name: 'Turn camera off' }).click();
  await expect(remoteTiles(ada).getByText('م<', { exact: true })).toBeVisible({ timeout: 10_000 });
  await expect(people.getByRole('listitem').last().getByRole('img', { name: 'camera off' })).toBeVisible();

  // The name is remembered in the browser for the next call.
  await ada.goto(`/call/${channel}-next`);
  await expect(ada.getByLabel('Your name')).toHaveValue(ADA);
  for (const page of [ada, other]) await page.context().close();
});

test('chat both ways: unread badge, sender and time, text shown literally', async ({ browser, baseURL }) => {
  // Too-long messages are refused with a count.
  const { ada, bob } = await adaAndBob(browser, baseURL!, 'chat');

  await sendChat(ada, 'Hello <script>alert(1)</script> Bob');
  const chatButton = bob.getByRole('toolbar', { name: 'Call controls' }).getByRole('button', { name: /^Chat/ });
  await expect(chatButton).toHaveAccessibleName('Chat, 1 unread', { timeout: 10_000 });
  await expect(chatButton.getByText('1', { exact: true })).toBeVisible();
  await expect(announcer(bob)).toContainText('New message from Ada');
  const bobChat = await openPanel(bob, 'Chat');
  await expect(chatButton).toHaveAccessibleName('Chat');
  await expect(chatButton.getByText('1', { exact: true })).toHaveCount(0);
  const received = messages(bobChat).last();
  await expect(received.getByText('Ada', { exact: true })).toBeVisible();
  await expect(received.getByRole('paragraph')).toHaveText('Hello <script>alert(1)</script> Bob');
  await expect(received.locator('time')).toHaveText(/^\d{1,2}:\d{2}/);
  expect(await bobChat.locator('script').count()).toBe(0);

  await sendChat(bob, 'Hi Ada\nsecond line');
  const adaChat = await openPanel(ada, 'Chat');
  await expect(messages(adaChat).getByRole('paragraph').last()).toHaveText('Hi Ada\nsecond line', { timeout: 10_000 });
  await expect(messages(adaChat).first().getByText('You', { exact: true })).toBeVisible();

  await adaChat.getByLabel('Message', { exact: true }).fill('x'.repeat(503));
  await expect(adaChat.getByText('503/500', { exact: true })).toBeVisible();
  await expect(adaChat.getByText('3 characters too long (the limit is 500).')).toBeVisible();
  await expect(adaChat.getByRole('button', { name: 'Send' })).toBeDisabled();
  await expect(adaChat.getByLabel('Message', { exact: true })).toHaveValue('x'.repeat(503)); // refused, not cut
  for (const page of [ada, bob]) await page.context().close();
});

/** Every chat bubble wraps its text inside itself, and lies inside the chat panel. */
async function expectBubblesInsidePanel(page: Page, count: number) {
  const chat = await openPanel(page, 'Chat');
  const bubbles = messages(chat).getByRole('paragraph');
  await expect(bubbles).toHaveCount(count, { timeout: 10_000 });
  const panel = (await chat.boundingBox())!;
  for (const bubble of await bubbles.all()) {
    await bubble.scrollIntoViewIfNeeded();
    const { scrollWidth, clientWidth } = await bubble.evaluate((element) => ({
      scrollWidth: element.scrollWidth,
      clientWidth: element.clientWidth,
    }));
    expect(scrollWidth, 'the text wraps inside its bubble').toBeLessThanOrEqual(clientWidth);
    const box = (await bubble.boundingBox())!;
    expect(box.x, 'the bubble starts inside the panel').toBeGreaterThanOrEqual(panel.x);
    expect(box.x + box.width, 'the bubble ends inside the panel').toBeLessThanOrEqual(panel.x + panel.width);
  }
}

test('a long unbroken word and a long link wrap inside their bubbles, on a phone and a desktop', async ({
  browser,
  baseURL,
}) => {
  // For the sender and the others.
  const { ada, bob } = await adaAndBob(browser, baseURL!, 'long-chat');
  await sendChat(ada, 'W'.repeat(300));
  await sendChat(ada, `https://example.com/${'very-long-path-segment/'.repeat(12)}?query=${'x'.repeat(60)}`);
  for (const viewport of [PHONE, DESKTOP]) {
    for (const page of [ada, bob]) {
      await page.setViewportSize(viewport);
      await expectBubblesInsidePanel(page, 2);
    }
  }
  for (const page of [ada, bob]) await page.context().close();
});

test('a raised hand shows on the tile and in People for the others, and is announced', async ({ browser, baseURL }) => {
  const { ada, bob } = await adaAndBob(browser, baseURL!, 'hands');

  await ada.getByRole('button', { name: 'Raise hand' }).click();
  await expect(ada.getByRole('button', { name: 'Lower hand' })).toBeVisible();
  await expect(remoteTiles(bob).getByRole('img', { name: 'hand raised' })).toBeVisible({ timeout: 10_000 });
  await expect(announcer(bob)).toHaveText('Ada raised their hand');
  const people = await openPanel(bob, 'People');
  await expect(people.getByRole('listitem').last().getByRole('img', { name: 'hand raised' })).toBeVisible();

  await ada.getByRole('button', { name: 'Lower hand' }).click();
  await expect(remoteTiles(bob).getByRole('img', { name: 'hand raised' })).toHaveCount(0, { timeout: 10_000 });
  for (const page of [ada, bob]) await page.context().close();
});

test('a name typed while the page is still loading is kept when the page comes alive', async ({ page }) => {
  // Hold the page's JavaScript back so the typing surely lands in the server-rendered field first.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/_next/static/chunks/**', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(`/call/early-name-${Date.now()}`, { waitUntil: 'commit' });
  const name = page.getByLabel('Your name');
  await name.fill('Typed Early');
  release();
  await expect(page.getByRole('button', { name: 'Join call' })).toBeEnabled({ timeout: 20_000 });
  await expect(name).toHaveValue('Typed Early');
  await expect(
    page.getByText('Others in the call see this name. It is remembered in this browser.', { exact: true }),
  ).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Your name')).toHaveValue('Typed Early');
});

// Typed key by key the moment the field appears, as a person does: the keys land while the page is
// coming alive. Before, a random default was written into the field then ("Rapid Maple") and the
// typing merged with it ("Rapid MapleGrace Hopper").
test('a name typed the moment the field appears is exactly what was typed', async ({ browser, baseURL }) => {
  // Left empty, the suggested name is used.
  const page = await openParticipant(browser, baseURL!);
  const channel = `typed-name-${Date.now()}`;
  await page.goto(`/call/${channel}`, { waitUntil: 'commit' });
  const name = page.getByLabel('Your name');
  await name.pressSequentially('Grace Hopper');
  await expect(page.getByRole('button', { name: 'Join call' })).toBeEnabled({ timeout: 20_000 });
  await expect(name).toHaveValue('Grace Hopper');

  // A first-time visitor who types nothing joins as the name the empty field suggests.
  const other = await openParticipant(browser, baseURL!);
  await other.goto(`/call/${channel}`);
  await expect(other.getByRole('button', { name: 'Join call' })).toBeEnabled({ timeout: 20_000 });
  const otherName = other.getByLabel('Your name');
  await expect(otherName).toHaveValue('');
  const suggested = (await otherName.getAttribute('placeholder'))!;
  expect(suggested).toMatch(/^[A-Z][a-z]+ [A-Z][a-z]+$/);
  await expect(
    other.getByText(`Others in the call will see you as ${suggested}, or type your name.`, { exact: true }),
  ).toBeVisible();
  await other.getByRole('button', { name: 'Join call' }).click();
  await page.getByRole('button', { name: 'Join call' }).click();
  await expect(remoteTiles(page)).toHaveAccessibleName(suggested, { timeout: 15_000 });
  await expect(remoteTiles(other)).toHaveAccessibleName('Grace Hopper', { timeout: 15_000 });
  for (const each of [page, other]) await each.context().close();
});

test('the name field is checked as you type, like the channel name', async ({ page }) => {
  await page.goto(`/call/name-check-${Date.now()}`);
  const name = page.getByLabel('Your name');
  // Typing before the page is alive is the test above; this one types into the live field.
  await expect(page.getByRole('button', { name: 'Join call' })).toBeEnabled({ timeout: 20_000 });
  await name.fill('   ');
  await expect(page.getByText('Type your name (1 to 64 characters).', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Join call' })).toBeDisabled({ timeout: 20_000 });
  await name.fill('n'.repeat(65));
  await expect(page.getByText('Your name is 65 characters long; the maximum is 64.', { exact: true })).toBeVisible();
  await name.fill('Grace');
  await expect(name).toHaveAttribute('aria-invalid', 'false');
  await expect(page.getByRole('button', { name: 'Join call' })).toBeEnabled({ timeout: 20_000 });
});

// What a person does in the first moment after pressing Join, while the call is still connecting,
// counts: before, the hand was dropped (Signaling was not there yet) and a mute could be overtaken
// by the join's own publish (muted here, heard there).
test('a hand raised and the microphone muted right after Join reach the others', async ({ browser, baseURL }) => {
  const channel = `early-${Date.now()}`;
  const ada = await openParticipant(browser, baseURL!);
  await joinThroughUi(ada, channel, 'Ada');
  const bob = await openParticipant(browser, baseURL!);
  await bob.goto(`/call/${channel}`);
  await bob.getByLabel('Your name').fill('Bob');
  await bob.getByRole('button', { name: 'Join call' }).click({ timeout: 20_000 });
  await bob.getByRole('button', { name: 'Raise hand' }).click();
  await bob.getByRole('button', { name: 'Mute microphone' }).click();

  await expect(bob.getByRole('button', { name: 'Lower hand' })).toBeVisible();
  await expect(bob.getByRole('button', { name: 'Unmute microphone' })).toBeVisible();
  await expect(connectionStatus(bob)).toHaveText('Connected', { timeout: 15_000 });
  const bobTile = remoteTiles(ada);
  await expect(bobTile).toHaveAccessibleName('Bob', { timeout: 15_000 });
  await expect(bobTile.getByRole('img', { name: 'hand raised' })).toBeVisible({ timeout: 10_000 });
  await expect(bobTile.getByRole('img', { name: 'microphone off' })).toBeVisible();
  for (const page of [ada, bob]) await page.context().close();
});
