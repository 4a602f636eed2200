import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RoomSession } from '@/lib/client/room/room-session';
import type { RoomView } from '@/lib/shared/room-contract';
import { roomView } from '../support/rooms';

// What hosts ask of a person is acted on once per request, and "Mute everyone" once per press; the
// RoomSession remembers what was handled, across re-reads and a Leave and Rejoin.

let served: RoomView;
const posted: unknown[] = [];
/** Room actions are answered once this settles (a test holds one on its way). */
let actionsAnswered: Promise<void> = Promise.resolve();

beforeEach(() => {
  posted.length = 0;
  actionsAnswered = Promise.resolve();
  served = roomView();
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_url: string, init?: RequestInit) => {
      if (init?.method === 'POST') {
        const body = JSON.parse(String(init.body));
        posted.push(body);
        if (body.action === 'mute-everyone') served = { ...served, muteAll: served.muteAll + 1 };
        const answer = served;
        await actionsAnswered;
        return new Response(JSON.stringify(answer), { status: 200, headers: { 'content-type': 'application/json' } });
      }
      return new Response(JSON.stringify(served), { status: 200, headers: { 'content-type': 'application/json' } });
    }),
  );
});
afterEach(() => vi.unstubAllGlobals());

async function readRoom(view: Partial<RoomView>, you: Partial<RoomView['you']> = {}) {
  served = { ...served, ...view, you: { ...served.you, ...you } };
  await session.refresh();
}

let session: RoomSession;
beforeEach(() => {
  session = new RoomSession({ channel: 'room', enabled: true, pageTicket: 'ticket' });
});

describe('host requests', () => {
  it('each request is handed over once, oldest first, however often the room is read', async () => {
    await readRoom({});
    expect(session.takeHostRequests()).toEqual({ requests: [], muteEveryone: false });
    const mute = { id: 4, kind: 'mute', by: 'Grace' } as const;
    const ask = { id: 3, kind: 'ask-camera', by: 'Alan' } as const;
    await readRoom({}, { requests: [mute, ask] });
    expect(session.takeHostRequests().requests).toEqual([ask, mute]);
    await readRoom({}, { requests: [ask, mute] });
    expect(session.takeHostRequests().requests).toEqual([]);
    await readRoom({}, { requests: [ask, mute, { id: 5, kind: 'ask-unmute', by: 'Grace' }] });
    expect(session.takeHostRequests().requests.map((request) => request.id)).toEqual([5]);
  });

  it('joining (again) does not act on what hosts asked before it', async () => {
    await readRoom({ muteAll: 2 }, { requests: [{ id: 8, kind: 'mute', by: 'Grace' }] });
    session.catchUpHostRequests();
    expect(session.takeHostRequests()).toEqual({ requests: [], muteEveryone: false });
  });

  it('Mute everyone counts once per press; the first view seen is where counting starts', async () => {
    await readRoom({ muteAll: 7 });
    expect(session.takeHostRequests().muteEveryone).toBe(false);
    await readRoom({ muteAll: 8 });
    expect(session.takeHostRequests().muteEveryone).toBe(true);
    await readRoom({ muteAll: 8 });
    expect(session.takeHostRequests().muteEveryone).toBe(false);
    // The room started over (its state expired): from its new count on.
    await readRoom({ muteAll: 0 });
    expect(session.takeHostRequests().muteEveryone).toBe(false);
    await readRoom({ muteAll: 1 });
    expect(session.takeHostRequests().muteEveryone).toBe(true);
  });

  it('the host who pressed Mute everyone is not muted by it, even if the room is read before the answer', async () => {
    await readRoom({ muteAll: 1 }, { role: 'host' });
    session.takeHostRequests();
    let answer = () => {};
    actionsAnswered = new Promise((resolve) => (answer = resolve));
    const pressing = session.act('mute-everyone');
    // A read answered while the press is on its way already shows the new count.
    await session.refresh();
    expect(session.getSnapshot().view?.muteAll).toBe(2);
    expect(session.takeHostRequests().muteEveryone).toBe(false);
    answer();
    await pressing;
    expect(session.takeHostRequests().muteEveryone).toBe(false);
  });
});

describe('the name sent with room actions', () => {
  it('goes with a knock and with host actions (who asked), not with the others', async () => {
    session.setName('Grace Hopper');
    await session.act('knock');
    await session.act('mute', 7);
    await session.act('accept-invitation');
    expect(posted).toEqual([
      { action: 'knock', name: 'Grace Hopper' },
      { action: 'mute', uid: 7, name: 'Grace Hopper' },
      { action: 'accept-invitation' },
    ]);
  });
});
