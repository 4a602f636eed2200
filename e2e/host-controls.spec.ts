import type { Page } from '@playwright/test';
import { connectionStatus, openPanel, openParticipant, startRoomAsHost, tile } from './support/call-page';
import { expect, test } from './support/fixtures';
import { postFromPage, tokenFromPage, watchOwnCall } from './support/own-call';

// Host controls in local mode, with real browsers: each holds because the server stops minting
// (and local mode drops a session when its join privilege ends), not because a page obeys.

const HOST = 'Hedy Host';

async function joinAsGuest(page: Page, channel: string, name: string) {
  await page.goto(`/call/${encodeURIComponent(channel)}`);
  await page.getByLabel('Your name').fill(name);
  await page.getByRole('button', { name: 'Join call' }).click({ timeout: 20_000 });
  await expect(connectionStatus(page)).toHaveText('Connected', { timeout: 15_000 });
}

async function more(page: Page, item: string) {
  await page.getByRole('button', { name: 'More options' }).click();
  await page.getByRole('menuitem', { name: item }).click();
}

async function personAction(page: Page, person: string, item: string) {
  const people = await openPanel(page, 'People');
  await people.getByRole('button', { name: `Actions for ${person}` }).click();
  await page.getByRole('menuitem', { name: item }).click();
}

test('Remove: the person is told and leaves; their page gets no token, even reloaded', async ({ browser, baseURL }) => {
  // A page that ignores it is dropped when its join privilege ends.
  test.setTimeout(120_000);
  const channel = `remove-${Date.now()}`;
  const host = await openParticipant(browser, baseURL!);
  const ada = await openParticipant(browser, baseURL!);
  const mallory = await openParticipant(browser, baseURL!);
  const adaCall = watchOwnCall(ada);
  const malloryCall = watchOwnCall(mallory);
  await startRoomAsHost(host, channel, HOST);
  await joinAsGuest(ada, channel, 'Ada Lovelace');
  await joinAsGuest(mallory, channel, 'Mallory');
  await expect(tile(host, 'Ada Lovelace')).toBeVisible({ timeout: 15_000 });
  await expect(tile(host, 'Mallory')).toBeVisible({ timeout: 15_000 });

  // Ada is removed, with a confirmation: she is told, her call ends, and the server refuses her tokens.
  await personAction(host, 'Ada Lovelace', 'Remove from the call');
  const question = host.getByRole('alertdialog', { name: 'Remove Ada Lovelace from the call?' });
  await question.getByRole('button', { name: 'Remove' }).click();
  await expect(ada.getByRole('heading', { name: 'A host removed you from this call' })).toBeVisible({
    timeout: 10_000,
  });
  await expect(tile(host, 'Ada Lovelace')).toHaveCount(0, { timeout: 10_000 });
  expect(await tokenFromPage(ada, { channel, uid: adaCall.uid, ticket: adaCall.ticket })).toEqual({
    status: 403,
    code: 'removed',
  });
  // A reload is a new page with new uids, in the same browser: still refused.
  await ada.reload();
  await expect(ada.getByText('A host removed you from this call')).toBeVisible({ timeout: 15_000 });

  // Mallory's page ignores everything: it no longer reads the room and cannot renew its token.
  await mallory.route('**/api/rooms/**', (route) => route.abort());
  await mallory.route('**/api/rtc/**', (route) => route.abort());
  await personAction(host, 'Mallory', 'Remove from the call');
  await host
    .getByRole('alertdialog', { name: 'Remove Mallory from the call?' })
    .getByRole('button', { name: 'Remove' })
    .click();
  expect(await tokenFromPage(host, { channel, uid: malloryCall.uid, ticket: malloryCall.ticket })).toEqual({
    status: 403,
    code: 'removed',
  });
  // Her session ends with its join privilege (40 s here), whatever her page does.
  await expect(tile(host, 'Mallory')).toHaveCount(0, { timeout: 50_000 });
  expect(
    await postFromPage(mallory, '/api/local/publish', { session: malloryCall.session, audio: true, video: true }),
  ).toEqual({ status: 404, code: 'session_gone' });
  for (const page of [host, ada, mallory]) await page.context().close();
});

