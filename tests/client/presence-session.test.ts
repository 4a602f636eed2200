import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PresenceSession, type SignalingGrant } from '@/lib/client/presence/presence-session';
import { TokenFetchError } from '@/lib/client/call-problems';
import { FakeSignalingClient, presenceEvent } from '../support/fake-signaling-client';

const flush = () => vi.advanceTimersByTimeAsync(0);

function setup(options: { loginTimeoutMs?: number } = {}) {
  const client = new FakeSignalingClient();
  let issued = 0;
  const getToken = vi.fn(async (): Promise<SignalingGrant> => ({
    token: `007rtm-${++issued}`,
    appId: 'a'.repeat(32),
    expiresAt: Math.floor(Date.now() / 1000) + 300,
  }));
  const createClient = vi.fn(async () => client);
  const session = new PresenceSession({
    channel: 'room',
    userId: '42',
    name: 'Ada',
    getToken,
    createClient,
    loginTimeoutMs: options.loginTimeoutMs ?? 5000,
    retryDelayMs: { first: 1000, max: 4000 },
  });
  return { client, getToken, createClient, session };
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date('2026-11-28T12:00:00Z'));
});
afterEach(() => vi.useRealTimers());

describe('start', () => {
  it('logs in with the token from our API, subscribes with presence and publishes name and hand', async () => {
    const { client, getToken, createClient, session } = setup();
    await session.start();
    expect(createClient).toHaveBeenCalledWith(await getToken.mock.results[0]!.value);
    expect(client.login).toHaveBeenCalledWith({ token: '007rtm-1' });
    expect(client.subscribe).toHaveBeenCalledWith('room', { withPresence: true });
    expect(client.presence.setState).toHaveBeenCalledWith('room', 'MESSAGE', { name: 'Ada', hand: '0', screen: '' });
    expect(session.getSnapshot()).toMatchObject({ status: 'online', problem: null });
  });

  // That the call itself goes on meanwhile is call-room.test.tsx's (the session knows no call).
  it('when Signaling cannot connect it says so, and keeps trying', async () => {
    const { client, session } = setup({ loginTimeoutMs: 3000 });
    client.loginImpl = () => new Promise(() => {}); // offline: never answers
    void session.start();
    await vi.advanceTimersByTimeAsync(3000);
    expect(session.getSnapshot().status).toBe('unavailable');
    expect(session.getSnapshot().problem).toMatch(
      /^Chat and names are unavailable: .*did not answer within 3 s.*Retrying in 1 s; the call goes on\.$/,
    );
    client.loginImpl = async () => ({});
    await vi.advanceTimersByTimeAsync(1000);
    expect(session.getSnapshot().status).toBe('online');
    expect(client.login).toHaveBeenCalledTimes(2);
  });

  it('a refused token fetch is explained too', async () => {
    const { getToken, session } = setup();
    getToken.mockRejectedValueOnce(
      new TokenFetchError('The token server refused: this token API requires an API key', 401),
    );
    void session.start();
    await flush();
    expect(session.getSnapshot().problem).toMatch(/requires an API key/);
  });
});

