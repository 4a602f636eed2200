import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AccessToken2, ServiceRtc } from 'agora-token/src/AccessToken2';
import { LOCAL_DEV_APP_ID, localCertificate } from '@/lib/server/credentials';
import { STREAM_GRACE_MS } from '@/lib/server/local/connections';
import { MAX_PARTICIPANTS } from '@/lib/server/local/rooms';
import { mintRtcToken } from '@/lib/server/mint';
import { refusal } from '../support/refusal';
import * as joinRoute from '@/app/api/local/join/route';
import * as signalRoute from '@/app/api/local/signal/route';
import * as publishRoute from '@/app/api/local/publish/route';
import * as eventsRoute from '@/app/api/local/events/route';
import { TEST_APP_CERTIFICATE, TEST_APP_ID, withServerEnv } from '../support/server-env';
import { local, localServer, token } from '../support/local-rtc-server';

const server = localServer;

withServerEnv();
beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date('2026-11-28T12:00:00Z'));
});
afterEach(() => vi.useRealTimers());

describe('token enforcement at join, as Agora does', () => {
  it('accepts a valid token for this channel and uid', () => {
    const { rooms, join } = server();
    const joined = join('room-a', 11);
    expect(joined).toMatchObject({
      uid: 11,
      role: 'audience',
      participants: [],
      expiresAt: Math.floor(Date.now() / 1000) + 120,
    });
    expect(rooms.roster('room-a')).toEqual([{ uid: 11, role: 'audience', audio: false, video: false }]);
  });

  it('a token for channel A cannot join channel B', () => {
    expect(refusal(() => server().join('room-b', 11, { token: token('room-a', 11) }))).toBe('invalid_token');
    expect(() => server().join('room-b', 11, { token: token('room-a', 11) })).toThrow(
      'CAN_NOT_GET_GATEWAY_SERVER: invalid token, authorized failed (the token is for channel "room-a", not "room-b")',
    );
  });

  it('a token for another uid is refused; a uid-0 token admits anyone', () => {
    expect(() => server().join('room-a', 12, { token: token('room-a', 11) })).toThrow(
      '(the token is for uid 11, not uid 12)',
    );
    expect(server().join('room-a', 12, { token: token('room-a', 0) }).uid).toBe(12);
  });

  it('a forged signature is refused', () => {
    const forged = mintRtcToken(
      { ...local, appCertificate: 'f'.repeat(32) },
      'room-a',
      { kind: 'uid', uid: 11 },
      'publisher',
      60,
    ).token;
    expect(() => server().join('room-a', 11, { token: forged })).toThrow(
      'its signature does not match this App Certificate',
    );
    const tampered = token('room-a', 11).slice(0, -6) + 'AAAAAA';
    expect(() => server().join('room-a', 11, { token: tampered })).toThrow(/invalid token, authorized failed/);
  });

  it('an expired token is refused with TOKEN_EXPIRE', () => {
    const old = token('room-a', 11, 'publisher', 60);
    vi.advanceTimersByTime(61_000);
    expect(refusal(() => server().join('room-a', 11, { token: old }))).toBe('token_expired');
    expect(() => server().join('room-a', 11, { token: old })).toThrow(
      /^TOKEN_EXPIRE: token expired \(the join privilege ended 1 s ago\)/,
    );
  });

  it("no token and a foreign App ID get the SDK's own errors", () => {
    expect(() => server().join('room-a', 11, { token: '' })).toThrow(
      'CAN_NOT_GET_GATEWAY_SERVER: dynamic use static key',
    );
    expect(refusal(() => server().join('room-a', 11, { token: '' }))).toBe('token_required');
    const { rooms, openTab } = server();
    const joinWithAnotherAppId = () =>
      rooms.join(local, {
        connection: openTab().id,
        appId: 'a'.repeat(32),
        channel: 'room-a',
        uid: 1,
        token: token('room-a', 1),
      });
    expect(refusal(joinWithAnotherAppId)).toBe('invalid_app_id');
    expect(joinWithAnotherAppId).toThrow(/invalid vendor key, can not find appid/);
  });

  it('a token with no join privilege is refused', () => {
    const built = new AccessToken2(LOCAL_DEV_APP_ID, localCertificate(), Math.floor(Date.now() / 1000), 600);
    const service = new (
      ServiceRtc as unknown as new (
        channel: string,
        uid: number,
      ) => ServiceRtc & { add_privilege(p: number, v: number): void }
    )('room-a', 11);
    service.add_privilege(2, 600); // publish audio, but no join
    built.add_service(service);
    expect(() => server().join('room-a', 11, { token: built.build() })).toThrow(
      '(the token carries no join privilege)',
    );
  });

  it('a subscriber token joins but may neither become host nor publish', () => {
    const { rooms, join } = server();
    const { sessionId } = join('room-a', 11, { token: token('room-a', 11, 'subscriber') });
    expect(() => rooms.setRole(sessionId, 'host')).toThrow(
      /^NO_PUBLISH_PRIVILEGE: this token may not publish audio or video \(a subscriber token only joins\)/,
    );
    expect(refusal(() => rooms.publish(sessionId, true, false))).toBe('no_publish_privilege');
    expect(() => rooms.publish(sessionId, false, false)).not.toThrow();
    expect(refusal(() => join('room-a', 12, { token: token('room-a', 12, 'subscriber'), role: 'host' }))).toBe(
      'no_publish_privilege',
    );
  });

  it('refuses a second join with the uid of someone in another tab, and a seventh participant', () => {
    const { join } = server();
    join('room-a', 1);
    expect(() => join('room-a', 1)).toThrow(/^UID_CONFLICT/);
    expect(refusal(() => join('room-a', 1))).toBe('uid_conflict');
    for (let uid = 2; uid <= MAX_PARTICIPANTS; uid++) join('room-a', uid);
    expect(() => join('room-a', 99)).toThrow(
      `ROOM_FULL: channel "room-a" already has ${MAX_PARTICIPANTS} participants`,
    );
    expect(refusal(() => join('room-a', 99))).toBe('room_full');
    expect(join('room-b', 99).uid).toBe(99);
  });

  it('a join needs an open event stream, named by its connection id', () => {
    const { rooms } = server();
    expect(() =>
      rooms.join(local, {
        connection: 'made-up',
        appId: LOCAL_DEV_APP_ID,
        channel: 'room-a',
        uid: 1,
        token: token('room-a', 1),
      }),
    ).toThrow(/^unknown connection/);
    expect(
      refusal(() =>
        rooms.join(local, {
          connection: 'made-up',
          appId: LOCAL_DEV_APP_ID,
          channel: 'room-a',
          uid: 1,
          token: token('room-a', 1),
        }),
      ),
    ).toBe('unknown_connection');
  });
});

