import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AccessToken2, ServiceRtc } from 'agora-token/src/AccessToken2';
import { LOCAL_DEV_APP_ID, localCertificate, type AgoraCredentials } from '@/lib/server/credentials';
import { LocalRooms, MAX_PARTICIPANTS, type RoomEvent } from '@/lib/server/local/rooms';
import { mintRtcToken } from '@/lib/server/mint';
import * as joinRoute from '@/app/api/local/join/route';
import * as signalRoute from '@/app/api/local/signal/route';
import * as publishRoute from '@/app/api/local/publish/route';
import * as eventsRoute from '@/app/api/local/events/route';
import { withServerEnv } from '../support/server-env';

const local: AgoraCredentials = { mode: 'local', appId: LOCAL_DEV_APP_ID, appCertificate: localCertificate() };
const token = (channel: string, uid: number, role: 'publisher' | 'subscriber' = 'publisher', expiry = 120) =>
  mintRtcToken(local, channel, { kind: 'uid', uid }, role, expiry).token;

function join(rooms: LocalRooms, channel: string, uid: number, withToken: unknown = token(channel, uid)) {
  return rooms.join(local, { appId: LOCAL_DEV_APP_ID, channel, uid, token: withToken });
}

function listen(rooms: LocalRooms, sessionId: string) {
  const events: RoomEvent[] = [];
  const detach = rooms.attach(sessionId, (event) => events.push(event));
  return { events, detach };
}

withServerEnv();
beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date('2026-11-28T12:00:00Z'));
});
afterEach(() => vi.useRealTimers());

describe('token enforcement at join, as Agora does', () => {
  it('accepts a valid token for this channel and uid', () => {
    const rooms = new LocalRooms();
    const joined = join(rooms, 'room-a', 11);
    expect(joined).toMatchObject({ uid: 11, participants: [], expiresAt: Math.floor(Date.now() / 1000) + 120 });
    expect(rooms.roster('room-a')).toEqual([{ uid: 11, audio: false, video: false }]);
  });

  it('a token for channel A cannot join channel B', () => {
    expect(() => join(new LocalRooms(), 'room-b', 11, token('room-a', 11))).toThrow(
      'CAN_NOT_GET_GATEWAY_SERVER: invalid token, authorized failed (the token is for channel "room-a", not "room-b")',
    );
  });

  it('a token for another uid is refused; a uid-0 token admits anyone', () => {
    expect(() => join(new LocalRooms(), 'room-a', 12, token('room-a', 11))).toThrow('(the token is for uid 11, not uid 12)');
    expect(join(new LocalRooms(), 'room-a', 12, token('room-a', 0)).uid).toBe(12);
  });

  it('a forged signature is refused', () => {
    const forged = mintRtcToken({ ...local, appCertificate: 'f'.repeat(32) }, 'room-a', { kind: 'uid', uid: 11 }, 'publisher', 60).token;
    expect(() => join(new LocalRooms(), 'room-a', 11, forged)).toThrow('its signature does not match this App Certificate');
    const tampered = token('room-a', 11).slice(0, -6) + 'AAAAAA';
    expect(() => join(new LocalRooms(), 'room-a', 11, tampered)).toThrow(/invalid token, authorized failed/);
  });

  it('an expired token is refused with TOKEN_EXPIRE', () => {
    const old = token('room-a', 11, 'publisher', 60);
    vi.advanceTimersByTime(61_000);
    expect(() => join(new LocalRooms(), 'room-a', 11, old)).toThrow(/^TOKEN_EXPIRE: token expired \(the join privilege ended 1 s ago\)/);
  });

  it('no token and a foreign App ID get the SDK\'s own errors', () => {
    expect(() => join(new LocalRooms(), 'room-a', 11, '')).toThrow('CAN_NOT_GET_GATEWAY_SERVER: dynamic use static key');
    expect(() => new LocalRooms().join(local, { appId: 'a'.repeat(32), channel: 'room-a', uid: 1, token: token('room-a', 1) })).toThrow(
      /invalid vendor key, can not find appid/,
    );
  });

  it('a token with no join privilege is refused', () => {
    const built = new AccessToken2(LOCAL_DEV_APP_ID, localCertificate(), Math.floor(Date.now() / 1000), 600);
    const service = new (ServiceRtc as unknown as new (channel: string, uid: number) => ServiceRtc & { add_privilege(p: number, v: number): void })('room-a', 11);
    service.add_privilege(2, 600); // publish audio, but no join
    built.add_service(service);
    expect(() => join(new LocalRooms(), 'room-a', 11, built.build())).toThrow('(the token carries no join privilege)');
  });

  it('a subscriber token joins but may not publish', () => {
    const rooms = new LocalRooms();
    const { sessionId } = join(rooms, 'room-a', 11, token('room-a', 11, 'subscriber'));
    expect(() => rooms.publish(sessionId, false, true)).toThrow(/^NO_PUBLISH_PRIVILEGE: this token may not publish video/);
    expect(() => rooms.publish(sessionId, false, false)).not.toThrow();
  });

  it('refuses a second join with the uid of someone connected, and a seventh participant', () => {
    const rooms = new LocalRooms();
    listen(rooms, join(rooms, 'room-a', 1).sessionId);
    expect(() => join(rooms, 'room-a', 1)).toThrow(/^UID_CONFLICT/);
    for (let uid = 2; uid <= MAX_PARTICIPANTS; uid++) join(rooms, 'room-a', uid);
    expect(() => join(rooms, 'room-a', 99)).toThrow(`ROOM_FULL: channel "room-a" already has ${MAX_PARTICIPANTS} participants`);
    expect(join(rooms, 'room-b', 99).uid).toBe(99);
  });
});

