// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CallRoom } from '@/components/call/call-room';
import { presenceEvent } from '../support/fake-signaling-client';
import { roomView } from '../support/rooms';
import {
  chooseFromMore,
  fakeCallEngine,
  FakeRoomServer,
  hintRoomChanged,
  pageConfig,
  pressJoin,
  stubLayout,
  waitUntilConnected,
} from '../support/call-page';

// A host's controls, from the host's page: every command is a room action posted to the server,
// and the page shows what the server answers.

let server: FakeRoomServer;
let tones: number;

beforeEach(() => {
  stubLayout();
  tones = 0;
  // WebAudio as the knock chime uses it: each oscillator started is a tone heard.
  const node = () => ({
    connect: (next: unknown) => next ?? node(),
    gain: { setValueAtTime() {}, exponentialRampToValueAtTime() {} },
  });
  vi.stubGlobal(
    'AudioContext',
    class {
      state = 'running';
      currentTime = 0;
      destination = {};
      createGain = node;
      createOscillator = () => ({ ...node(), frequency: {}, start: () => tones++, stop() {} });
    },
  );
  localStorage.setItem('agora-calls.display-name', 'Grace Hopper');
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

/** Joins `channel` as its host, with Bob (uid 7) in the call with his microphone and camera on. */
async function joinAsHost(channel: string, view = {}) {
  server = new FakeRoomServer(
    roomView({ channel, stage: false, hosts: [4242], you: { uid: 4242, role: 'host' }, ...view }),
  );
  vi.stubGlobal('fetch', server.fetch);
  const setup = fakeCallEngine();
  render(<CallRoom channel={channel} config={pageConfig()} engine={setup.engine} capture={setup.capture} />);
  await pressJoin();
  await waitUntilConnected();
  await act(async () => setup.clients[0]!.emit('user-joined', { uid: 7, hasAudio: true, hasVideo: true }));
  await act(async () =>
    setup.signaling.emit(
      'presence',
      presenceEvent('REMOTE_STATE_CHANGED', '7', { name: 'Bob', hand: '0', screen: '' }, channel),
    ),
  );
  return setup;
}

const openPeople = () => fireEvent.click(screen.getByRole('button', { name: /^People \(/ }));
/** The People panel: each person's menu is there (and on their tile too). */
const inPeople = () => within(screen.getByRole('complementary', { name: /^People/ }));

async function choosePersonAction(person: string, item: string) {
  fireEvent.click(inPeople().getByRole('button', { name: `Actions for ${person}` }));
  await act(async () => {
    fireEvent.click(screen.getByRole('menuitem', { name: item }));
  });
}

describe('a host in People', () => {
  it('mutes someone, or asks them to unmute or turn on their camera; never turns anything on', async () => {
    // Each request names the host who made it (naming themselves).
    await joinAsHost('mute-room');
    openPeople();
    fireEvent.click(inPeople().getByRole('button', { name: 'Actions for Bob' }));
    const items = screen.getAllByRole('menuitem').map((item) => item.textContent);
    expect(items).toEqual(['Mute', 'Remove from the call']); // his microphone and camera are on: nothing to ask
    await act(async () => {
      fireEvent.click(screen.getByRole('menuitem', { name: 'Mute' }));
    });
    expect(server.posted).toEqual([{ action: 'mute', uid: 7, name: 'Grace Hopper' }]);
  });

  it('offers to ask, not to turn on, what someone has off', async () => {
    const { clients } = await joinAsHost('ask-room');
    await act(async () => clients[0]!.emit('user-unpublished', { uid: 7, hasAudio: false, hasVideo: false }, 'audio'));
    await act(async () => clients[0]!.emit('user-unpublished', { uid: 7, hasAudio: false, hasVideo: false }, 'video'));
    openPeople();
    fireEvent.click(inPeople().getByRole('button', { name: 'Actions for Bob' }));
    expect(screen.getAllByRole('menuitem').map((item) => item.textContent)).toEqual([
      'Ask to unmute',
      'Ask to turn on camera',
      'Remove from the call',
    ]);
    await act(async () => {
      fireEvent.click(screen.getByRole('menuitem', { name: 'Ask to unmute' }));
    });
    await choosePersonAction('Bob', 'Ask to turn on camera');
    expect(server.posted.map(({ action, uid }) => [action, uid])).toEqual([
      ['ask-unmute', 7],
      ['ask-camera', 7],
    ]);
  });

  it('removes someone only after a question that names them; Cancel changes nothing', async () => {
    await joinAsHost('remove-room');
    openPeople();
    await choosePersonAction('Bob', 'Remove from the call');
    const question = screen.getByRole('alertdialog', { name: 'Remove Bob from the call?' });
    expect(question.getAttribute('aria-modal')).toBe('true');
    expect(document.activeElement).toBe(within(question).getByRole('button', { name: 'Cancel' }));
    fireEvent.click(within(question).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(server.posted).toEqual([]);
    expect(document.activeElement).toBe(inPeople().getByRole('button', { name: 'Actions for Bob' }));

    await choosePersonAction('Bob', 'Remove from the call');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Remove' }));
    });
    expect(server.posted).toEqual([{ action: 'remove', uid: 7, name: 'Grace Hopper' }]);
  });

  it("the same menu is on the person's tile: Remove from there asks first too", async () => {
    await joinAsHost('tile-room');
    const bobsTile = within(screen.getByRole('figure', { name: 'Bob' }));
    fireEvent.click(bobsTile.getByRole('button', { name: 'Actions for Bob' }));
    await act(async () => {
      fireEvent.click(screen.getByRole('menuitem', { name: 'Remove from the call' }));
    });
    await act(async () => {
      fireEvent.click(
        within(screen.getByRole('alertdialog', { name: 'Remove Bob from the call?' })).getByRole('button', {
          name: 'Remove',
        }),
      );
    });
    expect(server.posted).toEqual([{ action: 'remove', uid: 7, name: 'Grace Hopper' }]);
  });

  it('Escape in the question cancels it and leaves People open', async () => {
    await joinAsHost('escape-room');
    openPeople();
    await choosePersonAction('Bob', 'Remove from the call');
    fireEvent.keyDown(screen.getByRole('alertdialog'), { key: 'Escape' });
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(screen.getByRole('complementary', { name: /^People/ })).toBeTruthy();
    expect(server.posted).toEqual([]);
  });

  it('Mute everyone mutes the others, not the host who pressed it', async () => {
    await joinAsHost('all-room');
    server.onAction = (_action, view) => ({ ...view, muteAll: view.muteAll + 1 });
    openPeople();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Mute everyone' }));
    });
    expect(server.posted).toEqual([{ action: 'mute-everyone', name: 'Grace Hopper' }]);
    expect(server.view.muteAll).toBe(1);
    expect(screen.getByRole('button', { name: 'Mute microphone' })).toBeTruthy(); // still on
  });

  it('a guest sees no host actions', async () => {
    server = new FakeRoomServer(roomView({ channel: 'guest-room', stage: false, hosts: [1], you: { role: 'guest' } }));
    vi.stubGlobal('fetch', server.fetch);
    const { engine, capture, clients } = fakeCallEngine();
    render(<CallRoom channel="guest-room" config={pageConfig()} engine={engine} capture={capture} />);
    await pressJoin();
    await waitUntilConnected();
    await act(async () => clients[0]!.emit('user-joined', { uid: 7, hasAudio: true, hasVideo: true }));
    openPeople();
    expect(screen.queryByRole('button', { name: /^Actions for/ })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Mute everyone' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'More options' }));
    for (const item of ['Lock room', 'Turn on waiting room', 'End call for everyone'])
      expect(screen.queryByRole('menuitem', { name: item })).toBeNull();
  });
});

describe('a host in More', () => {
  it('locks and unlocks the room, and turns the waiting room on, saying what is on in words', async () => {
    await joinAsHost('lock-room');
    server.onAction = ({ action }, view) => ({
      ...view,
      locked: action === 'lock' ? true : action === 'unlock' ? false : view.locked,
      waitingRoom: action === 'waiting-room-on' ? true : action === 'waiting-room-off' ? false : view.waitingRoom,
    });
    await chooseFromMore('Lock room');
    expect(screen.getByText(/The room is locked: nobody new can join\./)).toBeTruthy();
    await chooseFromMore('Turn on waiting room');
    expect(screen.getByText(/The waiting room is on: newcomers wait until a host lets them in\./)).toBeTruthy();
    await chooseFromMore('Unlock room');
    await chooseFromMore('Turn off waiting room');
    expect(server.posted.map(({ action }) => action)).toEqual([
      'lock',
      'waiting-room-on',
      'unlock',
      'waiting-room-off',
    ]);
    expect(screen.queryByText(/The room is locked/)).toBeNull();
  });

  it('End call for everyone asks first, then ends it: the host leaves, camera off, and is told', async () => {
    const { clients, tracks } = await joinAsHost('end-room');
    server.onAction = ({ action }, view) => (action === 'end' ? { ...view, ended: true } : view);
    await chooseFromMore('End call for everyone');
    const question = screen.getByRole('alertdialog', { name: 'End the call for everyone?' });
    expect(server.posted).toEqual([]);
    await act(async () => {
      fireEvent.click(within(question).getByRole('button', { name: 'End call for everyone' }));
    });
    expect(server.posted.map(({ action }) => action)).toEqual(['end']);
    await screen.findByRole('heading', { name: 'You ended the call for everyone' });
    expect(clients[0]!.leave).toHaveBeenCalled();
    await waitFor(() => expect(tracks.filter((track) => !track.closed)).toEqual([]));
  });
});

describe('a host and the waiting room', () => {
  it('sees who waits and for how long, with a badge and one chime per newcomer', async () => {
    // Admit and Deny post for that person.
    const { signaling } = await joinAsHost('knock-room', { waitingRoom: true });
    expect(tones).toBe(0);
    server.view = {
      ...server.view,
      waiting: [{ uid: 88, name: 'Ada Lovelace', since: Date.now() - 125_000 }],
    };
    await hintRoomChanged(signaling, 'knock-room');
    expect(screen.getByRole('button', { name: 'People (2), 1 waiting to join' })).toBeTruthy();
    expect(screen.getByRole('status', { name: 'Notification' }).textContent).toBe('Ada Lovelace is waiting to join');
    expect(tones).toBeGreaterThan(0);
    const chimed = tones;
    await hintRoomChanged(signaling, 'knock-room'); // read again, nobody new: no second chime
    expect(tones).toBe(chimed);

    openPeople();
    const waiting = screen.getByRole('region', { name: 'Waiting to join (1)' });
    expect(within(waiting).getByRole('listitem', { name: 'Ada Lovelace' }).textContent).toContain('Waiting 2 minutes');
    server.onAction = (_action, view) => ({ ...view, waiting: [] });
    await act(async () => {
      fireEvent.click(within(waiting).getByRole('button', { name: 'Admit Ada Lovelace' }));
    });
    expect(server.posted).toEqual([{ action: 'admit', uid: 88, name: 'Grace Hopper' }]);
    expect(screen.queryByRole('region', { name: /^Waiting to join/ })).toBeNull();
    expect(screen.getByRole('button', { name: 'People (2)' })).toBeTruthy();

    server.view = { ...server.view, waiting: [{ uid: 89, name: 'Mallory', since: Date.now() }] };
    await hintRoomChanged(signaling, 'knock-room');
    expect(tones).toBeGreaterThan(chimed);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Deny Mallory' }));
    });
    expect(server.posted.at(-1)).toEqual({ action: 'deny', uid: 89, name: 'Grace Hopper' });
  });
});