it('the same tab joining again with its uid (a lost answer, a quick rejoin) takes its old place', () => {
  const { rooms, join, openTab } = server();
  const other = join('room-a', 2);
  const tab = openTab();
  const lost = join('room-a', 1, { tab, role: 'host' });
  const retried = join('room-a', 1, { tab, role: 'host' });
  expect(retried.sessionId).not.toBe(lost.sessionId);
  expect(
    rooms
      .roster('room-a')
      .map((member) => member.uid)
      .sort(),
  ).toEqual([1, 2]);
  expect(() => rooms.publish(lost.sessionId, false, false)).toThrow(/^unknown session/);
  expect(refusal(() => rooms.publish(lost.sessionId, false, false))).toBe('session_gone');
  expect(other.events().filter((event) => event.type === 'user-joined')).toHaveLength(2);
});

describe('token lifetime', () => {
  it('warns 30 s before expiry, accepts a renewal, and disconnects at expiry when not renewed', () => {
    const { rooms, join } = server();
    const a = join('room-a', 1, { token: token('room-a', 1, 'publisher', 60) });
    const b = join('room-a', 2, { token: token('room-a', 2, 'publisher', 60) });
    vi.advanceTimersByTime(30_000);
    expect(a.events()).toContainEqual({ type: 'token-privilege-will-expire' });

    rooms.renew(local, a.sessionId, token('room-a', 1, 'publisher', 60));
    vi.advanceTimersByTime(30_000); // b's token ends now; a's renewed one runs 30 s more
    expect(b.events()).toContainEqual({ type: 'token-privilege-did-expire' });
    expect(a.events()).toContainEqual({ type: 'user-left', uid: 2, reason: 'TokenExpired' });
    expect(rooms.roster('room-a')).toEqual([{ uid: 1, role: 'audience', audio: false, video: false }]);
    expect(a.events()).not.toContainEqual({ type: 'token-privilege-did-expire' });
  });

  it('a renewal that arrives with a token already inside the 30 s window is warned at once', () => {
    // So the client renews again.
    const { rooms, join } = server();
    const a = join('room-a', 1, { token: token('room-a', 1, 'publisher', 60) });
    vi.advanceTimersByTime(30_000);
    expect(a.events().filter((event) => event.type === 'token-privilege-will-expire')).toHaveLength(1);
    const late = token('room-a', 1, 'publisher', 40); // minted now; the overloaded server sees it 15 s later
    vi.advanceTimersByTime(15_000);
    rooms.renew(local, a.sessionId, late); // 25 s left: inside the window the warning is for
    vi.advanceTimersByTime(0);
    expect(a.events().filter((event) => event.type === 'token-privilege-will-expire')).toHaveLength(2);
    expect(a.events()).not.toContainEqual({ type: 'token-privilege-did-expire' });
  });

  it('a renewal must be for the same channel and uid', () => {
    const { rooms, join } = server();
    const { sessionId } = join('room-a', 1);
    expect(() => rooms.renew(local, sessionId, token('room-b', 1))).toThrow(
      /the token is for channel "room-b", not "room-a"/,
    );
    expect(() => rooms.renew(local, sessionId, token('room-a', 2))).toThrow(/not uid 1/);
  });
});