it('a join that never opened its stream (its answer was lost) gives way to a new join for that uid', () => {
  const rooms = new LocalRooms();
  const others = listen(rooms, join(rooms, 'room-a', 2).sessionId).events;
  const lost = join(rooms, 'room-a', 1);
  const retried = join(rooms, 'room-a', 1);
  expect(retried.sessionId).not.toBe(lost.sessionId);
  expect(rooms.roster('room-a').map((member) => member.uid).sort()).toEqual([1, 2]);
  expect(() => rooms.publish(lost.sessionId, false, false)).toThrow(/^unknown session/);
  expect(others.filter((event) => event.type === 'user-joined')).toHaveLength(2);
});

describe('token lifetime', () => {
  it('warns 30 s before expiry, accepts a renewal, and disconnects at expiry when not renewed', () => {
    const rooms = new LocalRooms();
    const a = join(rooms, 'room-a', 1, token('room-a', 1, 'publisher', 60));
    const b = join(rooms, 'room-a', 2, token('room-a', 2, 'publisher', 60));
    const eventsA = listen(rooms, a.sessionId).events;
    const eventsB = listen(rooms, b.sessionId).events;
    vi.advanceTimersByTime(30_000);
    expect(eventsA).toContainEqual({ type: 'token-privilege-will-expire' });

    rooms.renew(local, a.sessionId, token('room-a', 1, 'publisher', 60));
    vi.advanceTimersByTime(30_000); // b's token ends now; a's renewed one runs 30 s more
    expect(eventsB).toContainEqual({ type: 'token-privilege-did-expire' });
    expect(eventsA).toContainEqual({ type: 'user-left', uid: 2, reason: 'TokenExpired' });
    expect(rooms.roster('room-a')).toEqual([{ uid: 1, audio: false, video: false }]);
    expect(eventsA).not.toContainEqual({ type: 'token-privilege-did-expire' });
  });

  it('a renewal must be for the same channel and uid', () => {
    const rooms = new LocalRooms();
    const { sessionId } = join(rooms, 'room-a', 1);
    expect(() => rooms.renew(local, sessionId, token('room-b', 1))).toThrow(/the token is for channel "room-b", not "room-a"/);
    expect(() => rooms.renew(local, sessionId, token('room-a', 2))).toThrow(/not uid 1/);
  });
});

