import type { Page } from '@playwright/test';
import {
  connectionStatus,
  expectLiveRemoteVideo,
  localTile,
  openPanel,
  openParticipant,
  remoteTiles,
  startRoomAsHost,
  tile,
} from './support/call-page';
import { expect, test } from './support/fixtures';
import { postFromPage, tokenFromPage, watchOwnCall } from './support/own-call';

// A live event in local mode, three browsers: the host starts it, two people join the audience (no
// publish privilege in their tokens), one is invited on stage, seen and heard, then moved back and
// can no longer publish; the other stays in the audience, and publishing behind the UI's back is refused.

const HOST = 'Hedy Host';
const ADA = 'Ada Audience';
const BO = 'Bo Audience';

async function joinAudience(page: Page, channel: string, name: string) {
  await page.goto(`/call/${encodeURIComponent(channel)}`);
  await expect(page.getByText('This is a live event: you join the audience.')).toBeVisible({ timeout: 15_000 });
  await page.getByLabel('Your name').fill(name);
  await page.getByRole('button', { name: 'Join the audience' }).click({ timeout: 20_000 });
  await expect(connectionStatus(page)).toHaveText('Connected', { timeout: 15_000 });
  await expect(page.getByText('You are: Audience')).toBeVisible();
}

test('a live event: the audience sees the host, one person is invited on stage and moved back', async ({
  browser,
  baseURL,
}) => {
  // The audience cannot publish.
  test.setTimeout(120_000);
  const channel = `stage-${Date.now()}`;
  const host = await openParticipant(browser, baseURL!);
  const ada = await openParticipant(browser, baseURL!);
  const bo = await openParticipant(browser, baseURL!);
  const adaCall = watchOwnCall(ada);
  const boCall = watchOwnCall(bo);

  // The host starts the room as a live event from the start page.
  await startRoomAsHost(host, channel, HOST, { live: true });
  await expect(host.getByText('You are: Host')).toBeVisible();

  // Two people join the audience: they see and hear the host, have no tile of their own, and are listed as audience.
  await joinAudience(ada, channel, ADA);
  await joinAudience(bo, channel, BO);
  for (const page of [ada, bo]) {
    await expect(tile(page, HOST)).toBeVisible({ timeout: 15_000 });
    await expectLiveRemoteVideo(page);
    await expect(localTile(page)).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Share screen' })).toHaveCount(0);
  }
  await expect(remoteTiles(host)).toHaveCount(0);
  const people = await openPanel(host, 'People');
  const adaRow = people.getByRole('listitem', { name: ADA });
  await expect(adaRow).toContainText('Audience', { timeout: 15_000 });
  await expect(people.getByRole('listitem', { name: BO })).toContainText('Audience');

  // Behind the UI's back, an audience member can get no publisher token and publish nothing.
  expect(boCall.session).not.toBe('');
  expect(await postFromPage(bo, '/api/local/publish', { session: boCall.session, audio: true, video: true })).toEqual({
    status: 403,
    code: 'no_publish_privilege',
  });
  expect(await postFromPage(bo, '/api/local/role', { session: boCall.session, role: 'host' })).toEqual({
    status: 403,
    code: 'no_publish_privilege',
  });
  const forgedToken = await tokenFromPage(bo, { channel, uid: boCall.uid, ticket: boCall.ticket });
  expect(forgedToken).toEqual({ status: 403, code: 'not_on_stage' });

  // The host invites Ada; she accepts; everyone sees her on stage, camera and microphone as she left them.
  await adaRow.getByRole('button', { name: `Invite ${ADA} to the stage` }).click();
  await expect(adaRow).toContainText('Invitation sent');
  const invitation = ada.getByRole('alertdialog', { name: 'A host invited you to the stage' });
  await expect(invitation).toBeVisible({ timeout: 10_000 });
  await invitation.getByRole('button', { name: 'Join the stage' }).click();
  await expect(ada.getByText('You are: On stage')).toBeVisible({ timeout: 10_000 });
  await expect(ada.getByText('You are on stage: everyone sees and hears you.')).toBeVisible();
  await expect(localTile(ada)).toBeVisible();
  for (const page of [host, bo]) {
    await expect(tile(page, ADA)).toBeVisible({ timeout: 15_000 });
    await expect(tile(page, ADA).getByRole('img', { name: 'microphone off' })).toHaveCount(0);
    await expectLiveRemoteVideo(page, { tiles: tile(page, ADA) });
  }
  await expect(adaRow).toContainText('On stage');
  expect(adaCall.session).not.toBe('');

  // Moved back to the audience: her tile goes, and her session can publish nothing any more.
  await adaRow.getByRole('button', { name: `Move ${ADA} to the audience` }).click();
  await expect(ada.getByText('You are: Audience')).toBeVisible({ timeout: 10_000 });
  for (const page of [host, bo]) await expect(tile(page, ADA)).toHaveCount(0, { timeout: 15_000 });
  await expect
    .poll(() => postFromPage(ada, '/api/local/publish', { session: adaCall.session, audio: true, video: false }), {
      timeout: 10_000,
    })
    .toEqual({ status: 403, code: 'no_publish_privilege' });

  // Bo, still in the audience, sends Signaling messages that claim an invitation and a room change:
  // every page reads the room from the server, which says nobody is invited, so nothing changes.
  expect(boCall.signaling).not.toBe('');
  const adaReadsTheRoom = ada.waitForResponse((response) => response.url().includes('/api/rooms/'));
  for (const message of [
    JSON.stringify({ v: 1, type: 'invite', uid: boCall.uid }),
    JSON.stringify({ v: 1, type: 'room-changed' }),
  ]) {
    expect(await postFromPage(bo, '/api/local/rtm/publish', { session: boCall.signaling, channel, message })).toEqual(
      expect.objectContaining({ status: 200 }),
    );
  }
  await adaReadsTheRoom; // what her page shows next is the server's word
  for (const page of [ada, bo]) {
    await expect(page.getByRole('alertdialog')).toHaveCount(0);
    await expect(page.getByText('You are: Audience')).toBeVisible();
    await expect(localTile(page)).toHaveCount(0);
  }

  for (const page of [host, ada, bo]) await page.context().close();
});