describe('presence and relay', () => {
  it('announces joins, publishes and leaves to the others, and relays signals from the sender uid', () => {
    const { rooms, join } = server();
    const a = join('room-a', 1, { role: 'host' });
    const b = join('room-a', 2, { role: 'host' });
    expect(b.participants).toEqual([{ uid: 1, role: 'host', audio: false, video: false }]);
    expect(a.events()).toContainEqual({ type: 'user-joined', uid: 2 });
    rooms.publish(b.sessionId, true, true);
    expect(a.events()).toContainEqual({ type: 'user-published', uid: 2, audio: true, video: true });
    rooms.signal(b.sessionId, 1, { description: { type: 'offer', sdp: 'v=0' } });
    expect(a.events()).toContainEqual({
      type: 'signal',
      from: 2,
      data: { description: { type: 'offer', sdp: 'v=0' } },
    });
    rooms.leave(b.sessionId);
    expect(a.events()).toContainEqual({ type: 'user-left', uid: 2, reason: 'Quit' });
  });

  it('one tab carries several sessions on one stream, each event marked with its session', () => {
    const { join, openTab } = server();
    const tab = openTab();
    const camera = join('room-a', 1, { tab });
    const screen = join('room-a', 2, { tab });
    join('room-a', 3, { role: 'host' });
    expect(camera.events()).toContainEqual({ type: 'user-joined', uid: 3 });
    expect(screen.events()).toContainEqual({ type: 'user-joined', uid: 3 });
    expect(
      tab.received
        .filter((event) => event.type === 'user-joined' && event.uid === 3)
        .map((event) => event.session)
        .sort(),
    ).toEqual([camera.sessionId, screen.sessionId].sort());
  });

  it('a dropped stream resumes with Last-Event-ID and gets what was queued', () => {
    // One gone for 2 s takes its sessions with it.
    const { rooms, join, openTab } = server();
    const tabA = openTab();
    const a = join('room-a', 1, { tab: tabA });
    const b = join('room-a', 2);
    tabA.detach(); // a's network blips
    rooms.signal(b.sessionId, 1, { candidate: 'x' });
    vi.advanceTimersByTime(STREAM_GRACE_MS - 1);
    const resumed = openTab(tabA.id); // the browser reconnects, sending Last-Event-ID
    expect(resumed.id).toBe(tabA.id);
    expect(resumed.received).toContainEqual({
      type: 'signal',
      from: 2,
      data: { candidate: 'x' },
      session: a.sessionId,
    });
    resumed.detach(); // now the tab closes for good
    vi.advanceTimersByTime(STREAM_GRACE_MS);
    expect(b.events()).toContainEqual({ type: 'user-left', uid: 1, reason: 'ServerTimeOut' });
    expect(rooms.roster('room-a').map((member) => member.uid)).toEqual([2]);
    // The server no longer knows a's session: a renewal or a signal from it says so by its code.
    expect(refusal(() => rooms.renew(local, a.sessionId, token('room-a', 1)))).toBe('session_gone');
    expect(refusal(() => rooms.signal(a.sessionId, 2, {}))).toBe('session_gone');
    // A closed connection is not resumed: a new id tells the browser its sessions are gone.
    expect(openTab(tabA.id).id).not.toBe(tabA.id);
  });

  it('rejects unknown sessions and signals to people outside the channel', () => {
    const { rooms, join } = server();
    const a = join('room-a', 1);
    join('room-b', 2);
    expect(() => rooms.signal('forged-session', 1, {})).toThrow(/^unknown session/);
    expect(refusal(() => rooms.signal('forged-session', 1, {}))).toBe('session_gone');
    expect(() => rooms.signal(a.sessionId, 2, {})).toThrow('uid 2 is not in channel "room-a"');
    expect(refusal(() => rooms.signal(a.sessionId, 2, {}))).toBe('not_in_channel');
    expect(() => rooms.signal(a.sessionId, 1, {})).toThrow('uid 1 is not in channel "room-a"');
  });
});

