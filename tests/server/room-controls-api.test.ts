import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { decodeAccessToken } from '@/lib/server/access-token';
import { localCertificate } from '@/lib/server/credentials';
import { issuePageTicket } from '@/lib/server/page-ticket';
import { setRateLimiterFactory } from '@/lib/server/rate-limit';
import { resetMemoryRoomStore } from '@/lib/server/rooms/memory-room-store';
import { HOST_ACTIONS } from '@/lib/shared/room-contract';
import * as rte from '@/app/api/rte/[...segments]/route';
import * as postToken from '@/app/api/token/route';
import { act, as, call, readRoom, rtcToken, rtmToken, startRoom } from '../support/rooms-api';
import { withServerEnv } from '../support/server-env';

// Host controls as a browser uses them (status + JSON): remove, end, lock, waiting room, requests
// to mute or turn on; each host action checked against the host key, each self action bound to the
// caller's own ticket; and what each changes about the RTC and RTM tokens the server hands out.

withServerEnv();
beforeEach(() => {
  resetMemoryRoomStore();
  setRateLimiterFactory((bucket, points) => new RateLimiterMemory({ keyPrefix: bucket, points, duration: 60 }));
});
afterEach(() => vi.useRealTimers());

const ADA_BROWSER = 'AdaAdaAdaAdaAdaAdaAda0';
const ticketFor = (uids: number[], browser: string | null = null, channel = 'room') =>
  issuePageTicket({ channel, uids, browser }, localCertificate());
const HOST = ticketFor([1, 2], 'HostHostHostHostHost00');
const ADA = ticketFor([11, 12], ADA_BROWSER);
const ALAN = ticketFor([21, 22], 'AlanAlanAlanAlanAlan00');

/** A room started by its host: the host's headers (ticket and key). */
async function hostedRoom(channel = 'room') {
  const started = await startRoom({ channel });
  const hostKey = started.body.hostKey as string;
  return { 'x-call-ticket': HOST, 'x-host-key': hostKey };
}

/** Both of a person's RTC tokens (camera, screen share) and their RTM token: the statuses and codes. */
async function tokensOf(ticket: string, [camera, screen]: [number, number]) {
  const answers = [
    await rtcToken('room', 'publisher', camera, as(ticket)),
    await rtcToken('room', 'publisher', screen, as(ticket)),
    await rtmToken(camera, as(ticket)),
  ];
  return answers.map(({ status, body }) => (status === 200 ? 200 : `${status} ${body.code}`));
}

describe('host actions need the host key; self actions act only on the caller', () => {
  it('every host action without the key, or with a wrong one: 403 host_key_invalid', async () => {
    // And the room is unchanged.
    const host = await hostedRoom();
    const before = (await readRoom('room', as(ADA))).body;
    const wrongKey = `${host['x-host-key'].slice(0, 42)}${host['x-host-key'].endsWith('A') ? 'B' : 'A'}`;
    for (const action of HOST_ACTIONS) {
      for (const headers of [as(ADA), as(ADA, wrongKey), {}]) {
        const refused = await act('room', { action, uid: 11, name: 'Forger' }, headers);
        expect(refused).toMatchObject({ status: 403, body: { code: 'host_key_invalid' } });
      }
    }
    expect((await readRoom('room', as(ADA))).body).toEqual(before);
    expect(await tokensOf(ADA, [11, 12])).toEqual([200, 200, 200]);
  });

  it('a person acted on needs a uid (never 0, never the host itself for a removal)', async () => {
    const host = await hostedRoom();
    for (const action of ['remove', 'admit', 'deny', 'mute', 'ask-unmute', 'ask-camera']) {
      expect(await act('room', { action }, host)).toMatchObject({ status: 400, body: { code: 'invalid_uid' } });
      expect(await act('room', { action, uid: 0 }, host)).toMatchObject({ status: 400, body: { code: 'invalid_uid' } });
    }
    expect(await act('room', { action: 'remove', uid: 1 }, host)).toMatchObject({
      status: 400,
      body: { code: 'invalid_uid', error: 'a host cannot remove themselves: leave the call instead' },
    });
  });

  it("a knock is for the caller's own uid only: a uid in the body is ignored, no ticket is refused", async () => {
    const host = await hostedRoom();
    await act('room', { action: 'waiting-room-on' }, host);
    await act('room', { action: 'knock', uid: 99, name: 'Alan' }, as(ALAN));
    expect((await readRoom('room', host)).body.waiting).toEqual([{ uid: 21, name: 'Alan', since: expect.any(Number) }]);
    expect(await act('room', { action: 'knock', name: 'Nobody' }, {})).toMatchObject({
      status: 409,
      body: { code: 'not_invited' },
    });
    // A ticket of another room knocks on nothing here.
    expect((await act('room', { action: 'knock' }, as(ticketFor([31, 32], null, 'elsewhere')))).status).toBe(409);
  });
});