test('waiting room, lock, mute, a forged command, and End call for everyone', async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const channel = `hosting-${Date.now()}`;
  const host = await openParticipant(browser, baseURL!);
  const bo = await openParticipant(browser, baseURL!);
  const cy = await openParticipant(browser, baseURL!);
  const dee = await openParticipant(browser, baseURL!);
  const boCall = watchOwnCall(bo);
  await startRoomAsHost(host, channel, HOST);
  await more(host, 'Turn on waiting room');
  await expect(host.getByText(/The waiting room is on/)).toBeVisible();

  // Bo waits, and gets no token until a host lets him in; then he joins by himself.
  await bo.goto(`/call/${encodeURIComponent(channel)}`);
  await bo.getByLabel('Your name').fill('Bo');
  await expect(bo.getByRole('heading', { name: 'Waiting for a host to let you in' })).toBeVisible({ timeout: 15_000 });
  await expect(bo.getByRole('button', { name: 'Waiting for a host…' })).toBeDisabled();
  await expect.poll(() => boCall.ticket).not.toBe('');
  const [boUid] = JSON.parse(Buffer.from(boCall.ticket.split('.')[0]!, 'base64url').toString()).u as number[];
  expect(await tokenFromPage(bo, { channel, uid: boUid!, ticket: boCall.ticket })).toEqual({
    status: 403,
    code: 'waiting_for_host',
  });
  await expect(host.getByRole('button', { name: /1 waiting to join/ })).toBeVisible({ timeout: 15_000 });
  const people = await openPanel(host, 'People');
  const waiting = people.getByRole('region', { name: 'Waiting to join (1)' });
  await expect(waiting.getByRole('listitem', { name: 'Bo' })).toBeVisible({ timeout: 10_000 });
  await waiting.getByRole('button', { name: 'Admit Bo' }).click();
  await expect(connectionStatus(bo)).toHaveText('Connected', { timeout: 20_000 });
  await expect(tile(host, 'Bo')).toBeVisible({ timeout: 15_000 });

  // Cy is turned away, and told.
  await cy.goto(`/call/${encodeURIComponent(channel)}`);
  await cy.getByLabel('Your name').fill('Cy');
  await expect(people.getByRole('button', { name: 'Deny Cy' })).toBeVisible({ timeout: 15_000 });
  await people.getByRole('button', { name: 'Deny Cy' }).click();
  await expect(cy.getByRole('heading', { name: 'A host did not let you in' })).toBeVisible({ timeout: 15_000 });

  // Locked: nobody new gets in; Bo, inside, stays.
  await more(host, 'Lock room');
  await expect(host.getByText(/The room is locked/)).toBeVisible();
  await dee.goto(`/call/${encodeURIComponent(channel)}`);
  await expect(dee.getByText('This room is locked').first()).toBeVisible({ timeout: 15_000 });
  await expect(connectionStatus(bo)).toHaveText('Connected');

  // A host may mute; Bo is told who did it.
  await personAction(host, 'Bo', 'Mute');
  await expect(bo.getByRole('button', { name: 'Unmute microphone' })).toBeVisible({ timeout: 10_000 });
  await expect(bo.getByRole('status', { name: 'Notification' })).toHaveText(`${HOST} muted you`);

  // Bo forges host commands: the server refuses them without the host key; the host stays, unmuted.
  const hostMic = host.getByRole('button', { name: 'Mute microphone' });
  await expect(hostMic).toBeVisible();
  for (const action of ['mute-everyone', 'end', 'unlock'])
    expect(await postFromPage(bo, `/api/rooms/${encodeURIComponent(channel)}`, { action })).toEqual({
      status: 403,
      code: 'host_key_invalid',
    });
  expect(
    await postFromPage(bo, '/api/local/rtm/publish', {
      session: boCall.signaling,
      channel,
      message: JSON.stringify({ v: 1, type: 'room-changed' }),
    }),
  ).toEqual(expect.objectContaining({ status: 200 }));
  const hostReadsTheRoom = host.waitForResponse((response) => response.url().includes('/api/rooms/'));
  await hostReadsTheRoom;
  await expect(hostMic).toBeVisible();
  await expect(connectionStatus(host)).toHaveText('Connected');

  // End call for everyone: Bo is told; no token for this room any more.
  await more(host, 'End call for everyone');
  await host
    .getByRole('alertdialog', { name: 'End the call for everyone?' })
    .getByRole('button', { name: 'End call for everyone' })
    .click();
  await expect(bo.getByRole('heading', { name: 'The host ended the call' })).toBeVisible({ timeout: 15_000 });
  await expect(host.getByText('You ended the call for everyone')).toBeVisible({ timeout: 15_000 });
  expect(await tokenFromPage(bo, { channel, uid: boUid!, ticket: boCall.ticket })).toEqual({
    status: 403,
    code: 'room_ended',
  });
  for (const page of [host, bo, cy, dee]) await page.context().close();
});
