// @vitest-environment jsdom
import { StrictMode } from 'react';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { CallRoom } from '@/components/call/call-room';
import { mintRtcToken } from '@/lib/server/mint';
import { presenceEvent } from '../support/fake-signaling-client';
import { FakeRtcClient } from '../support/fake-rtc-client';
import { TEST_APP_ID, TEST_CREDENTIALS } from '../support/server-env';
import { roomView } from '../support/rooms';
import { fakeCallEngine, pageConfig } from '../support/call-page';

const config = pageConfig();

beforeEach(() => {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      if (url.startsWith('/api/rooms/')) {
        const room = roomView({
          channel: 'strict-room',
          hosted: false,
          stage: false,
          you: { uid: 4242, role: 'guest', invited: false },
        });
        return new Response(JSON.stringify(room), { status: 200, headers: { 'content-type': 'application/json' } });
      }
      const rtm = url.match(/\/rtm\/(\d+)\//);
      const uid = Number(rtm ? rtm[1] : url.match(/uid\/(\d+)\//)![1]);
      const expiresAt = Math.floor(Date.now() / 1000) + 300;
      const body = rtm
        ? { rtmToken: `007rtm-for-${uid}`, appId: 'a'.repeat(32), uid: String(uid), expiresAt }
        : { rtcToken: `007token-for-${uid}`, appId: 'a'.repeat(32), uid, expiresAt };
      return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
    }),
  );
  vi.stubGlobal('requestAnimationFrame', () => 0);
  // jsdom has no layout: the tile grid measures nothing and lays out nothing, which is fine here.
  vi.stubGlobal(
    'ResizeObserver',
    class {
      observe() {}
      disconnect() {}
    },
  );
  vi.stubGlobal('cancelAnimationFrame', () => {});
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

it('under StrictMode, one Join click joins exactly once with the SWR-fetched token', async () => {
  // Then Signaling logs in once, and Leave closes everything.
  localStorage.setItem('agora-calls.display-name', 'Ada Lovelace');
  const { engine, capture, clients, tracks, signaling } = fakeCallEngine();
  render(
    <StrictMode>
      <CallRoom channel="strict-room" config={config} engine={engine} capture={capture} />
    </StrictMode>,
  );
  await pressJoin();
  await waitFor(() => expect(screen.getByRole('status', { name: 'Connection' }).textContent).toBe('Connected'));
  expect(clients).toHaveLength(1);
  expect(clients[0]!.join).toHaveBeenCalledTimes(1);
  const [appId, channel, token, uid] = clients[0]!.join.mock.calls[0]!;
  expect([appId, channel, token, uid]).toEqual(['a'.repeat(32), 'strict-room', '007token-for-4242', 4242]);

  // Signaling only after the RTC join: its own token for the same uid, one login, name published.
  await waitFor(() => expect(signaling.presence.setState).toHaveBeenCalled());
  expect(engine.createSignalingClient).toHaveBeenCalledTimes(1);
  expect(engine.createSignalingClient).toHaveBeenCalledWith('a'.repeat(32), '4242');
  expect(signaling.login).toHaveBeenCalledTimes(1);
  expect(signaling.login).toHaveBeenCalledWith({ token: '007rtm-for-4242' });
  expect(signaling.presence.setState).toHaveBeenCalledWith('strict-room', 'MESSAGE', {
    name: 'Ada Lovelace',
    hand: '0',
    screen: '',
  });
  expect(screen.getByRole('figure', { name: 'Ada Lovelace (you)' })).toBeTruthy();
  const fetched = vi
    .mocked(fetch)
    .mock.calls.map(([url, init]) => [String(url), (init!.headers as Record<string, string>)['x-call-ticket']]);
  expect(new Set(fetched.map(([url]) => url))).toEqual(
    new Set([
      '/api/rooms/strict-room',
      '/api/rtc/strict-room/publisher/uid/4242/?expiry=300',
      '/api/rtm/4242/?expiry=300',
    ]),
  );
  expect(fetched.every(([, ticket]) => ticket === 'ticket-from-the-page')).toBe(true);

  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: 'Leave' }));
  });
  await screen.findByRole('heading', { name: 'You left the call' });
  expect(clients[0]!.leave).toHaveBeenCalled();
  expect(signaling.logout).toHaveBeenCalled();
  // StrictMode starts the preview twice.
  expect(new Set(tracks.map((track) => track.trackMediaType))).toEqual(new Set(['audio', 'video']));
  expect(tracks.filter((track) => !track.closed)).toEqual([]);
});