describe('remove', () => {
  it('refuses the person for REMOVAL_SECONDS: both uids, RTM too, a new page in the same browser', async () => {
    // A fresh browser is not covered.
    const host = await hostedRoom();
    expect(await tokensOf(ADA, [11, 12])).toEqual([200, 200, 200]); // Ada is in (her browser recorded)
    const removed = await act('room', { action: 'remove', uid: 11 }, host);
    expect(removed.status).toBe(200);
    expect((await readRoom('room', as(ADA))).body.you).toMatchObject({ uid: 11, admission: 'removed' });
    expect(await tokensOf(ADA, [11, 12])).toEqual(['403 removed', '403 removed', '403 removed']);
    // Reloading the page gives new uids, but the same browser cookie.
    const reloaded = ticketFor([41, 42], ADA_BROWSER);
    expect(await tokensOf(reloaded, [41, 42])).toEqual(['403 removed', '403 removed', '403 removed']);
    expect((await readRoom('room', as(reloaded))).body.you.admission).toBe('removed');
    expect(await act('room', { action: 'knock' }, as(reloaded))).toMatchObject({
      status: 403,
      body: { code: 'removed' },
    });
    // What a determined person can still do without sign-in: a fresh browser is a new person.
    expect(await tokensOf(ticketFor([51, 52], 'FreshFreshFreshFresh00'), [51, 52])).toEqual([200, 200, 200]);
    // Others are unaffected.
    expect(await tokensOf(ALAN, [21, 22])).toEqual([200, 200, 200]);
  });

  it('takes the person off the stage; the refusal ends after REMOVAL_SECONDS', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.stubEnv('REMOVAL_SECONDS', '120');
    const started = await startRoom({ channel: 'room', stage: true });
    const host = as(HOST, started.body.hostKey);
    await act('room', { action: 'invite', uid: 11 }, host);
    await act('room', { action: 'accept-invitation' }, as(ADA));
    expect((await act('room', { action: 'remove', uid: 11 }, host)).body).toMatchObject({ onStage: [], invited: [] });
    vi.advanceTimersByTime(119_000);
    expect((await rtcToken('room', 'subscriber', 11, as(ADA))).body.code).toBe('removed');
    vi.advanceTimersByTime(2000);
    expect((await rtcToken('room', 'subscriber', 11, as(ADA))).status).toBe(200);
    expect((await rtcToken('room', 'publisher', 11, as(ADA))).body.code).toBe('not_on_stage');
  });
});

describe('end', () => {
  it('refuses every token for the room, every change, and a restart, for ROOM_END_SECONDS', async () => {
    // Host key included.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.stubEnv('ROOM_END_SECONDS', '600');
    const host = await hostedRoom();
    await rtcToken('room', 'publisher', 11, as(ADA));
    const ended = await act('room', { action: 'end' }, host);
    expect(ended).toMatchObject({ status: 200, body: { ended: true, hosted: false, stage: false, hosts: [] } });
    expect((await readRoom('room', as(ADA))).body).toMatchObject({ ended: true, you: { uid: 11 } });
    expect(await tokensOf(ADA, [11, 12])).toEqual(['403 room_ended', '403 room_ended', '403 room_ended']);
    expect((await rtcToken('room', 'publisher', 1, host)).body.code).toBe('room_ended');
    expect(await startRoom({ channel: 'room' })).toMatchObject({ status: 403, body: { code: 'room_ended' } });
    expect((await act('room', { action: 'lock' }, host)).body.code).toBe('room_ended');
    expect((await act('room', { action: 'knock' }, as(ADA))).body.code).toBe('room_ended');
    expect((await act('room', { action: 'end' }, host)).status).toBe(200); // again: still ended, not extended
    // Other rooms go on.
    expect((await rtcToken('other', 'publisher', 11, as(ticketFor([11, 12], null, 'other')))).status).toBe(200);
    vi.advanceTimersByTime(601_000);
    expect((await rtcToken('room', 'publisher', 11, as(ADA))).status).toBe(200);
    expect((await startRoom({ channel: 'room' })).body.host).toBe(true); // a new room, from nothing
  });
});