describe('HTTP routes', () => {
  const post = (body: unknown) =>
    new Request('http://localhost/api/local/x', {
      method: 'POST',
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  /** Opens the event stream over HTTP and reads its first event: the connection id. */
  async function connect() {
    const response = await eventsRoute.GET(new Request('http://localhost/api/local/events'));
    const reader = response.body!.getReader();
    const first = new TextDecoder().decode((await reader.read()).value);
    const connection = JSON.parse(first.match(/^data: (.*)$/m)![1]!).connection as string;
    return { response, first, connection, reader };
  }

  it('the event stream starts with its connection id and asks for a quick reconnect', async () => {
    // It is also sent as the SSE id a browser sends back to resume.
    const { response, first, connection, reader } = await connect();
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(first).toBe(`retry: 500\nid: ${connection}\ndata: {"type":"connected","connection":"${connection}"}\n\n`);
    const resumed = await eventsRoute.GET(
      new Request('http://localhost/api/local/events', { headers: { 'last-event-id': connection } }),
    );
    expect(new TextDecoder().decode((await resumed.body!.getReader().read()).value)).toContain(
      `"connection":"${connection}"`,
    );
    await reader.cancel();
  });

  it("a newcomer's offer rides on its join: relayed to one participant already there, named in offeredTo", () => {
    const { join } = server();
    const offer = { type: 'offer' as const, sdp: 'v=0 newcomer' };
    const alone = join('room-a', 1, { offer });
    expect(alone).not.toHaveProperty('offeredTo'); // nobody to give it to: the client keeps it
    const c = join('room-a', 3, { role: 'host' });
    const b = join('room-a', 2, { offer, role: 'host' });
    expect(b.offeredTo).toBe(1);
    expect(alone.events()).toEqual([
      { type: 'user-joined', uid: 3 },
      { type: 'signal', from: 2, data: { description: offer } },
      { type: 'user-joined', uid: 2 },
    ]);
    expect(c.events()).toEqual([{ type: 'user-joined', uid: 2 }]);
  });

  it('a join whose offer is not an SDP offer is a 400 and admits nobody', async () => {
    const { connection, reader } = await connect();
    for (const offer of [null, 'v=0', { type: 'answer', sdp: 'v=0' }, { type: 'offer' }]) {
      const response = await joinRoute.POST(
        post({
          connection,
          appId: LOCAL_DEV_APP_ID,
          channel: 'http-offer',
          uid: 5,
          token: token('http-offer', 5),
          offer,
        }),
      );
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({
        error: 'offer must be an SDP offer: {"type":"offer","sdp":"v=0…"}',
        code: 'invalid_field',
      });
    }
    const admitted = await joinRoute.POST(
      post({
        connection,
        appId: LOCAL_DEV_APP_ID,
        channel: 'http-offer',
        uid: 5,
        token: token('http-offer', 5),
        offer: { type: 'offer', sdp: 'v=0' },
      }),
    );
    expect(admitted.status).toBe(200);
    await reader.cancel();
  });

  it('join answers 403 JSON with the reason for a wrong-channel token', async () => {
    const { connection, reader } = await connect();
    const response = await joinRoute.POST(
      post({ connection, appId: LOCAL_DEV_APP_ID, channel: 'http-b', uid: 5, token: token('http-a', 5) }),
    );
    expect(response.status).toBe(403);
    const refused = await response.json();
    expect(refused.code).toBe('invalid_token');
    expect(refused.error).toMatch(
      /invalid token, authorized failed \(the token is for channel "http-a", not "http-b"\)/,
    );
    const noStream = await joinRoute.POST(
      post({ connection: 'made-up', appId: LOCAL_DEV_APP_ID, channel: 'http-a', uid: 5, token: token('http-a', 5) }),
    );
    expect(noStream.status).toBe(404);
    expect((await noStream.json()).code).toBe('unknown_connection');
    await reader.cancel();
  });

  it('validates the channel and uid like the token API', async () => {
    const badChannel = await joinRoute.POST(post({ appId: LOCAL_DEV_APP_ID, channel: 'a/b', uid: 5, token: 'x' }));
    expect(badChannel.status).toBe(400);
    expect(await badChannel.json()).toEqual({
      error: expect.stringMatching(/^channelName contains "\/"/),
      code: 'invalid_channel',
    });
    const badUid = await joinRoute.POST(post({ appId: LOCAL_DEV_APP_ID, channel: 'ok', uid: -5, token: 'x' }));
    expect(badUid.status).toBe(400);
    expect((await badUid.json()).code).toBe('invalid_uid');
  });

  it('refuses oversized signals with 413 and malformed ones with 400', async () => {
    const huge = await signalRoute.POST(post({ session: 's', to: 1, data: { sdp: 'x'.repeat(70_000) } }));
    expect(huge.status).toBe(413);
    expect((await huge.json()).code).toBe('body_too_large');
    const noData = await signalRoute.POST(post({ session: 's', to: 1 }));
    expect(noData.status).toBe(400);
    expect((await noData.json()).code).toBe('invalid_field');
    const forged = await signalRoute.POST(post({ session: 'not-a-session', to: 1, data: {} }));
    expect(forged.status).toBe(404);
    expect((await forged.json()).code).toBe('session_gone');
    const notBool = await publishRoute.POST(post({ session: 's', audio: 'yes', video: false }));
    expect(await notBool.json()).toEqual({ error: 'audio must be true or false', code: 'invalid_field' });
  });

  it('is off in Agora mode', async () => {
    vi.stubEnv('AGORA_APP_ID', TEST_APP_ID);
    vi.stubEnv('AGORA_APP_CERTIFICATE', TEST_APP_CERTIFICATE);
    const response = await joinRoute.POST(post({ appId: LOCAL_DEV_APP_ID, channel: 'c', uid: 5, token: 'x' }));
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      error: 'local mode is off: this server uses Agora',
      code: 'local_mode_off',
    });
  });
});