it('while Signaling cannot connect, the call screen says so and the call stays usable', async () => {
  const { engine, capture, clients, signaling } = fakeCallEngine();
  signaling.loginImpl = () => new Promise(() => {}); // Agora unreachable: login never answers
  render(
    <CallRoom channel="quiet-room" config={{ ...config, joinTimeoutMs: 1000 }} engine={engine} capture={capture} />,
  );
  await pressJoin();
  const unavailable = /^Chat and names are unavailable: .*the call goes on\.$/;
  await waitFor(
    () => expect(screen.getAllByRole('status').some((status) => unavailable.test(status.textContent!))).toBe(true),
    { timeout: 3000 },
  );
  expect(screen.getByRole('status', { name: 'Connection' }).textContent).toBe('Connected');
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: 'Mute microphone' }));
  });
  expect(clients[0]!.unpublish).toHaveBeenCalled();
  expect(screen.getByRole('button', { name: 'Unmute microphone' })).toBeTruthy();
});

it('a join Agora refuses shows, in the problem panel, what in the token did not match', async () => {
  const { engine, capture } = fakeCallEngine();
  const createClient = engine.createClient;
  engine.createClient = () => {
    const client = createClient() as FakeRtcClient;
    client.joinImpl = async () => {
      throw Object.assign(new Error('CAN_NOT_GET_GATEWAY_SERVER: invalid token, authorized failed'), {
        code: 'CAN_NOT_GET_GATEWAY_SERVER',
      });
    };
    return client;
  };
  // The token service hands out a token for another channel (a misconfigured external server).
  vi.mocked(fetch).mockImplementation(async (url) => {
    const uid = Number(String(url).match(/uid\/(\d+)\//)![1]);
    const rtcToken = mintRtcToken(TEST_CREDENTIALS, 'other-room', { kind: 'uid', uid }, 'publisher', 300).token;
    const body = { rtcToken, appId: TEST_APP_ID, uid, expiresAt: Math.floor(Date.now() / 1000) + 300 };
    return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
  });
  // A channel of its own: SWR caches tokens per channel and uid across the tests in this file.
  render(<CallRoom channel="refused-room" config={config} engine={engine} capture={capture} />);
  await pressJoin();
  const panel = await screen.findByRole('alert');
  expect(panel.textContent).toContain('Agora rejected the access token');
  await waitFor(() =>
    expect(screen.getByRole('list', { name: 'What did not match' }).textContent).toContain(
      'the token is for channel "other-room", not "refused-room"',
    ),
  );
  expect(screen.getByText('Open the token inspector').getAttribute('href')).toMatch(
    /^\/inspect\?channel=refused-room&uid=\d+$/,
  );
});

it("sharing a screen joins a second client with the page's screen uid and its own token", async () => {
  // The page announces it, and the browser's own Stop ends it.
  Object.defineProperty(navigator, 'mediaDevices', { value: { getDisplayMedia: vi.fn() }, configurable: true });
  const { engine, capture, clients, signaling, endedListeners } = fakeCallEngine();
  render(<CallRoom channel="share-room" config={config} engine={engine} capture={capture} />);
  await pressJoin();
  await waitFor(() => expect(signaling.presence.setState).toHaveBeenCalled());
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: 'Share screen' }));
  });
  await screen.findByText('You are presenting your screen to everyone in the call.');
  expect(clients).toHaveLength(2);
  expect(clients[1]!.join).toHaveBeenCalledWith('a'.repeat(32), 'share-room', '007token-for-4343', 4343);
  expect(vi.mocked(fetch).mock.calls.map(([url]) => String(url))).toContain(
    '/api/rtc/share-room/publisher/uid/4343/?expiry=300',
  );
  expect(signaling.presence.setState).toHaveBeenLastCalledWith(
    'share-room',
    'MESSAGE',
    expect.objectContaining({ screen: '4343' }),
  );

  await act(async () => endedListeners[0]!()); // "Stop sharing" in the browser's own bar
  await waitFor(() => expect(screen.queryByText('You are presenting your screen to everyone in the call.')).toBeNull());
  expect(clients[1]!.leave).toHaveBeenCalled();
  expect(signaling.presence.setState).toHaveBeenLastCalledWith(
    'share-room',
    'MESSAGE',
    expect.objectContaining({ screen: '' }),
  );
  expect(clients[0]!.leave).not.toHaveBeenCalled();
  Reflect.deleteProperty(navigator, 'mediaDevices');
});