describe('lock', () => {
  it('those who had a token stay; newcomers are refused (RTC and RTM); hosts get in; unlock lets them in', async () => {
    const host = await hostedRoom();
    expect((await rtcToken('room', 'publisher', 11, as(ADA))).status).toBe(200);
    expect((await act('room', { action: 'lock' }, host)).body.locked).toBe(true);
    expect((await readRoom('room', as(ALAN))).body).toMatchObject({ locked: true, you: { admission: 'in' } });
    expect(await tokensOf(ADA, [11, 12])).toEqual([200, 200, 200]);
    // Ada reloads: new uids, the same browser: still inside.
    expect(await tokensOf(ticketFor([13, 14], ADA_BROWSER), [13, 14])).toEqual([200, 200, 200]);
    expect(await tokensOf(ALAN, [21, 22])).toEqual(['403 room_locked', '403 room_locked', '403 room_locked']);
    expect(await tokensOf(ticketFor([23, 24]), [23, 24])).toEqual(Array(3).fill('403 room_locked')); // no cookie
    const coHost = as(ticketFor([61, 62]), host['x-host-key']);
    expect((await rtcToken('room', 'publisher', 61, coHost)).status).toBe(200);
    await act('room', { action: 'unlock' }, host);
    expect(await tokensOf(ALAN, [21, 22])).toEqual([200, 200, 200]);
  });
});

describe('waiting room', () => {
  it('knock, admit, deny: only admitted newcomers get tokens; the host sees who waits, others do not', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const host = await hostedRoom();
    expect((await rtcToken('room', 'publisher', 11, as(ADA))).status).toBe(200); // in before it was turned on
    expect((await act('room', { action: 'waiting-room-on' }, host)).body.waitingRoom).toBe(true);
    expect(await tokensOf(ADA, [11, 12])).toEqual([200, 200, 200]);

    expect((await readRoom('room', as(ALAN))).body.you.admission).toBe('not-admitted');
    expect(await tokensOf(ALAN, [21, 22])).toEqual(Array(3).fill('403 waiting_for_host'));
    const knocked = await act('room', { action: 'knock', name: '  Alan\u202e  Turing ' }, as(ALAN));
    expect(knocked.body).toMatchObject({ waiting: [], you: { admission: 'waiting' } });
    expect((await readRoom('room', host)).body.waiting).toEqual([{ uid: 21, name: 'Alan Turing', since: Date.now() }]);
    expect((await readRoom('room', as(ADA))).body.waiting).toEqual([]);
    expect(await tokensOf(ALAN, [21, 22])).toEqual(Array(3).fill('403 waiting_for_host'));

    const admitted = await act('room', { action: 'admit', uid: 21 }, host);
    expect(admitted.body.waiting).toEqual([]);
    expect((await readRoom('room', as(ALAN))).body.you.admission).toBe('in');
    expect(await tokensOf(ALAN, [21, 22])).toEqual([200, 200, 200]);
    // Alan reloads (new uids, same browser): not sent back to the waiting room.
    const alanAgain = ticketFor([25, 26], 'AlanAlanAlanAlanAlan00');
    expect((await readRoom('room', as(alanAgain))).body.you.admission).toBe('in');
    expect(await tokensOf(alanAgain, [25, 26])).toEqual([200, 200, 200]);

    const grace = ticketFor([31, 32]);
    await act('room', { action: 'knock' }, as(grace));
    expect((await readRoom('room', host)).body.waiting).toEqual([{ uid: 31, name: 'Guest 31', since: Date.now() }]);
    await act('room', { action: 'deny', uid: 31 }, host);
    expect((await readRoom('room', as(grace))).body.you.admission).toBe('denied');
    expect(await tokensOf(grace, [31, 32])).toEqual(Array(3).fill('403 admission_denied'));
    // Knocking again changes nothing: still denied, not back on the list.
    expect((await act('room', { action: 'knock' }, as(grace))).body.you.admission).toBe('denied');
    expect((await readRoom('room', host)).body.waiting).toEqual([]);

    // Off: everyone gets in, the list and refusals are forgotten.
    await act('room', { action: 'waiting-room-off' }, host);
    expect(await tokensOf(grace, [31, 32])).toEqual([200, 200, 200]);
  });

  it('a knock without a waiting room, or once admitted, changes nothing', async () => {
    const host = await hostedRoom();
    const knocked = await act('room', { action: 'knock', name: 'Alan' }, as(ALAN));
    expect(knocked).toMatchObject({ status: 200, body: { waitingRoom: false, you: { admission: 'in' } } });
    await act('room', { action: 'waiting-room-on' }, host);
    expect((await readRoom('room', host)).body.waiting).toEqual([]);
    expect((await act('room', { action: 'knock', name: 7 }, as(ALAN))).body.code).toBe('invalid_field');
  });
});

