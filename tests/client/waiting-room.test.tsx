// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { CallRoom } from '@/components/call/call-room';
import type { RoomView } from '@/lib/shared/room-contract';
import { roomView } from '../support/rooms';
import { fakeCallEngine, FakeRoomServer, pageConfig, stubLayout, waitUntilConnected } from '../support/call-page';

// A newcomer at a room with a waiting room, a lock, or a host's refusal: the preview says so in
// words, knocks with their name, and joins by itself once the server lets them in (their token works).

let server: FakeRoomServer;

beforeEach(() => {
  stubLayout();
  // The page reads its room every 4 s: the test moves that clock on, everything else runs as usual.
  vi.useFakeTimers({ shouldAdvanceTime: true, toFake: ['setInterval', 'clearInterval'] });
  localStorage.setItem('agora-calls.display-name', 'Ada Lovelace');
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

function openPage(channel: string, view: Partial<RoomView> & { admission?: RoomView['you']['admission'] }) {
  const { admission = 'in', ...rest } = view;
  server = new FakeRoomServer(
    roomView({ channel, stage: false, you: { uid: 4242, role: 'guest', admission }, ...rest }),
  );
  vi.stubGlobal('fetch', server.fetch);
  const setup = fakeCallEngine();
  render(<CallRoom channel={channel} config={pageConfig()} engine={setup.engine} capture={setup.capture} />);
  return setup;
}

/** The page reads its room again (its 4-second poll). */
const nextRead = () => act(() => vi.advanceTimersByTimeAsync(4000));
const admissionFor = (admission: RoomView['you']['admission']) => ({ ...server.view.you, admission });

it('waits for a host in words, knocks with the name, and joins by itself once let in', async () => {
  const { clients } = openPage('waiting-room', { waitingRoom: true, hosts: [], admission: 'not-admitted' });
  server.refuseTokens = 'waiting_for_host';
  server.onAction = ({ action }, view) =>
    action === 'knock' ? { ...view, you: { ...view.you, admission: 'waiting' } } : view;

  await screen.findByRole('heading', { name: 'Waiting for a host to let you in' });
  await waitFor(() => expect(server.posted).toEqual([{ action: 'knock', name: 'Ada Lovelace' }]));
  await screen.findByText(/The hosts see you as Ada Lovelace\./);
  expect(screen.getByText(/No host is here right now\./)).toBeTruthy();
  const join = screen.getByRole('button', { name: 'Waiting for a host…' }) as HTMLButtonElement;
  expect(join.disabled).toBe(true);
  expect(screen.queryByRole('alert')).toBeNull(); // a waiting room is not an error

  server.view = { ...server.view, hosts: [1] };
  await nextRead();
  expect(screen.queryByText(/No host is here right now\./)).toBeNull();
  expect(clients).toHaveLength(0);

  server.refuseTokens = null;
  server.view = { ...server.view, you: admissionFor('in') };
  await nextRead();
  await waitUntilConnected();
  expect(clients).toHaveLength(1);
  expect(clients[0]!.join).toHaveBeenCalledTimes(1);
  expect(clients[0]!.join.mock.calls[0]![2]).toBe('007token-for-4242');
  expect(server.posted).toHaveLength(1); // knocked once
});

it('a changed name is knocked again, so the hosts see the name typed', async () => {
  openPage('renamed-room', { waitingRoom: true, hosts: [1], admission: 'not-admitted' });
  server.refuseTokens = 'waiting_for_host';
  server.onAction = (_action, view) => ({ ...view, you: { ...view.you, admission: 'waiting' } });
  await waitFor(() => expect(server.posted).toHaveLength(1));
  fireEvent.change(screen.getByLabelText(/name/i), { target: { value: 'Ada King' } });
  await waitFor(() => expect(server.posted.at(-1)).toEqual({ action: 'knock', name: 'Ada King' }), { timeout: 3000 });
  expect(server.posted).toHaveLength(2);
});

it('"A host did not let you in": said in words, camera and microphone off', async () => {
  const { tracks } = openPage('denied-room', { waitingRoom: true, hosts: [1], admission: 'waiting' });
  server.refuseTokens = 'waiting_for_host';
  await screen.findByRole('heading', { name: 'Waiting for a host to let you in' });
  server.refuseTokens = 'admission_denied';
  server.view = { ...server.view, you: admissionFor('denied') };
  await nextRead();
  await screen.findByRole('heading', { name: 'A host did not let you in' });
  await waitFor(() => expect(tracks.filter((track) => !track.closed)).toEqual([]));
  expect(screen.queryByRole('button', { name: /Join/ })).toBeNull();
});

it('"This room is locked" on the preview; once unlocked, Try again lets the person join', async () => {
  openPage('locked-room', { locked: true });
  server.refuseTokens = 'room_locked';
  const locked = await screen.findByRole('alert');
  expect(locked.textContent).toContain('This room is locked');
  expect(locked.textContent).toContain('Ask a host to unlock it');
  expect((screen.getByRole('button', { name: 'Join call' }) as HTMLButtonElement).disabled).toBe(true);

  server.refuseTokens = null;
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
  });
  await waitFor(() =>
    expect((screen.getByRole('button', { name: 'Join call' }) as HTMLButtonElement).disabled).toBe(false),
  );
  expect(screen.queryByText('This room is locked')).toBeNull();
});

it('"The host ended the call" on the preview when the room has ended', async () => {
  openPage('over-room', {});
  server.refuseTokens = 'room_ended';
  await screen.findByRole('heading', { name: 'The host ended the call' });
});

it('a tab coming back to the front reads the room at once', async () => {
  // Someone let in meanwhile goes in without waiting for the next read.
  const { clients } = openPage('background-room', { waitingRoom: true, hosts: [1], admission: 'waiting' });
  server.refuseTokens = 'waiting_for_host';
  await screen.findByRole('heading', { name: 'Waiting for a host to let you in' });
  server.refuseTokens = null;
  server.view = { ...server.view, you: admissionFor('in') };
  await act(async () => {
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await waitUntilConnected();
  expect(clients).toHaveLength(1);
});

it('let in while the token is still refused a moment: the token is asked for again', async () => {
  // On the next read of the room.
  const { clients } = openPage('behind-room', { waitingRoom: true, hosts: [1], admission: 'waiting' });
  server.refuseTokens = 'waiting_for_host';
  await screen.findByRole('heading', { name: 'Waiting for a host to let you in' });
  server.view = { ...server.view, you: admissionFor('in') };
  const asked = server.tokenRequests;
  await nextRead();
  await waitFor(() => expect(server.tokenRequests).toBe(asked + 1));
  expect(screen.getByRole('heading', { name: 'Waiting for a host to let you in' })).toBeTruthy();
  server.refuseTokens = null;
  await nextRead();
  await waitUntilConnected();
  expect(clients).toHaveLength(1);
});