/** Presses Join once it is enabled. */
async function pressJoin() {
  const join = await screen.findByRole('button', { name: 'Join call' });
  await waitFor(() => expect((join as HTMLButtonElement).disabled).toBe(false));
  await act(async () => {
    fireEvent.click(join);
  });
}

/** Renders the room, presses Join and waits until the call shows "Connected". */
async function joinRoom(channel: string, setup = fakeCallEngine()) {
  const view = render(<CallRoom channel={channel} config={config} engine={setup.engine} capture={setup.capture} />);
  await pressJoin();
  await waitFor(() => expect(screen.getByRole('status', { name: 'Connection' }).textContent).toBe('Connected'));
  return { ...setup, view };
}

async function chooseFromMore(item: string) {
  fireEvent.click(screen.getByRole('button', { name: 'More options' }));
  await act(async () => {
    fireEvent.click(screen.getByRole('menuitem', { name: item }));
  });
}

it('speaker view and a pinned tile are still chosen after Leave and Rejoin', async () => {
  localStorage.setItem('agora-calls.display-name', 'Ada Lovelace');
  await joinRoom('layout-room');
  await chooseFromMore('Speaker view');
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: 'Pin Ada Lovelace (you)' }));
  });
  expect(screen.getByRole('button', { name: 'Unpin Ada Lovelace (you)' }).getAttribute('aria-pressed')).toBe('true');

  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: 'Leave' }));
  });
  await act(async () => {
    fireEvent.click(await screen.findByRole('button', { name: 'Rejoin' }));
  });
  await waitFor(() => expect(screen.getByRole('status', { name: 'Connection' }).textContent).toBe('Connected'));
  expect(screen.getByRole('button', { name: 'Unpin Ada Lovelace (you)' }).getAttribute('aria-pressed')).toBe('true');
  fireEvent.click(screen.getByRole('button', { name: 'More options' }));
  expect(screen.getByRole('menuitem', { name: 'Grid view' })).toBeTruthy();
});

it('someone who just arrived shows as "Joining…" on their tile and in People until their name comes', async () => {
  const { clients, signaling } = await joinRoom('names-room');
  await waitFor(() => expect(signaling.presence.setState).toHaveBeenCalled());
  await act(async () => clients[0]!.emit('user-joined', { uid: 7199, hasAudio: false, hasVideo: false }));
  const tile = await screen.findByRole('figure', { name: 'Joining…' });
  expect(tile.querySelector('figcaption')!.textContent).toBe('Joining…');
  fireEvent.click(screen.getByRole('button', { name: 'People (2)' }));
  const people = screen.getByRole('complementary', { name: 'People (2)' });
  expect(people.textContent).toContain('Joining…');
  expect(people.textContent).not.toContain('Guest');

  await act(async () =>
    signaling.emit(
      'presence',
      presenceEvent('REMOTE_STATE_CHANGED', '7199', { name: 'Bob', hand: '0', screen: '' }, 'names-room'),
    ),
  );
  expect(tile.querySelector('figcaption')!.textContent).toBe('Bob');
  expect(people.textContent).toContain('Bob');
  expect(people.textContent).not.toContain('Joining…');
});

