import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Call } from '@/lib/client/call/call';
import type { CallEngine, ScreenTrack } from '@/lib/client/engine/call-engine';
import { FakeRtcClient, FakeTrack, grant } from '../support/fake-rtc-client';
import { FakeSignalingClient } from '../support/fake-signaling-client';

const flush = () => vi.advanceTimersByTimeAsync(0);

function setup() {
  const clients: FakeRtcClient[] = [];
  const signaling = new FakeSignalingClient();
  let endShare = () => {};
  const screen = Object.assign(new FakeTrack('video'), {
    play: vi.fn(),
    stop: vi.fn(),
    onEnded: (listener: () => void) => (endShare = listener),
  });
  const engine: CallEngine = {
    name: 'local',
    createClient: () => {
      const client = new FakeRtcClient();
      clients.push(client);
      return client;
    },
    createSignalingClient: vi.fn(async () => signaling),
    createScreenTrack: vi.fn(async () => screen as unknown as ScreenTrack),
  };
  const tokens = {
    camera: vi.fn(async () => grant({ uid: 42 })),
    screen: vi.fn(async () => grant({ uid: 43 })),
    signaling: vi.fn(async () => ({
      token: '007rtm',
      appId: 'a'.repeat(32),
      expiresAt: Math.floor(Date.now() / 1000) + 300,
    })),
  };
  const call = new Call({ engine, channel: 'room', uid: 42, screenUid: 43, name: 'Ada', joinTimeoutMs: 5000, tokens });
  return { call, engine, clients, signaling, screen, tokens, endShare: () => endShare() };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('Call', () => {
  it('logs in to Signaling only once the RTC join has succeeded', async () => {
    const { call, clients, signaling } = setup();
    let finishJoin: (uid: number) => void = () => {};
    clients[0]!.joinImpl = () => new Promise((resolve) => (finishJoin = resolve));
    call.join([new FakeTrack('audio')]);
    await flush();
    expect(call.camera.getSnapshot().phase).toBe('joining');
    expect(signaling.login).not.toHaveBeenCalled();
    finishJoin(42);
    await flush();
    expect(call.camera.getSnapshot().phase).toBe('joined');
    expect(signaling.login).toHaveBeenCalledTimes(1);
    expect(call.presence.getSnapshot().status).toBe('online');
  });

  it('never logs in to Signaling when the person leaves before the join succeeds', async () => {
    const { call, clients, signaling } = setup();
    clients[0]!.joinImpl = () => new Promise(() => {});
    call.join([]);
    await flush();
    await call.leave();
    await flush();
    expect(signaling.login).not.toHaveBeenCalled();
    expect(call.presence.getSnapshot().status).toBe('stopped');
  });

  it('shares the screen through a second client with its own token, and leave ends it all', async () => {
    // It tells the others whose it is.
    const { call, clients, signaling, screen, tokens } = setup();
    call.join([new FakeTrack('audio')]);
    await flush();
    await call.share.start();
    expect(call.share.getSnapshot()).toEqual({ status: 'sharing', error: null });
    expect(tokens.screen).toHaveBeenCalledTimes(1);
    expect(clients[1]!.join.mock.calls[0]![3]).toBe(43);
    expect(clients[1]!.publishedTracks.has(screen)).toBe(true);
    expect(signaling.presence.setState).toHaveBeenLastCalledWith('room', 'MESSAGE', {
      name: 'Ada',
      hand: '0',
      screen: '43',
    });

    await call.leave();
    expect(screen.closed).toBe(true);
    expect(clients.every((client) => client.leave.mock.calls.length === 1)).toBe(true);
    expect(signaling.logout).toHaveBeenCalledTimes(1);
    expect(call.share.getSnapshot().status).toBe('idle');
  });

  it('the browser’s own “Stop sharing” ends the share and tells the others', async () => {
    const { call, clients, signaling, endShare } = setup();
    call.join([]);
    await flush();
    await call.share.start();
    endShare();
    await flush();
    expect(call.share.getSnapshot().status).toBe('idle');
    expect(clients[1]!.leave).toHaveBeenCalledTimes(1);
    expect(signaling.presence.setState).toHaveBeenLastCalledWith('room', 'MESSAGE', {
      name: 'Ada',
      hand: '0',
      screen: '',
    });
  });

  it('a share stopped while the screen picker is still open never joins', async () => {
    const { call, engine, clients, screen } = setup();
    let pick = () => {};
    vi.mocked(engine.createScreenTrack).mockImplementation(
      () => new Promise((resolve) => (pick = () => resolve(screen as unknown as ScreenTrack))),
    );
    const starting = call.share.start();
    expect(call.share.getSnapshot().status).toBe('starting');
    await call.share.stop();
    pick();
    await starting;
    expect(clients).toHaveLength(1);
    expect(screen.closed).toBe(true);
    expect(call.share.getSnapshot().status).toBe('idle');
  });

  it('a cancelled screen picker is not an error; a failing one says why', async () => {
    const { call, engine } = setup();
    const create = vi.mocked(engine.createScreenTrack);
    create.mockRejectedValueOnce(Object.assign(new Error('Permission denied'), { name: 'NotAllowedError' }));
    await call.share.start();
    expect(call.share.getSnapshot()).toEqual({ status: 'idle', error: null });
    create.mockRejectedValueOnce(new Error('no screen here'));
    await call.share.start();
    expect(call.share.getSnapshot()).toEqual({
      status: 'idle',
      error: 'The screen could not be shared (no screen here).',
    });
  });
});
