import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CallSession } from '@/lib/client/call-session';
import { TokenFetchError } from '@/lib/client/call-problems';
import type { TokenGrant } from '@/lib/client/engine/rtc';
import { FakeRtcClient, FakeTrack, grant } from '../support/fake-rtc-client';

const flush = () => vi.advanceTimersByTimeAsync(0);

/** Moves this device's clock to `secondsBefore` the session's current token ends (0: the moment it ends). */
function tokenRunsOut(session: CallSession, secondsBefore = 0) {
  vi.setSystemTime((session.getSnapshot().tokenExpiresAt! - secondsBefore) * 1000);
}

function setup(options: { joinTimeoutMs?: number; renewable?: boolean } = {}) {
  const client = new FakeRtcClient();
  const getToken = vi.fn(async () => grant());
  const session = new CallSession({
    client,
    channel: 'room',
    getToken,
    joinTimeoutMs: options.joinTimeoutMs ?? 15_000,
    renewable: options.renewable,
    retryDelayMs: { first: 1000, max: 4000 },
  });
  const audio = new FakeTrack('audio');
  const video = new FakeTrack('video');
  return { client, getToken, session, audio, video };
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date('2026-11-28T12:00:00Z'));
});
afterEach(() => vi.useRealTimers());

describe('join', () => {
  it('joins with the fetched token, app id and uid, then publishes enabled tracks', async () => {
    const { client, getToken, session, audio, video } = setup();
    video.enabled = false;
    await session.join([audio, video]);
    expect(getToken).toHaveBeenCalledTimes(1);
    const issued = await getToken.mock.results[0]!.value;
    expect(client.join).toHaveBeenCalledWith(issued.appId, 'room', issued.token, 42);
    expect(client.publish).toHaveBeenCalledWith([audio]);
    expect(session.getSnapshot()).toMatchObject({ phase: 'joined', localUid: '42', tokenExpiresAt: issued.expiresAt });
  });

  it("with a fitting grant and a client made a host, the join request is made within the caller's task", () => {
    // No await before client.join: a React render scheduled by the Join click cannot run first.
    const client = new FakeRtcClient('host');
    const session = new CallSession({ client, channel: 'room', getToken: vi.fn(), joinTimeoutMs: 15_000 });
    void session.join([], grant());
    expect(client.join).toHaveBeenCalledTimes(1);
    expect(client.setClientRole).not.toHaveBeenCalled();
  });

  it('uses a fresh enough initial grant without refetching, but refetches a nearly expired one', async () => {
    const fresh = setup();
    const initial = grant();
    await fresh.session.join([], initial);
    expect(fresh.getToken).not.toHaveBeenCalled();
    expect(fresh.client.join).toHaveBeenCalledWith(initial.appId, 'room', initial.token, 42);

    const stale = setup();
    await stale.session.join([], grant({ expiresAt: Math.floor(Date.now() / 1000) + 20 }));
    expect(stale.getToken).toHaveBeenCalledTimes(1);
  });

  it('joins once when join is called twice (StrictMode double effects, double clicks)', async () => {
    const { client, session } = setup();
    await Promise.all([session.join([]), session.join([])]);
    expect(client.join).toHaveBeenCalledTimes(1);
  });

  it('times out a join that never settles: failed state, leave() called, Retry joins again', async () => {
    const { client, session } = setup({ joinTimeoutMs: 5000 });
    client.joinImpl = () => new Promise(() => {});
    const joining = session.join([]);
    await vi.advanceTimersByTimeAsync(4999);
    expect(session.getSnapshot().phase).toBe('joining');
    await vi.advanceTimersByTimeAsync(1);
    await joining;
    expect(client.leave).toHaveBeenCalledTimes(1);
    expect(session.getSnapshot().phase).toBe('failed');
    expect(session.getSnapshot().problem).toMatchObject({
      id: 'unreachable',
      title: 'Cannot reach Agora',
      retryable: true,
    });

    client.joinImpl = async () => 42;
    await session.retry();
    expect(client.join).toHaveBeenCalledTimes(2);
    expect(session.getSnapshot().phase).toBe('joined');
  });

  it('maps Agora join errors to actionable problems', async () => {
    const { client, session } = setup();
    client.joinImpl = async () => {
      throw Object.assign(
        new Error(
          'CAN_NOT_GET_GATEWAY_SERVER: flag: 4096, message: AgoraRTCError CAN_NOT_GET_GATEWAY_SERVER: ' +
            'invalid vendor key, can not find appid',
        ),
        {
          code: 'CAN_NOT_GET_GATEWAY_SERVER',
        },
      );
    };
    await session.join([]);
    expect(session.getSnapshot().problem).toMatchObject({ id: 'invalid-app-id', retryable: false });
  });

  it('a refused join keeps its grant (the problem panel says what did not match); Retry clears it', async () => {
    const { client, getToken, session } = setup();
    client.joinImpl = async () => {
      throw Object.assign(new Error('CAN_NOT_GET_GATEWAY_SERVER: invalid token, authorized failed'), {
        code: 'CAN_NOT_GET_GATEWAY_SERVER',
      });
    };
    await session.join([]);
    expect(session.getSnapshot()).toMatchObject({
      phase: 'failed',
      problem: { id: 'invalid-token' },
      failedGrant: await getToken.mock.results[0]!.value,
    });
    client.joinImpl = () => new Promise(() => {});
    void session.retry();
    await flush();
    expect(session.getSnapshot()).toMatchObject({ phase: 'joining', failedGrant: undefined });
  });

  it("the SDK's words for an expired token at join ('dynamic key or token timeout') are token-expired", async () => {
    const { client, session } = setup();
    client.joinImpl = async () => {
      throw new Error(
        'CAN_NOT_GET_GATEWAY_SERVER: flag: 4096, message: AgoraRTCError CAN_NOT_GET_GATEWAY_SERVER: ' +
          'dynamic key or token timeout',
      );
    };
    await session.join([]);
    expect(session.getSnapshot().problem).toMatchObject({ id: 'token-expired', retryable: true });
  });
});

