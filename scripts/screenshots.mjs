// npm run screenshots — landing, prejoin, alone-in-a-call, call, chat, presentation, left, token
// inspector and live event screens at phone and desktop widths, written to screenshots/ (not
// committed) so changes to the UI can be looked at. Local mode, two participants.
// `npm run screenshots -- dev` takes them under `next dev` instead, as a newcomer first sees the app
// (file names end in -dev).
import { mkdirSync } from 'node:fs';
import { launchChromium, startNextServer } from './lib/bench-support.mjs';
import { freePort } from './lib/free-port.mjs';

const command = process.argv[2] === 'dev' ? 'dev' : 'start';
const suffix = command === 'dev' ? '-dev' : '';
// next dev compiles each page and route on its first request.
const patience = command === 'dev' ? 4 : 1;
const { base } = await startNextServer(await freePort(), { AGORA_APP_ID: '', AGORA_APP_CERTIFICATE: '' }, { command });
const browser = await launchChromium();
mkdirSync('screenshots', { recursive: true });
const sizes = { desktop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } };
const shot = (page, screen, size, options = {}) =>
  page.screenshot({ path: `screenshots/${screen}-${size}${suffix}.png`, ...options });

for (const [name, viewport] of Object.entries(sizes)) {
  const channel = `look-${name}`;
  const page = await (
    await browser.newContext({ baseURL: base, viewport, permissions: ['camera', 'microphone'] })
  ).newPage();
  page.setDefaultTimeout(30_000 * patience);
  await page.goto('/');
  await page.getByLabel('Channel name').fill('café talk');
  // The badge comes with the server's health answer (next dev compiles that route on first use).
  await page.getByText('Local mode', { exact: true }).waitFor();
  await shot(page, 'landing', name);
  await page.getByLabel('Channel name').fill(channel);
  await page.getByLabel('Channel name').press('Enter');
  await page.getByLabel('Your name').fill('Ada Lovelace');
  const join = page.getByRole('button', { name: 'Join call' });
  await join.and(page.locator(':enabled')).waitFor();
  await page.waitForTimeout(800);
  await shot(page, 'prejoin', name);
  await join.click();
  await page.getByRole('region', { name: 'Invite others' }).waitFor({ timeout: 15_000 * patience });
  await page.waitForTimeout(500);
  await shot(page, 'alone', name);
  const guest = await (await browser.newContext({ baseURL: base, permissions: ['camera', 'microphone'] })).newPage();
  guest.setDefaultTimeout(30_000 * patience);
  await guest.goto(`/call/${channel}`);
  // Once the page is alive: fill() selects the text, then inserts in a second step, and the name
  // React puts in the field when it takes over (remembered or random) would land in between.
  const guestJoin = guest.getByRole('button', { name: 'Join call' }).and(guest.locator(':enabled'));
  await guestJoin.waitFor();
  await guest.getByLabel('Your name').fill('Grace Hopper');
  await guestJoin.click();
  await guest.getByRole('button', { name: 'Mute microphone' }).click();
  await page
    .getByRole('figure', { name: 'Grace Hopper', exact: true })
    .locator('video')
    .waitFor({ timeout: 15_000 * patience });
  await page.waitForTimeout(2500); // quality marks arrive every 2 s
  await shot(page, 'call', name);
  await guest.getByRole('button', { name: 'Raise hand' }).click();
  await guest.getByRole('button', { name: /^Chat/ }).click();
  await guest.getByLabel('Message', { exact: true }).fill('Can everyone see the agenda? I will share it now.');
  await guest.getByLabel('Message', { exact: true }).press('Enter');
  await page.getByRole('button', { name: /^Chat/ }).click();
  await page
    .getByRole('log', { name: 'Messages' })
    .getByRole('paragraph')
    .first()
    .waitFor({ timeout: 10_000 * patience });
  await page.waitForTimeout(500);
  await shot(page, 'chat', name);
  await page.getByRole('button', { name: 'Close chat' }).click();
  await guest.getByRole('button', { name: 'Share screen' }).click();
  await page
    .getByRole('figure', { name: "Grace Hopper's screen" })
    .locator('video')
    .waitFor({ timeout: 15_000 * patience });
  await page.waitForTimeout(1500);
  await shot(page, 'presentation', name);
  await guest
    .getByRole('status')
    .filter({ hasText: 'You are presenting' })
    .getByRole('button', { name: 'Stop' })
    .click();
  await page.getByRole('button', { name: 'Leave' }).click();
  await page.getByRole('heading', { name: 'You left the call' }).waitFor();
  await shot(page, 'left', name);
  // The token inspector with a token for another channel, after the signature check.
  const { rtcToken } = await (await fetch(`${base}/api/rtc/${channel}/publisher/uid/1234/?expiry=600`)).json();
  await page.goto(`/inspect?channel=${channel}-2&uid=1234`);
  // Under next dev the page compiles on first use: a click before React is up would be lost.
  await page.waitForLoadState('networkidle');
  await page.getByRole('textbox', { name: 'Token', exact: true }).fill(rtcToken);
  await page.getByRole('button', { name: 'Verify signature with this server' }).click();
  await page.getByRole('status', { name: 'Signature check' }).getByText(/Valid/).waitFor();
  await shot(page, 'inspect', name, { fullPage: true });
  await guest.context().close();
  await page.context().close();
  await stageScenes(name, viewport);
  await hostingScene(name, viewport);
}

