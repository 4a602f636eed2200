import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RoomSession } from '@/lib/client/room/room-session';
import { Call } from '@/lib/client/call/call';
import type { CallEngine } from '@/lib/client/engine/call-engine';
import type { RoomView } from '@/lib/shared/room-contract';
import { FakeRtcClient, FakeTrack, grant } from '../support/fake-rtc-client';
import { FakeSignalingClient } from '../support/fake-signaling-client';
import { roomView } from '../support/rooms';

// The room as the server keeps it, read by the page: the server's answer is the only authority.

type Answer = { status: number; body: unknown };
let answers: Answer[];
let served: RoomView;

function json({ status, body }: Answer) {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

beforeEach(() => {
  vi.useFakeTimers();
  served = roomView();
  answers = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => json(answers.shift() ?? { status: 200, body: served })),
  );
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const session = (enabled = true) =>
  new RoomSession({ channel: 'room', enabled, pageTicket: 'ticket', forgetHostKey: vi.fn(), pollMs: 4000 });

describe('RoomSession', () => {
  it('reads the room with the page ticket and the host key, then every few seconds', async () => {
    const room = session();
    room.start('k'.repeat(43));
    await room.whenSettled();
    const [url, init] = vi.mocked(fetch).mock.calls[0]!;
    expect(url).toBe('/api/rooms/room');
    expect(init!.headers).toMatchObject({ 'x-call-ticket': 'ticket', 'x-host-key': 'k'.repeat(43) });
    expect(room.getSnapshot()).toMatchObject({ settled: true, view: served });
    await vi.advanceTimersByTimeAsync(4000);
    expect(fetch).toHaveBeenCalledTimes(2);
    room.stop();
  });

  it('a room nobody started is read less often (every 15 s): only a host link can change it', async () => {
    // And that is hinted at once.
    served = roomView({ hosted: false, stage: false, you: { role: 'guest' } });
    const room = session();
    room.start(null);
    await room.whenSettled();
    await vi.advanceTimersByTimeAsync(12_000);
    expect(fetch).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(4_000);
    expect(fetch).toHaveBeenCalledTimes(2);
    room.stop();
  });

  it('a host key the server does not accept is forgotten by this browser', async () => {
    const forget = vi.fn();
    const room = new RoomSession({ channel: 'room', enabled: true, pageTicket: 'ticket', forgetHostKey: forget });
    room.start('wrong-key-wrong-key-wrong');
    await room.whenSettled();
    expect(forget).toHaveBeenCalled();
    expect(room.getSnapshot().hostKey).toBeNull();
    room.stop();
  });

  it('an action answered by the server updates the room and tells the others to read it', async () => {
    // A refusal is said.
    const room = session();
    const announce = vi.fn();
    room.announce = announce;
    answers.push({ status: 200, body: roomView({ you: { uid: 9, role: 'stage', invited: false }, onStage: [9] }) });
    expect(await room.act('accept-invitation')).toBe(true);
    expect(JSON.parse(vi.mocked(fetch).mock.calls[0]![1]!.body as string)).toEqual({ action: 'accept-invitation' });
    expect(room.getSnapshot().view?.you.role).toBe('stage');
    expect(announce).toHaveBeenCalledTimes(1);

    answers.push({ status: 409, body: { error: 'you have no invitation to the stage', code: 'not_invited' } });
    expect(await room.act('accept-invitation')).toBe(false);
    expect(room.getSnapshot().actionError).toBe('you have no invitation to the stage');
    expect(announce).toHaveBeenCalledTimes(1);
  });

  it('a deployment without a shared room store has no rooms: the page stops asking and says nothing', async () => {
    answers.push({ status: 503, body: { error: 'set REDIS_URL', code: 'room_store_required' } });
    const room = session();
    room.start(null);
    await room.whenSettled();
    expect(room.getSnapshot()).toMatchObject({ settled: true, view: null, problem: null });
    await vi.advanceTimersByTimeAsync(20_000);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('a room store that does not answer is said in words: nobody joins the stage until it is back', async () => {
    answers.push({ status: 503, body: { error: 'down', code: 'room_store_unavailable' } });
    const room = session();
    room.start(null);
    await room.whenSettled();
    expect(room.getSnapshot().problem).toMatch(/Nobody can join the stage until it is back/);
    room.stop();
  });
});

/** A Call joined (with a microphone) in the room the fake server serves; the server mints by role. */
async function callInRoom(options: { turnOffDevices?: () => Promise<void>; mic?: FakeTrack } = {}) {
  const client = new FakeRtcClient();
  const engine: CallEngine = {
    name: 'local',
    createClient: () => client,
    createSignalingClient: async () => new FakeSignalingClient(),
    createScreenTrack: async () => Promise.reject(new Error('no')),
  };
  const camera = vi.fn(async (role: 'publisher' | 'subscriber') =>
    grant({ token: `007${role}`, publishExpiresAt: role === 'publisher' ? undefined : null }),
  );
  const room = session();
  room.start(null);
  await room.whenSettled();
  const signaling = async () => ({ token: '007rtm', appId: 'a'.repeat(32), expiresAt: Date.now() / 1000 + 300 });
  const call = new Call({
    engine,
    channel: 'room',
    uid: 9,
    screenUid: 10,
    name: 'Me',
    joinTimeoutMs: 5000,
    tokens: { camera, screen: () => camera('publisher'), signaling },
    room,
    turnOffDevices: options.turnOffDevices,
  });
  const mic = options.mic ?? new FakeTrack('audio');
  call.join([mic]);
  await vi.advanceTimersByTimeAsync(0);
  const end = async () => {
    await call.leave();
    room.stop();
  };
  return { client, room, mic, end };
}

describe('a Call in a stage room', () => {
  it('joins the audience when the server says so, and goes on stage when the server later does', async () => {
    const { client, room, mic, end } = await callInRoom();
    expect(client.join.mock.calls[0]![2]).toBe('007subscriber');
    expect(client.publishedTracks.size).toBe(0);

    // A forged hint changes nothing: the page reads the room, which still says audience.
    await room.refresh();
    expect(client.publishedTracks.size).toBe(0);

    served = roomView({ you: { uid: 9, role: 'stage', invited: false }, onStage: [9] });
    await room.refresh();
    await vi.advanceTimersByTimeAsync(0);
    expect(client.renewToken).toHaveBeenCalledWith('007publisher');
    expect(client.setClientRole).toHaveBeenLastCalledWith('host');
    expect([...client.publishedTracks]).toEqual([mic]);
    await end();
  });

  it('when the host ends stage mode, the audience comes back with microphone and camera off', async () => {
    // Publishing nothing.
    const mic = new FakeTrack('audio');
    const turnOffDevices = vi.fn(async () => void (await mic.setEnabled(false)));
    const { client, room, end } = await callInRoom({ mic, turnOffDevices });
    served = roomView({ stage: false, you: { uid: 9, role: 'guest', invited: false } });
    await room.refresh();
    await vi.advanceTimersByTimeAsync(0);
    expect(turnOffDevices).toHaveBeenCalledTimes(1);
    expect(client.setClientRole).toHaveBeenLastCalledWith('host');
    expect(client.publishedTracks.size).toBe(0);
    await end();
  });
});