describe('requests to mute or turn on, and mute everyone', () => {
  it("go to the person asked, in order, with the host's cleaned name; nobody else sees them", async () => {
    const host = await hostedRoom();
    await act('room', { action: 'mute', uid: 11, name: 'Grace\u0000 Hopper' }, host);
    await act('room', { action: 'ask-unmute', uid: 11 }, host);
    await act('room', { action: 'ask-camera', uid: 11, name: 'x'.repeat(100) }, host);
    await act('room', { action: 'mute', uid: 21, name: 'Grace' }, host);
    expect((await readRoom('room', as(ADA))).body.you.requests).toEqual([
      { id: 1, kind: 'mute', by: 'Grace Hopper' },
      { id: 2, kind: 'ask-unmute', by: 'A host' },
      { id: 3, kind: 'ask-camera', by: 'x'.repeat(64) },
    ]);
    expect((await readRoom('room', as(ALAN))).body.you.requests).toEqual([{ id: 4, kind: 'mute', by: 'Grace' }]);
    expect((await readRoom('room', host)).body.you.requests).toEqual([]);
    expect(await act('room', { action: 'mute', uid: 11, name: ['Grace'] }, host)).toMatchObject({
      status: 400,
      body: { code: 'invalid_field', error: 'name must be text' },
    });
  });

  it('are kept 10 minutes, the newest 20 per person', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const host = await hostedRoom();
    for (let i = 0; i < 25; i++) await act('room', { action: 'mute', uid: 11 }, host);
    const requests = (await readRoom('room', as(ADA))).body.you.requests;
    expect(requests.map((request: { id: number }) => request.id)).toEqual(Array.from({ length: 20 }, (_, i) => i + 6));
    vi.advanceTimersByTime(10 * 60_000 + 1);
    expect((await readRoom('room', as(ADA))).body.you.requests).toEqual([]);
  });

  it('mute everyone raises muteAll for all to see; a host never turns anyone on', async () => {
    // There is no such action.
    const host = await hostedRoom();
    await act('room', { action: 'mute-everyone' }, host);
    expect((await act('room', { action: 'mute-everyone' }, host)).body.muteAll).toBe(2);
    expect((await readRoom('room', as(ADA))).body.muteAll).toBe(2);
    for (const action of ['unmute', 'camera-on']) {
      expect((await act('room', { action, uid: 11 }, host)).body.code).toBe('invalid_room_action');
    }
  });
});

describe('token lifetimes in a hosted room', () => {
  it('non-hosts join for ROOM_JOIN_SECONDS, hosts as asked; rooms nobody started as asked', async () => {
    const plain = await rtcToken('room', 'publisher', 11, as(ADA));
    expect(plain.body.expiry).toBe(600);
    const host = await hostedRoom();
    const guest = await rtcToken('room', 'publisher', 11, as(ADA));
    expect(guest.body).toMatchObject({ expiry: 300, expiresAt: expect.any(Number) });
    expect(decodeAccessToken(guest.body.rtcToken, localCertificate())!.rtc[0]!.privileges[1]).toBe(300);
    const rtm = await rtmToken(11, as(ADA));
    expect(rtm.body.expiry).toBe(300);
    expect(decodeAccessToken(rtm.body.rtmToken, localCertificate())!.rtm[0]!.privileges[1]).toBe(300);
    expect((await rtcToken('room', 'publisher', 1, host)).body.expiry).toBe(600);
    expect((await rtmToken(1, host)).body.expiry).toBe(600);
    // An RTM token asked without a ticket names no room: as asked.
    expect((await rtmToken(11)).body.expiry).toBe(600);
    vi.stubEnv('ROOM_JOIN_SECONDS', '60');
    expect((await rtcToken('room', 'subscriber', 11, as(ADA))).body.expiry).toBe(60);
    vi.stubEnv('ROOM_JOIN_SECONDS', '30');
    expect(await rtcToken('room', 'subscriber', 11, as(ADA))).toMatchObject({
      status: 503,
      body: {
        code: 'not_configured',
        error: 'ROOM_JOIN_SECONDS must be whole seconds from 40 to 86400; fix it on the server',
      },
    });
  });

  it('rte and POST /api/token (rtc and rtm) follow the same rules', async () => {
    const host = await hostedRoom();
    await act('room', { action: 'lock' }, host);
    const rteRefused = await call(rte.GET, '/api/rte/room/publisher/uid/21/', { headers: as(ALAN) });
    expect(rteRefused).toMatchObject({ status: 403, body: { code: 'room_locked' } });
    await act('room', { action: 'unlock' }, host);
    const both = await call(rte.GET, '/api/rte/room/publisher/uid/21/?expiry=600', { headers: as(ALAN) });
    expect(both.body.expiry).toBe(300);
    expect(decodeAccessToken(both.body.rtmToken, localCertificate())!.rtm[0]!.privileges[1]).toBe(300);
    await act('room', { action: 'remove', uid: 21 }, host);
    for (const tokenType of ['rtc', 'rtm']) {
      const posted = await call(postToken.POST, '/api/token', {
        method: 'POST',
        body: { tokenType, channel: 'room', role: 'subscriber', uid: 21 },
        headers: as(ALAN),
      });
      expect(posted).toMatchObject({ status: 403, body: { code: 'removed' } });
    }
  });
});