test('the host link makes a co-host (its key leaves the address bar at once); the guest link does not', async ({
  browser,
  baseURL,
}) => {
  const channel = `cohost-${Date.now()}`;
  const host = await openParticipant(browser, baseURL!);
  await host.goto('/');
  await host.getByLabel('Channel name').fill(channel);
  await host.getByRole('button', { name: 'Join', exact: true }).click();
  await expect(host.getByText('You are a host of this room')).toBeVisible({ timeout: 15_000 });
  expect(new URL(host.url()).hash).toBe('');
  await host.getByRole('button', { name: 'Join call' }).click({ timeout: 20_000 });
  const card = host.getByRole('region', { name: 'Invite others' });
  await card.getByText('Host link, for co-hosts').click();
  const hostLink = (await card.getByText(/#host=/).textContent())!.trim();
  const guestLink = (await card
    .getByText(/\/call\//)
    .first()
    .textContent())!.trim();
  expect(guestLink).not.toContain('#');

  const cohost = await openParticipant(browser, baseURL!);
  await cohost.goto(hostLink);
  await expect(cohost.getByText('You are a host of this room')).toBeVisible({ timeout: 15_000 });
  await expect.poll(() => new URL(cohost.url()).hash).toBe('');
  await cohost.reload(); // kept in this browser: still a host
  await expect(cohost.getByText('You are a host of this room')).toBeVisible({ timeout: 15_000 });

  const guest = await openParticipant(browser, baseURL!);
  await guest.goto(guestLink);
  await expect(guest.getByRole('button', { name: 'Join call' })).toBeEnabled({ timeout: 20_000 });
  await expect(guest.getByText('You are a host of this room')).toHaveCount(0);
  for (const page of [host, cohost, guest]) await page.context().close();
});