describe('token renewal', () => {
  it('will-expire → a fresh token from the API is passed to renewToken', async () => {
    const { client, getToken, session } = setup();
    await session.join([]);
    client.emit('token-privilege-will-expire');
    await flush();
    expect(getToken).toHaveBeenCalledTimes(2);
    const fresh = await getToken.mock.results[1]!.value;
    expect(client.renewToken).toHaveBeenCalledWith(fresh.token);
    expect(session.getSnapshot()).toMatchObject({ phase: 'joined', renewals: 1, tokenExpiresAt: fresh.expiresAt });
  });

  it('a failed refetch warns the user and retries with backoff until it succeeds', async () => {
    const { client, getToken, session } = setup();
    await session.join([]);
    getToken.mockRejectedValueOnce(new TokenFetchError('token server answered 500', 500));
    getToken.mockRejectedValueOnce(new TokenFetchError('token server answered 500', 500));
    client.emit('token-privilege-will-expire');
    await flush();
    expect(session.getSnapshot().phase).toBe('renewing');
    expect(session.getSnapshot().notice?.kind).toBe('warning');
    expect(session.getSnapshot().notice?.text).toMatch(/Could not renew your access token .* the call will drop at/);
    await vi.advanceTimersByTimeAsync(1000); // second attempt fails
    expect(getToken).toHaveBeenCalledTimes(3);
    expect(client.renewToken).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(2000); // third succeeds after a doubled delay
    expect(getToken).toHaveBeenCalledTimes(4);
    expect(client.renewToken).toHaveBeenCalledTimes(1);
    expect(session.getSnapshot()).toMatchObject({ phase: 'joined', renewals: 1, notice: { kind: 'info' } });
  });

  it('did-expire → fetches a fresh token, joins again and republishes', async () => {
    const { client, getToken, session, audio, video } = setup();
    await session.join([audio, video]);
    tokenRunsOut(session);
    client.emit('token-privilege-did-expire');
    expect(session.getSnapshot().phase).toBe('rejoining');
    await flush();
    expect(client.join).toHaveBeenCalledTimes(2);
    const fresh = await getToken.mock.results[1]!.value;
    expect(client.join).toHaveBeenLastCalledWith(fresh.appId, 'room', fresh.token, 42);
    expect(client.publish).toHaveBeenCalledTimes(2);
    expect(client.publish).toHaveBeenLastCalledWith([audio, video]);
    expect(session.getSnapshot()).toMatchObject({ phase: 'joined', rejoins: 1 });
    expect(session.getSnapshot().notice?.text).toMatch(/reconnected with a fresh one/);
  });

  it('did-expire keeps retrying while the token endpoint is down, then recovers', async () => {
    const { client, getToken, session } = setup();
    await session.join([]);
    getToken.mockRejectedValueOnce(new TokenFetchError('down', 503));
    tokenRunsOut(session);
    client.emit('token-privilege-did-expire');
    await flush();
    expect(session.getSnapshot().phase).toBe('rejoining');
    expect(session.getSnapshot().notice?.text).toBe(
      'Your access token expired and the call disconnected. ' +
        'Reconnecting failed (could not get an access token); retrying in 1 s…',
    );
    await vi.advanceTimersByTimeAsync(1000);
    expect(session.getSnapshot().phase).toBe('joined');
  });

  it('a renewal still waiting for the server when the token runs out is named so, not "token expired"', async () => {
    const { client, getToken, session } = setup();
    await session.join([]);
    getToken.mockImplementationOnce(() => new Promise(() => {})); // the overloaded server never answers
    tokenRunsOut(session, 30); // the SDK warns 30 s ahead
    client.emit('token-privilege-will-expire');
    await vi.advanceTimersByTimeAsync(30_000);
    client.emit('token-privilege-did-expire');
    const { notice } = session.getSnapshot();
    expect(notice?.text).toMatch(/^The call disconnected: the server did not answer the access token's renewal /);
    expect(notice?.text).toContain('(waited 30 s), and the old token ran out.');
    expect(notice?.text).not.toMatch(/Your access token expired/);
    await flush();
    expect(session.getSnapshot()).toMatchObject({
      phase: 'joined',
      rejoins: 1,
      notice: { text: 'You were reconnected; the call continues.' },
    });
  });

  it('renewals that kept failing until the token ran out name the failure', async () => {
    const { client, getToken, session } = setup();
    await session.join([]);
    getToken.mockRejectedValue(
      new TokenFetchError('The token server refused: too many token requests', 429, 'rate_limited'),
    );
    client.emit('token-privilege-will-expire');
    await flush();
    tokenRunsOut(session);
    getToken.mockImplementation(async () => grant());
    client.emit('token-privilege-did-expire');
    expect(session.getSnapshot().notice?.text).toMatch(
      /^The call disconnected: renewing the access token kept failing /,
    );
    expect(session.getSnapshot().notice?.text).toContain(
      '(could not get an access token) until the old token ran out.',
    );
  });

  it('a renewal refused as session_gone (the server forgot the session) rejoins at once and says why', async () => {
    const { client, session } = setup();
    await session.join([]);
    // The sentence says nothing the client could match; the code is what counts.
    client.renewToken.mockRejectedValueOnce(
      Object.assign(new Error('reworded: please come back later'), { apiCode: 'session_gone' }),
    );
    client.joinImpl = () => new Promise(() => {}); // hold the rejoin to read the notice
    client.emit('token-privilege-will-expire');
    await flush();
    const { phase, notice } = session.getSnapshot();
    expect(phase).toBe('rejoining');
    expect(notice?.text).toBe(
      'The call disconnected: the server no longer knows this call session (the connection to it dropped). ' +
        'Reconnecting…',
    );
    expect(client.join).toHaveBeenCalledTimes(2);
  });

  it('a session the server forgot after the token ran out blames the slow renewal, not the session', async () => {
    const { client, getToken, session } = setup();
    await session.join([]);
    let answer: (value: ReturnType<typeof grant>) => void = () => {};
    getToken.mockImplementationOnce(() => new Promise((resolve) => (answer = resolve)));
    client.renewToken.mockRejectedValueOnce(Object.assign(new Error('gone'), { apiCode: 'session_gone' }));
    client.joinImpl = () => new Promise(() => {}); // hold the rejoin to read the notice
    tokenRunsOut(session, 30);
    client.emit('token-privilege-will-expire');
    await flush();
    await vi.advanceTimersByTimeAsync(31_000); // the clock moves on: the token ran out 1 s ago
    answer(grant()); // the token arrives after the old one ran out; the server has let the session go
    await flush();
    expect(session.getSnapshot().notice?.text).toMatch(
      /^The call disconnected: the server did not answer the access token's renewal \(waited 31 s\)/,
    );
  });

  it('a warning that comes while a renewal is under way is not lost: it renews once more afterwards', async () => {
    const { client, getToken, session } = setup();
    await session.join([]);
    let answer: (value: ReturnType<typeof grant>) => void = () => {};
    getToken.mockImplementationOnce(() => new Promise((resolve) => (answer = resolve)));
    client.emit('token-privilege-will-expire');
    await flush();
    client.emit('token-privilege-will-expire'); // the server warned again: the new token reached it late
    answer(grant());
    await flush();
    expect(client.renewToken).toHaveBeenCalledTimes(2);
    expect(session.getSnapshot()).toMatchObject({ phase: 'joined', renewals: 2 });
  });

  it("an expiry this device's clock disagrees with says to check the clock", async () => {
    const { client, session } = setup();
    await session.join([]);
    client.emit('token-privilege-did-expire');
    expect(session.getSnapshot().notice?.text).toMatch(/^The server ended the call saying the access token expired, /);
    expect(session.getSnapshot().notice?.text).toContain(
      "though by this device's clock it had 300 s left: check the clock.",
    );
  });

  it('the server dropping the session (DISCONNECTED, SERVER_ERROR) rejoins, saying the link dropped', async () => {
    const { client, session } = setup();
    await session.join([]);
    client.emit('connection-state-change', 'DISCONNECTED', 'CONNECTED', 'SERVER_ERROR');
    expect(session.getSnapshot().notice?.text).toMatch(/the server no longer knows this call session/);
    await flush();
    expect(session.getSnapshot()).toMatchObject({ phase: 'joined', rejoins: 1 });
    expect(client.join).toHaveBeenCalledTimes(2);
  });

  it('in local mode a join that times out says the call server was too slow, not "Cannot reach Agora"', async () => {
    const client = new FakeRtcClient();
    client.joinImpl = () => new Promise(() => {});
    const session = new CallSession({
      client,
      channel: 'room',
      getToken: async () => grant(),
      joinTimeoutMs: 5000,
      engine: 'local',
    });
    const joining = session.join([]);
    await vi.advanceTimersByTimeAsync(5000);
    await joining;
    expect(session.getSnapshot().problem).toMatchObject({
      id: 'server-slow',
      title: 'The call server answered too slowly',
      retryable: true,
    });
  });

  it('a renewal that finishes after the token already expired does not undo the rejoin', async () => {
    const { client, session } = setup();
    await session.join([]);
    let finishRenew: () => void = () => {};
    client.renewToken.mockImplementationOnce(() => new Promise<void>((resolve) => (finishRenew = resolve)));
    client.joinImpl = () => new Promise(() => {}); // the rejoin is still connecting
    client.emit('token-privilege-will-expire');
    await flush();
    client.emit('token-privilege-did-expire');
    expect(session.getSnapshot().phase).toBe('rejoining');
    finishRenew();
    await flush();
    expect(session.getSnapshot().phase).toBe('rejoining');
    expect(session.getSnapshot().renewals).toBe(0);
  });

  it('a pasted token is not renewed: the user is warned instead', async () => {
    const { client, getToken, session } = setup({ renewable: false });
    await session.join([], grant({ expiresAt: null }));
    client.emit('token-privilege-will-expire');
    await flush();
    expect(getToken).not.toHaveBeenCalled();
    expect(session.getSnapshot().notice?.text).toMatch(/pasted token expires/);
  });
});

describe('leave and tracks', () => {
  it('leave unpublishes, closes tracks, leaves the channel and removes listeners', async () => {
    const { client, session, audio, video } = setup();
    await session.join([audio, video]);
    expect(client.listenerCount()).toBeGreaterThan(0);
    await session.leave();
    expect(client.unpublish).toHaveBeenCalled();
    expect(audio.closed && video.closed).toBe(true);
    expect(client.leave).toHaveBeenCalledTimes(1);
    expect(client.listenerCount()).toBe(0);
    expect(session.getSnapshot().phase).toBe('left');
    await session.leave();
    expect(client.leave).toHaveBeenCalledTimes(1);
  });

  it('leaving during a join stops it from publishing afterwards', async () => {
    const { client, session, audio } = setup();
    let finishJoin: (uid: number) => void = () => {};
    client.joinImpl = () => new Promise((resolve) => (finishJoin = resolve));
    const joining = session.join([audio]);
    await flush();
    await session.leave();
    finishJoin(42);
    await joining;
    expect(client.publish).not.toHaveBeenCalled();
    expect(session.getSnapshot().phase).toBe('left');
  });

  // A token that arrives after Leave must not put the person back in the channel: the others would see them there.
  it('leaving while the token is still on its way never joins: the late token is ignored', async () => {
    const { client, getToken, session, audio } = setup();
    let deliver: (token: TokenGrant) => void = () => {};
    getToken.mockImplementationOnce(() => new Promise((resolve) => (deliver = resolve)));
    const joining = session.join([audio]);
    await flush();
    await session.leave();
    deliver(grant());
    await joining;
    expect(client.join).not.toHaveBeenCalled();
    expect(session.getSnapshot()).toMatchObject({ phase: 'left', connection: 'DISCONNECTED' });
  });

  it('leaving while a rejoin waits to try again ends the retries', async () => {
    const { client, getToken, session } = setup();
    await session.join([]);
    getToken.mockRejectedValue(new TokenFetchError('down', 503));
    tokenRunsOut(session);
    client.emit('token-privilege-did-expire');
    await flush();
    expect(session.getSnapshot().notice?.text).toMatch(/retrying in 1 s/);
    await session.leave();
    expect(vi.getTimerCount()).toBe(0); // the wait before the next attempt ended with the call
    await vi.advanceTimersByTimeAsync(60_000);
    expect(getToken).toHaveBeenCalledTimes(2); // the join's and the one failed rejoin's
    expect(client.join).toHaveBeenCalledTimes(1);
    expect(session.getSnapshot()).toMatchObject({ phase: 'left', notice: undefined });
  });

  it('turning the camera off unpublishes it, on again publishes it', async () => {
    const { client, session, video } = setup();
    await session.join([video]);
    await session.setTrackEnabled(video, false);
    expect(client.unpublish).toHaveBeenCalledWith(video);
    expect(video.enabled).toBe(false);
    await session.setTrackEnabled(video, true);
    expect(client.publish).toHaveBeenLastCalledWith(video);
  });

  // A person who mutes right after pressing Join, while the join is still publishing, stays muted
  // for the others (the publish in flight used to land after the toggle had looked).
  it('a microphone turned off while the join is publishing stays off for the others', async () => {
    const { client, session, audio, video } = setup();
    const finishPublish = client.holdPublishing();
    const joining = session.join([audio, video]);
    await flush();
    expect(client.publish).toHaveBeenCalledWith([audio, video]);
    const muting = session.setTrackEnabled(audio, false);
    await flush();
    finishPublish();
    await Promise.all([joining, muting]);
    expect([...client.publishedTracks]).toEqual([video]);
    expect(audio.enabled).toBe(false);
  });

  it('a microphone turned on while the join is publishing is published too', async () => {
    const { client, session, audio, video } = setup();
    audio.enabled = false;
    const finishPublish = client.holdPublishing();
    const joining = session.join([audio, video]);
    await flush();
    expect(client.publish).toHaveBeenCalledWith([video]);
    const unmuting = session.setTrackEnabled(audio, true);
    await flush();
    finishPublish();
    await Promise.all([joining, unmuting]);
    expect(new Set(client.publishedTracks)).toEqual(new Set([audio, video]));
    expect(session.getSnapshot().phase).toBe('joined');
  });

  it('tracks remote users: joined, published video, unpublished, left', async () => {
    const { client, session } = setup();
    await session.join([]);
    const user = { uid: 7, hasAudio: false, hasVideo: false };
    client.emit('user-joined', user);
    expect(session.getSnapshot().participants).toEqual([
      { uid: '7', hasAudio: false, hasVideo: false, videoTrack: undefined },
    ]);
    user.hasVideo = true;
    client.emit('user-published', user, 'video');
    await flush();
    expect(client.subscribe).toHaveBeenCalledWith(user, 'video');
    expect(session.getSnapshot().participants[0]).toMatchObject({ uid: '7', hasVideo: true });
    expect(session.getSnapshot().participants[0]!.videoTrack).toBeDefined();
    user.hasAudio = true;
    client.emit('user-published', user, 'audio');
    await flush();
    expect((user as { audioTrack?: { play: () => void } }).audioTrack!.play).toHaveBeenCalled();
    user.hasVideo = false;
    client.emit('user-unpublished', user, 'video');
    expect(session.getSnapshot().participants[0]).toMatchObject({ hasVideo: false, hasAudio: true });
    client.emit('user-left', user, 'Quit');
    expect(session.getSnapshot().participants).toEqual([]);
  });
});

describe('a screen-share client (a second CallSession with its own uid and token)', () => {
  function screenSetup() {
    const client = new FakeRtcClient();
    const getToken = vi.fn(async () => grant({ uid: 99 }));
    const session = new CallSession({
      client,
      channel: 'room',
      getToken,
      joinTimeoutMs: 15_000,
      receive: false,
      retryDelayMs: { first: 1000, max: 4000 },
    });
    const screen = new FakeTrack('video');
    return { client, getToken, session, screen };
  }

  it('joins as its own uid with its own token, publishes the screen, and takes no notice of anyone', async () => {
    const { client, getToken, session, screen } = screenSetup();
    await session.join([screen]);
    const issued = await getToken.mock.results[0]!.value;
    expect(client.join).toHaveBeenCalledWith(issued.appId, 'room', issued.token, 99);
    expect(client.publish).toHaveBeenCalledWith([screen]);
    const someone = { uid: 7, hasAudio: true, hasVideo: true };
    client.emit('user-joined', someone);
    client.emit('user-published', someone, 'video');
    await flush();
    expect(client.subscribe).not.toHaveBeenCalled();
    expect(session.getSnapshot().participants).toEqual([]);
  });

  it('renews its own token on its will-expire, and after expiry joins again and republishes the screen', async () => {
    const { client, getToken, session, screen } = screenSetup();
    await session.join([screen]);
    client.emit('token-privilege-will-expire');
    await flush();
    expect(client.renewToken).toHaveBeenCalledWith((await getToken.mock.results[1]!.value).token);
    client.emit('token-privilege-did-expire');
    await flush();
    const fresh = await getToken.mock.results[2]!.value;
    expect(client.join).toHaveBeenLastCalledWith(fresh.appId, 'room', fresh.token, 99);
    expect(client.publish).toHaveBeenLastCalledWith([screen]);
    expect(session.getSnapshot()).toMatchObject({ phase: 'joined', renewals: 1, rejoins: 1 });
  });

  it("the camera client ignores this page's own screen uid", async () => {
    const client = new FakeRtcClient();
    const session = new CallSession({
      client,
      channel: 'room',
      getToken: async () => grant(),
      joinTimeoutMs: 15_000,
      ignoreUids: ['99'],
    });
    await session.join([]);
    client.emit('user-joined', { uid: 99, hasAudio: false, hasVideo: true });
    client.emit('user-joined', { uid: 7, hasAudio: false, hasVideo: false });
    expect(session.getSnapshot().participants.map((participant) => participant.uid)).toEqual(['7']);
  });
});