describe('presence and relay', () => {
  it('announces joins, publishes and leaves to the others, and relays signals from the sender uid', () => {
    const rooms = new LocalRooms();
    const a = join(rooms, 'room-a', 1);
    const eventsA = listen(rooms, a.sessionId).events;
    const b = join(rooms, 'room-a', 2);
    expect(b.participants).toEqual([{ uid: 1, audio: false, video: false }]);
    expect(eventsA).toContainEqual({ type: 'user-joined', uid: 2 });
    rooms.publish(b.sessionId, true, true);
    expect(eventsA).toContainEqual({ type: 'user-published', uid: 2, audio: true, video: true });
    rooms.signal(b.sessionId, 1, { description: { type: 'offer', sdp: 'v=0' } });
    expect(eventsA).toContainEqual({ type: 'signal', from: 2, data: { description: { type: 'offer', sdp: 'v=0' } } });
    rooms.leave(b.sessionId);
    expect(eventsA).toContainEqual({ type: 'user-left', uid: 2, reason: 'Quit' });
  });

  it('queues events until the stream opens, and removes a participant whose stream is gone', () => {
    const rooms = new LocalRooms();
    const a = join(rooms, 'room-a', 1);
    const b = join(rooms, 'room-a', 2);
    rooms.signal(b.sessionId, 1, { candidate: 'x' });
    const { events, detach } = listen(rooms, a.sessionId);
    expect(events).toContainEqual({ type: 'signal', from: 2, data: { candidate: 'x' } });
    const eventsB = listen(rooms, b.sessionId).events;
    detach(); // a's tab closes
    vi.advanceTimersByTime(4000);
    expect(eventsB).toContainEqual({ type: 'user-left', uid: 1, reason: 'ServerTimeOut' });
  });

  it('rejects unknown sessions and signals to people outside the channel', () => {
    const rooms = new LocalRooms();
    const a = join(rooms, 'room-a', 1);
    join(rooms, 'room-b', 2);
    expect(() => rooms.signal('forged-session', 1, {})).toThrow(/^unknown session/);
    expect(() => rooms.signal(a.sessionId, 2, {})).toThrow('uid 2 is not in channel "room-a"');
    expect(() => rooms.signal(a.sessionId, 1, {})).toThrow('uid 1 is not in channel "room-a"');
  });
});

describe('HTTP routes', () => {
  const post = (body: unknown) =>
    new Request('http://localhost/api/local/x', { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body) });

  it('join answers 403 JSON with the reason for a wrong-channel token', async () => {
    const response = await joinRoute.POST(post({ appId: LOCAL_DEV_APP_ID, channel: 'http-b', uid: 5, token: token('http-a', 5) }));
    expect(response.status).toBe(403);
    expect((await response.json()).error).toMatch(/invalid token, authorized failed \(the token is for channel "http-a", not "http-b"\)/);
  });

  it('validates the channel and uid like the token API', async () => {
    const badChannel = await joinRoute.POST(post({ appId: LOCAL_DEV_APP_ID, channel: 'a/b', uid: 5, token: 'x' }));
    expect(badChannel.status).toBe(400);
    expect((await badChannel.json()).error).toMatch(/^channelName contains "\/"/);
    const badUid = await joinRoute.POST(post({ appId: LOCAL_DEV_APP_ID, channel: 'ok', uid: -5, token: 'x' }));
    expect(badUid.status).toBe(400);
  });

  it('refuses oversized signals with 413 and malformed ones with 400', async () => {
    const huge = await signalRoute.POST(post({ session: 's', to: 1, data: { sdp: 'x'.repeat(70_000) } }));
    expect(huge.status).toBe(413);
    const noData = await signalRoute.POST(post({ session: 's', to: 1 }));
    expect(noData.status).toBe(400);
    const forged = await signalRoute.POST(post({ session: 'not-a-session', to: 1, data: {} }));
    expect(forged.status).toBe(404);
    const notBool = await publishRoute.POST(post({ session: 's', audio: 'yes', video: false }));
    expect((await notBool.json()).error).toBe('audio must be true or false');
  });

  it('an unknown session cannot open an event stream', async () => {
    const response = await eventsRoute.GET(new Request('http://localhost/api/local/events?session=nobody'));
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  });

  it('is off in Agora mode', async () => {
    vi.stubEnv('AGORA_APP_ID', '970ca35de60c44645bbae8a215061b33');
    vi.stubEnv('AGORA_APP_CERTIFICATE', '5cfd2fd1755d40ecb72977518be15d3b');
    const response = await joinRoute.POST(post({ appId: LOCAL_DEV_APP_ID, channel: 'c', uid: 5, token: 'x' }));
    expect(response.status).toBe(404);
    expect((await response.json()).error).toBe('local mode is off: this server uses Agora');
  });
});