describe('names, hands and chat', () => {
  it('tracks who is there with their names and hands, cleaning what others send', async () => {
    const { client, session } = setup();
    await session.start();
    client.emit('presence', {
      eventType: 'SNAPSHOT',
      channelName: 'room',
      publisher: '',
      stateChanged: {},
      interval: null,
      snapshot: [
        { userId: '7', states: { name: 'Bob\u202E', hand: '0' } },
        { userId: '42', states: { name: 'me' } },
      ],
    });
    expect(session.getSnapshot().peers).toEqual({ '7': { name: 'Bob', hand: false, screenUid: null } });
    client.emit('presence', presenceEvent('REMOTE_JOIN', '8'));
    client.emit('presence', presenceEvent('REMOTE_STATE_CHANGED', '8', { name: '<b>Cy</b>', hand: '1' }));
    expect(session.getSnapshot().peers['8']).toEqual({ name: '<b>Cy</b>', hand: true, screenUid: null });
    client.emit('presence', presenceEvent('REMOTE_LEAVE', '8'));
    client.emit('presence', presenceEvent('REMOTE_TIMEOUT', '7'));
    client.emit('presence', presenceEvent('REMOTE_JOIN', '9', {}, 'another-channel'));
    expect(session.getSnapshot().peers).toEqual({});
    expect(session.getSnapshot().names).toEqual({ '7': 'Bob', '8': '<b>Cy</b>' });
  });

  it('sends chat as versioned JSON, shows incoming messages as text, and ignores junk and its own echo', async () => {
    const { client, session } = setup();
    await session.start();
    await session.send('  hello  ');
    const sent = JSON.parse(client.publish.mock.calls[0]![1]);
    expect(sent).toMatchObject({ v: 1, type: 'chat', text: 'hello' });
    client.emit('message', {
      channelName: 'room',
      publisher: '7',
      message: JSON.stringify({ v: 1, type: 'chat', id: 'm1', text: '<script>x</script>\u0000' }),
      timestamp: 5,
    });
    for (const junk of [
      'not json',
      '{"type":"chat"}',
      JSON.stringify({ type: 'other', id: 'x', text: 'y' }),
      new Uint8Array([1, 2]),
    ]) {
      client.emit('message', { channelName: 'room', publisher: '7', message: junk, timestamp: 6 });
    }
    client.emit('message', {
      channelName: 'room',
      publisher: '42',
      message: client.publish.mock.calls[0]![1],
      timestamp: 7,
    });
    expect(session.getSnapshot().messages.map(({ from, text, mine }) => ({ from, text, mine }))).toEqual([
      { from: '42', text: 'hello', mine: true },
      { from: '7', text: '<script>x</script>', mine: false },
    ]);
  });

  it('refuses an over-long message with a count, and sending while unavailable', async () => {
    const { client, session } = setup();
    await session.start();
    await expect(session.send('x'.repeat(501))).rejects.toThrow('1 characters too long (the limit is 500).');
    client.emit('linkState', { currentState: 'FAILED', previousState: 'CONNECTED', reasonCode: 'SAME_UID_LOGIN' });
    await expect(session.send('hi')).rejects.toThrow('Chat is unavailable right now');
    expect(client.publish).not.toHaveBeenCalled();
  });

  it('a raised hand is published as presence state', async () => {
    const { client, session } = setup();
    await session.start();
    await session.setHand(true);
    expect(client.presence.setState).toHaveBeenLastCalledWith('room', 'MESSAGE', {
      name: 'Ada',
      hand: '1',
      screen: '',
    });
    expect(session.getSnapshot().me.hand).toBe(true);
  });

  // Hands raised right after Join, before or during the login, reach the others.
  it('a hand raised before the login goes out with it', async () => {
    const { client, session } = setup();
    await session.setHand(true);
    expect(session.getSnapshot().me.hand).toBe(true);
    expect(client.presence.setState).not.toHaveBeenCalled();
    await session.start();
    expect(client.presence.setState).toHaveBeenCalledTimes(1);
    expect(client.presence.setState).toHaveBeenLastCalledWith('room', 'MESSAGE', {
      name: 'Ada',
      hand: '1',
      screen: '',
    });
  });

  it("a hand raised while the login's state is on its way is sent once online", async () => {
    const { client, session } = setup();
    let arrive = () => {};
    client.presence.setState.mockImplementationOnce(() => new Promise((resolve) => (arrive = () => resolve({}))));
    const starting = session.start();
    await flush();
    expect(client.presence.setState).toHaveBeenLastCalledWith('room', 'MESSAGE', {
      name: 'Ada',
      hand: '0',
      screen: '',
    });
    await session.setHand(true);
    arrive();
    await starting;
    expect(client.presence.setState).toHaveBeenCalledTimes(2);
    expect(client.presence.setState).toHaveBeenLastCalledWith('room', 'MESSAGE', {
      name: 'Ada',
      hand: '1',
      screen: '',
    });
  });

  it('a hand raised while reconnecting is sent when the link is back', async () => {
    const { client, session } = setup();
    await session.start();
    client.emit('linkState', { currentState: 'DISCONNECTED', previousState: 'CONNECTED', reasonCode: 'NETWORK_ERROR' });
    expect(session.getSnapshot().status).toBe('reconnecting');
    await session.setHand(true);
    expect(client.presence.setState).toHaveBeenCalledTimes(1);
    client.emit('linkState', {
      currentState: 'CONNECTED',
      previousState: 'DISCONNECTED',
      reasonCode: 'NETWORK_RECOVERED',
    } as never);
    await flush();
    expect(session.getSnapshot().status).toBe('online');
    expect(client.presence.setState).toHaveBeenLastCalledWith('room', 'MESSAGE', {
      name: 'Ada',
      hand: '1',
      screen: '',
    });
  });
});