/**
 * Hosting: Grace has a waiting room on; Ada is in the call, Alan knocks; People shows both, with the
 * host's controls.
 */
async function hostingScene(name, viewport) {
  const channel = `look-hosting-${name}`;
  const open = async () => {
    const page = await (
      await browser.newContext({ baseURL: base, viewport, permissions: ['camera', 'microphone'] })
    ).newPage();
    page.setDefaultTimeout(30_000 * patience);
    return page;
  };
  const host = await open();
  await host.goto('/');
  await host.getByLabel('Channel name').fill(channel);
  await host.getByRole('button', { name: 'Join', exact: true }).click();
  await host.getByRole('button', { name: 'Join call' }).and(host.locator(':enabled')).waitFor();
  await host.getByLabel('Your name').fill('Grace Hopper');
  await host.getByRole('button', { name: 'Join call' }).click();
  const ada = await open();
  await ada.goto(`/call/${channel}`);
  await ada.getByRole('button', { name: 'Join call' }).and(ada.locator(':enabled')).waitFor();
  await ada.getByLabel('Your name').fill('Ada Lovelace');
  await ada.getByRole('button', { name: 'Join call' }).click();
  await host.getByRole('figure', { name: 'Ada Lovelace', exact: true }).locator('video').waitFor();
  await host.getByRole('button', { name: 'More options' }).click();
  await host.getByRole('menuitem', { name: 'Turn on waiting room' }).click();
  const alan = await open();
  await alan.goto(`/call/${channel}`);
  await alan.getByLabel('Your name').fill('Alan Turing');
  await alan.getByRole('heading', { name: 'Waiting for a host to let you in' }).waitFor();
  await host.getByRole('button', { name: /waiting to join/ }).click();
  await host.getByRole('button', { name: 'Admit Alan Turing' }).waitFor();
  await host
    .getByRole('complementary', { name: /^People/ })
    .getByRole('button', { name: 'Actions for Ada Lovelace' })
    .click();
  await host.waitForTimeout(1500);
  await shot(host, 'hosting-host', name);
  await shot(alan, 'hosting-waiting', name);
  for (const page of [host, ada, alan]) await page.context().close();
}

/** A live event: Grace hosts, Ada and Alan join the audience, Alan raises his hand, Ada is invited on stage. */
async function stageScenes(name, viewport) {
  const channel = `look-stage-${name}`;
  const open = async (size) => {
    const page = await (
      await browser.newContext({ baseURL: base, viewport: size, permissions: ['camera', 'microphone'] })
    ).newPage();
    page.setDefaultTimeout(30_000 * patience);
    return page;
  };
  const join = async (page, who, button) => {
    await page.getByRole('button', { name: button }).and(page.locator(':enabled')).waitFor();
    await page.getByLabel('Your name').fill(who);
    await page.getByRole('button', { name: button }).click();
    await page
      .getByRole('status', { name: 'Connection' })
      .getByText('Connected')
      .waitFor({ timeout: 15_000 * patience });
  };
  const host = await open(viewport);
  await host.goto('/');
  await host.getByLabel('Channel name').fill(channel);
  await host.getByRole('checkbox', { name: /Live event/ }).check();
  await host.getByRole('button', { name: 'Join', exact: true }).click();
  await join(host, 'Grace Hopper', 'Join call');
  const ada = await open(viewport);
  await ada.goto(`/call/${channel}`);
  await ada.getByText('This is a live event').waitFor();
  await ada.waitForTimeout(500);
  await shot(ada, 'stage-prejoin', name);
  await join(ada, 'Ada Lovelace', 'Join the audience');
  const alan = await open(sizes.desktop);
  await alan.goto(`/call/${channel}`);
  await join(alan, 'Alan Turing', 'Join the audience');
  await alan.getByRole('button', { name: 'Raise hand' }).click();
  await host.getByRole('button', { name: /^People/ }).click();
  await host.getByRole('listitem', { name: 'Alan Turing' }).getByText('Audience').waitFor();
  await host
    .getByRole('listitem', { name: 'Ada Lovelace' })
    .getByRole('button', { name: /Invite/ })
    .click();
  await ada.getByRole('alertdialog').waitFor();
  await ada.waitForTimeout(500);
  await shot(ada, 'stage-invitation', name);
  await ada.getByRole('button', { name: 'Join the stage' }).click();
  await host.getByRole('figure', { name: 'Ada Lovelace', exact: true }).locator('video').waitFor();
  await host.waitForTimeout(2500);
  await shot(host, 'stage-host', name);
  await alan.getByRole('figure', { name: 'Ada Lovelace', exact: true }).locator('video').waitFor();
  await alan.waitForTimeout(1500);
  if (name === 'desktop') await shot(alan, 'stage-audience', name);
  for (const page of [host, ada, alan]) await page.context().close();
}
await browser.close();
console.log('screenshots/ written');
process.exit(0);