/** Renders the room with every client's join answered by `joinImpl`, and presses Join. */
async function joinWith(channel: string, joinImpl: FakeRtcClient['joinImpl']) {
  const { engine, capture } = fakeCallEngine();
  const createClient = engine.createClient;
  engine.createClient = () => Object.assign(createClient() as FakeRtcClient, { joinImpl });
  render(<CallRoom channel={channel} config={config} engine={engine} capture={capture} />);
  await pressJoin();
}

it('"This room is full" offers Retry and one Leave, and none of the call controls that need a call', async () => {
  Object.defineProperty(navigator, 'mediaDevices', { value: { getDisplayMedia: vi.fn() }, configurable: true });
  await joinWith('full-room', async () => {
    throw Object.assign(new Error('ROOM_FULL: channel "full-room" already has 6 participants, the local mode limit'), {
      code: 'ROOM_FULL',
    });
  });
  const panel = await screen.findByRole('alert');
  expect(panel.textContent).toContain('This room is full');
  expect(screen.getAllByRole('button', { name: 'Leave' })).toHaveLength(1);
  expect(screen.getByRole('button', { name: 'Retry' })).toBeTruthy();
  for (const control of [
    /^Share screen$/,
    /^Raise hand$/,
    /^People/,
    /^Chat/,
    /^More options$/,
    /microphone$/,
    /^Turn camera/,
  ]) {
    expect(screen.queryByRole('button', { name: control }), String(control)).toBeNull();
  }
  expect(screen.queryByRole('toolbar', { name: 'Call controls' })).toBeNull();
  Reflect.deleteProperty(navigator, 'mediaDevices');
});

it('until the join has succeeded the screen says it is connecting, not that it waits for others', async () => {
  let answer: (uid: number) => void = () => {};
  await joinWith(
    'slow-room',
    (...args) => new Promise<number>((resolve) => (answer = () => resolve(args[3] as number))),
  );
  expect(screen.getByRole('heading', { name: 'Connecting to the call…' })).toBeTruthy();
  expect(screen.queryByText('Waiting for others to join')).toBeNull();
  expect(screen.queryByRole('button', { name: 'Copy link' })).toBeNull();
  expect(screen.getByRole('figure', { name: / \(you\)$/ })).toBeTruthy(); // your own preview stays

  await act(async () => answer(4242));
  await waitFor(() => expect(screen.getByRole('status', { name: 'Connection' }).textContent).toBe('Connected'));
  expect(screen.getByRole('heading', { name: 'Waiting for others to join' })).toBeTruthy();
  expect(screen.queryByText('Connecting to the call…')).toBeNull();
});

it('closing or leaving the page leaves at once: camera and screen clients leave and Signaling logs out', async () => {
  // Without waiting on an unpublish.
  Object.defineProperty(navigator, 'mediaDevices', { value: { getDisplayMedia: vi.fn() }, configurable: true });
  const { engine, capture, clients, signaling } = fakeCallEngine();
  render(<CallRoom channel="closing-room" config={config} engine={engine} capture={capture} />);
  await pressJoin();
  await waitFor(() => expect(signaling.presence.setState).toHaveBeenCalled());
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: 'Share screen' }));
  });
  await screen.findByText('You are presenting your screen to everyone in the call.');
  // A page being closed does not live to see an unpublish answered.
  for (const client of clients) client.unpublish.mockImplementation(() => new Promise(() => {}));

  await act(async () => {
    window.dispatchEvent(new Event('pagehide'));
  });
  expect(clients).toHaveLength(2);
  expect(clients[0]!.leave).toHaveBeenCalled();
  expect(clients[1]!.leave).toHaveBeenCalled();
  expect(signaling.logout).toHaveBeenCalled();
  Reflect.deleteProperty(navigator, 'mediaDevices');
});