describe('the Signaling token lifecycle', () => {
  it('tokenPrivilegeWillExpire → a fresh token from our API goes to renewToken', async () => {
    const { client, getToken, session } = setup();
    await session.start();
    client.emit('tokenPrivilegeWillExpire', '');
    await flush();
    expect(getToken).toHaveBeenCalledTimes(2);
    expect(client.renewToken).toHaveBeenCalledWith('007rtm-2');
    expect(session.getSnapshot().renewals).toBe(1);
  });

  it('a failed renewal is retried with backoff', async () => {
    const { client, getToken, session } = setup();
    await session.start();
    getToken.mockRejectedValueOnce(new TokenFetchError('down', 503));
    client.emit('tokenPrivilegeWillExpire', '');
    await flush();
    expect(client.renewToken).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(2000);
    expect(client.renewToken).toHaveBeenCalledWith('007rtm-2');
    expect(session.getSnapshot().renewals).toBe(1);
  });

  it('a renewal refused with session_gone (the server let the session go) logs in again at once', async () => {
    const { client, session } = setup();
    await session.start();
    client.renewToken.mockRejectedValueOnce(Object.assign(new Error('any words'), { apiCode: 'session_gone' }));
    client.emit('tokenPrivilegeWillExpire', '');
    await flush();
    expect(client.login).toHaveBeenCalledTimes(2);
    expect(session.getSnapshot()).toMatchObject({ status: 'online', relogins: 1 });
  });

  it('after expiry it logs in again with a fresh token and restores presence, hand included', async () => {
    const { client, session } = setup();
    await session.start();
    await session.setHand(true);
    client.emit('linkState', { currentState: 'FAILED', previousState: 'CONNECTED', reasonCode: 'TOKEN_EXPIRED' });
    await flush();
    expect(client.login).toHaveBeenLastCalledWith({ token: '007rtm-2' });
    expect(client.subscribe).toHaveBeenCalledTimes(2);
    expect(client.presence.setState).toHaveBeenLastCalledWith('room', 'MESSAGE', {
      name: 'Ada',
      hand: '1',
      screen: '',
    });
    expect(session.getSnapshot()).toMatchObject({ status: 'online', relogins: 1 });
  });

  // Leave while Signaling is still logging in: the login that lands afterwards must not bring it back.
  it('a login that finishes after stop() is ignored: the session stays stopped', async () => {
    const { client, session } = setup();
    let finishLogin = () => {};
    client.loginImpl = () => new Promise((resolve) => (finishLogin = () => resolve({})));
    const starting = session.start();
    await flush();
    await session.stop();
    finishLogin();
    await starting;
    expect(session.getSnapshot().status).toBe('stopped');
  });

  it('a login that finishes after another tab took Signaling over does not claim to be online', async () => {
    const { client, session } = setup();
    let finishLogin = () => {};
    client.loginImpl = () => new Promise((resolve) => (finishLogin = () => resolve({})));
    const starting = session.start();
    await flush();
    client.emit('linkState', { currentState: 'FAILED', previousState: 'CONNECTING', reasonCode: 'SAME_UID_LOGIN' });
    finishLogin();
    await starting;
    expect(session.getSnapshot()).toMatchObject({
      status: 'unavailable',
      problem: expect.stringMatching(/another tab/),
    });
  });

  it('stop() during the wait before another login attempt ends the attempts', async () => {
    const { client, getToken, session } = setup();
    client.loginImpl = () => Promise.reject(new Error('offline'));
    void session.start();
    await flush();
    expect(session.getSnapshot().status).toBe('unavailable');
    await session.stop();
    expect(vi.getTimerCount()).toBe(0); // the wait ended with the session
    await vi.advanceTimersByTimeAsync(60_000);
    expect(getToken).toHaveBeenCalledTimes(1);
    expect(client.login).toHaveBeenCalledTimes(1);
  });

  // A renewal the server answers with session_gone after Leave must not log in again.
  it('a renewal refused with session_gone after stop() does not log in again', async () => {
    const { client, session } = setup();
    await session.start();
    const gone = Object.assign(new Error('any words'), { apiCode: 'session_gone' });
    let refuse = () => {};
    client.renewToken.mockImplementationOnce(() => new Promise((_, reject) => (refuse = () => reject(gone))));
    client.emit('tokenPrivilegeWillExpire', '');
    await flush();
    await session.stop();
    refuse();
    await flush();
    expect(client.login).toHaveBeenCalledTimes(1);
    expect(session.getSnapshot().status).toBe('stopped');
  });

  it('stop logs out and removes its listeners', async () => {
    const { client, session } = setup();
    await session.start();
    await session.stop();
    expect(client.logout).toHaveBeenCalled();
    expect(client.listenerCount()).toBe(0);
    expect(session.getSnapshot().status).toBe('stopped');
  });
});
