// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CallRoom } from '@/components/call/call-room';
import type { RoomView } from '@/lib/shared/room-contract';
import { presenceEvent } from '../support/fake-signaling-client';
import { roomView } from '../support/rooms';
import {
  fakeCallEngine,
  FakeRoomServer,
  hintRoomChanged,
  pageConfig,
  pressJoin,
  stubLayout,
  waitUntilConnected,
} from '../support/call-page';

// What a host decides, as the person it is about lives it: the page acts only on the room the
// server answers, says what happened in words, and never turns a microphone or camera on by itself.

let server: FakeRoomServer;

beforeEach(() => {
  stubLayout();
  localStorage.setItem('agora-calls.display-name', 'Bob');
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

/** Joins `channel` as a guest (uid 4242) of a room Grace (uid 1) hosts. */
async function joinAsGuest(channel: string) {
  server = new FakeRoomServer(roomView({ channel, stage: false, hosts: [1], you: { uid: 4242, role: 'guest' } }));
  vi.stubGlobal('fetch', server.fetch);
  const setup = fakeCallEngine();
  render(<CallRoom channel={channel} config={pageConfig()} engine={setup.engine} capture={setup.capture} />);
  await pressJoin();
  await waitUntilConnected();
  await act(async () =>
    setup.signaling.emit(
      'presence',
      presenceEvent('REMOTE_STATE_CHANGED', '1', { name: 'Grace', hand: '0', screen: '' }, channel),
    ),
  );
  /** The server's room changes, and someone in the call says so. */
  const serve = async (
    change: Omit<Partial<RoomView>, 'you'> & Partial<Pick<RoomView['you'], 'admission' | 'requests'>>,
  ) => {
    const { requests, admission, ...rest } = change;
    server.view = {
      ...server.view,
      ...rest,
      you: { ...server.view.you, ...(requests && { requests }), ...(admission && { admission }) },
    };
    await hintRoomChanged(setup.signaling, channel);
  };
  return { ...setup, serve };
}

const micButton = () => screen.getByRole('button', { name: /microphone$/ });
const notification = () => screen.getByRole('status', { name: 'Notification' }).textContent;

describe('removed, or the call ended', () => {
  it('"A host removed you from this call": the page leaves, camera and microphone off', async () => {
    const { clients, signaling, tracks, serve } = await joinAsGuest('removed-room');
    await serve({ admission: 'removed' });
    await screen.findByRole('heading', { name: 'A host removed you from this call' });
    expect(clients[0]!.leave).toHaveBeenCalled();
    expect(signaling.logout).toHaveBeenCalled();
    await waitFor(() => expect(tracks.filter((track) => !track.closed)).toEqual([]));
    expect(screen.queryByRole('button', { name: 'Rejoin' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Home' })).toBeTruthy();
  });

  it('"The host ended the call": the page leaves', async () => {
    const { clients, serve } = await joinAsGuest('ended-room');
    await serve({ ended: true });
    await screen.findByRole('heading', { name: 'The host ended the call' });
    expect(clients[0]!.leave).toHaveBeenCalled();
  });

  it('a token refused as "removed" (the room not read yet) says the same', async () => {
    server = new FakeRoomServer(roomView({ channel: 'refused-removed', stage: false, you: { role: 'guest' } }));
    server.refuseTokens = 'removed';
    vi.stubGlobal('fetch', server.fetch);
    const { engine, capture, tracks } = fakeCallEngine();
    render(<CallRoom channel="refused-removed" config={pageConfig()} engine={engine} capture={capture} />);
    await screen.findByRole('heading', { name: 'A host removed you from this call' });
    await waitFor(() => expect(tracks.filter((track) => !track.closed)).toEqual([]));
  });
});

describe('requests from a host', () => {
  it('a "mute" mutes the microphone at once and says who did it, once per request', async () => {
    const { serve } = await joinAsGuest('muted-room');
    expect(micButton().getAttribute('aria-label')).toBe('Mute microphone');
    await serve({ requests: [{ id: 3, kind: 'mute', by: 'Grace' }] });
    await waitFor(() => expect(micButton().getAttribute('aria-label')).toBe('Unmute microphone'));
    expect(notification()).toBe('Grace muted you');

    // Bob turns it back on; reading the same request again does not mute him twice.
    await act(async () => {
      fireEvent.click(micButton());
    });
    await waitFor(() => expect(micButton().getAttribute('aria-label')).toBe('Mute microphone'));
    await serve({ requests: [{ id: 3, kind: 'mute', by: 'Grace' }] });
    expect(micButton().getAttribute('aria-label')).toBe('Mute microphone');
  });

  it('a request handled before Leave is not handled again after Rejoin', async () => {
    // The page remembers which it handled.
    const { serve } = await joinAsGuest('rejoin-room');
    await serve({ requests: [{ id: 9, kind: 'mute', by: 'Grace' }] });
    await waitFor(() => expect(micButton().getAttribute('aria-label')).toBe('Unmute microphone'));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Leave' }));
    });
    await act(async () => {
      fireEvent.click(await screen.findByRole('button', { name: 'Rejoin' }));
    });
    await waitUntilConnected();
    await act(async () => {
      fireEvent.click(micButton());
    });
    await waitFor(() => expect(micButton().getAttribute('aria-label')).toBe('Mute microphone'));
    await serve({ requests: [{ id: 9, kind: 'mute', by: 'Grace' }] });
    expect(micButton().getAttribute('aria-label')).toBe('Mute microphone');
  });

  it('asked to unmute: nothing turns on until the person answers Unmute', async () => {
    const { serve } = await joinAsGuest('ask-unmute-room');
    await act(async () => {
      fireEvent.click(micButton());
    });
    await serve({ requests: [{ id: 5, kind: 'ask-unmute', by: 'Grace' }] });
    const ask = screen.getByRole('alertdialog', { name: 'Grace asks you to unmute' });
    expect(micButton().getAttribute('aria-label')).toBe('Unmute microphone');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Unmute' }));
    });
    await waitFor(() => expect(micButton().getAttribute('aria-label')).toBe('Mute microphone'));
    expect(ask.isConnected).toBe(false);
  });

  it('asked to turn on the camera, "Not now" keeps it off and the question goes', async () => {
    const { serve } = await joinAsGuest('ask-camera-room');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Turn camera off' }));
    });
    await serve({ requests: [{ id: 6, kind: 'ask-camera', by: 'Grace' }] });
    screen.getByRole('alertdialog', { name: 'Grace asks you to turn on your camera' });
    fireEvent.click(screen.getByRole('button', { name: 'Not now' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(screen.getByRole('button', { name: 'Turn camera on' })).toBeTruthy();
    await serve({ requests: [{ id: 6, kind: 'ask-camera', by: 'Grace' }] }); // the same request: not asked again
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });

  it('in the audience of a live event nothing is published: a host asking to unmute asks nothing', async () => {
    server = new FakeRoomServer(roomView({ channel: 'audience-room', hosts: [1], you: { role: 'audience' } }));
    vi.stubGlobal('fetch', server.fetch);
    const { engine, capture, signaling } = fakeCallEngine();
    render(<CallRoom channel="audience-room" config={pageConfig()} engine={engine} capture={capture} />);
    await act(async () => {
      fireEvent.click(await screen.findByRole('button', { name: 'Join the audience' }));
    });
    await waitUntilConnected();
    await act(async () => {
      fireEvent.click(micButton());
    });
    expect(micButton().getAttribute('aria-label')).toBe('Unmute microphone');
    server.view = {
      ...server.view,
      you: { ...server.view.you, requests: [{ id: 2, kind: 'ask-unmute', by: 'Grace' }] },
    };
    await hintRoomChanged(signaling, 'audience-room');
    expect(server.fetch.mock.calls.filter(([url]) => url === '/api/rooms/audience-room').length).toBeGreaterThan(1);
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });

  it('"Mute everyone" mutes once per press, naming the only host', async () => {
    // Joining later is not muted for earlier presses.
    server = new FakeRoomServer(
      roomView({ channel: 'all-muted', stage: false, hosts: [1], muteAll: 4, you: { role: 'guest' } }),
    );
    vi.stubGlobal('fetch', server.fetch);
    const { engine, capture, signaling } = fakeCallEngine();
    render(<CallRoom channel="all-muted" config={pageConfig()} engine={engine} capture={capture} />);
    await pressJoin();
    await waitUntilConnected();
    await act(async () =>
      signaling.emit(
        'presence',
        presenceEvent('REMOTE_STATE_CHANGED', '1', { name: 'Grace', hand: '0', screen: '' }, 'all-muted'),
      ),
    );
    await hintRoomChanged(signaling, 'all-muted');
    expect(micButton().getAttribute('aria-label')).toBe('Mute microphone');

    server.view = { ...server.view, muteAll: 5 };
    await hintRoomChanged(signaling, 'all-muted');
    await waitFor(() => expect(micButton().getAttribute('aria-label')).toBe('Unmute microphone'));
    expect(notification()).toBe('Grace muted everyone');
    await act(async () => {
      fireEvent.click(micButton());
    });
    await hintRoomChanged(signaling, 'all-muted');
    expect(micButton().getAttribute('aria-label')).toBe('Mute microphone');
  });
});
