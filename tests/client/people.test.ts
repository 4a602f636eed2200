import { describe, expect, it } from 'vitest';
import { JOINING, listPeople } from '@/lib/client/people';
import type { PresenceSnapshot } from '@/lib/client/presence/presence-session';
import { Arrivals, NAME_WAIT_MS } from '@/lib/client/use-newcomers';
import { roomView } from '../support/rooms';

const self = { uid: '1', name: 'Ada', micOn: true, cameraOn: true };
const bob = { uid: '7199', hasAudio: true, hasVideo: true };
const presence = (status: PresenceSnapshot['status'], names: Record<string, string> = {}): PresenceSnapshot => ({
  status,
  problem: null,
  peers: Object.fromEntries(Object.entries(names).map(([uid, name]) => [uid, { name, hand: false, screenUid: null }])),
  names,
  messages: [],
  me: { name: 'Ada', hand: false, screenUid: null },
  renewals: 0,
  relogins: 0,
});
const nameOfBob = (snapshot: PresenceSnapshot | null, newcomers: string[]) =>
  listPeople([bob], snapshot, self, new Set(newcomers))[1]!;

describe("a remote person's name", () => {
  it('is "Joining…" while it is on its way: they arrived just now and Signaling is starting or online', () => {
    for (const snapshot of [
      null,
      presence('idle'),
      presence('connecting'),
      presence('online'),
      presence('reconnecting'),
    ]) {
      expect(nameOfBob(snapshot, ['7199'])).toMatchObject({ name: JOINING, joining: true });
    }
  });

  it('is their name as soon as it arrives', () => {
    expect(nameOfBob(presence('online', { 7199: 'Bob' }), ['7199'])).toMatchObject({ name: 'Bob', joining: false });
  });

  it('falls back to a guest label when no name can come (Signaling unavailable) or none came in time', () => {
    expect(nameOfBob(presence('unavailable'), ['7199'])).toMatchObject({ name: 'Guest 7199', joining: false });
    expect(nameOfBob(presence('online'), [])).toMatchObject({ name: 'Guest 7199', joining: false });
  });
});

describe('Arrivals', () => {
  it('counts someone as a newcomer for the wait after they were first seen, then not', () => {
    const arrivals = new Arrivals();
    expect(arrivals.newcomers(['7'], 0, NAME_WAIT_MS), 'not noted yet: just arrived').toEqual(new Set(['7']));
    arrivals.note(['7'], 1000);
    expect(arrivals.nextChange(1000, NAME_WAIT_MS)).toBe(1000 + NAME_WAIT_MS);
    arrivals.note(['7', '8'], 5000); // 7 keeps its first sighting
    expect(arrivals.newcomers(['7', '8'], 1000 + NAME_WAIT_MS, NAME_WAIT_MS)).toEqual(new Set(['8']));
    expect(arrivals.nextChange(1000 + NAME_WAIT_MS, NAME_WAIT_MS)).toBe(5000 + NAME_WAIT_MS);
    expect(arrivals.nextChange(5000 + NAME_WAIT_MS, NAME_WAIT_MS)).toBeNull();
  });

  it('forgets someone who left: coming back is a new arrival', () => {
    const arrivals = new Arrivals();
    arrivals.note(['7'], 0);
    arrivals.note([], 20_000);
    arrivals.note(['7'], 30_000);
    expect(arrivals.newcomers(['7'], 31_000, NAME_WAIT_MS)).toEqual(new Set(['7']));
  });
});

describe('People in a room with a host', () => {
  const room = roomView({
    stage: true,
    hosts: [1],
    onStage: [7199],
    invited: [30],
    you: { uid: 1, role: 'host' },
  });
  const online = presence('online', { '7199': 'Bob', '20': 'Cy', '30': 'Di' });
  online.peers['30']!.hand = true;

  it('lists the audience from Signaling after those on stage, raised hands first', () => {
    // Each with the role the server gives.
    const people = listPeople([bob], online, self, new Set(), room);
    expect(people.map((person) => [person.name, person.role, person.offStage ?? false])).toEqual([
      ['Ada', 'host', false],
      ['Bob', 'stage', false],
      ['Di', 'audience', true],
      ['Cy', 'audience', true],
    ]);
    expect(people.find((person) => person.name === 'Di')?.invited).toBe(true);
  });

  it('in a room without stage mode nobody is audience, and nobody is listed from Signaling alone', () => {
    const people = listPeople([bob], online, self, new Set(), roomView({ ...room, stage: false }));
    expect(people.map((person) => [person.name, person.role])).toEqual([
      ['Ada', 'host'],
      ['Bob', 'guest'],
    ]);
  });
});
