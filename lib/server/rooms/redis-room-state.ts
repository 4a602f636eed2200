import 'server-only';
// The Redis room store's keys, and a room's state from the answers to its read.
import { ENDED, emptyRoom, type RoomState, type StoredRequest } from './room-store';

const ROOM_KEYS = [
  'stage',
  'invited',
  'hosts',
  'members',
  'memberBrowsers',
  'admitted',
  'denied',
  'waiting',
  'names',
  'browsers',
  'removed',
  'requests',
] as const;

export type Keys = { room: string; ended: string } & Record<(typeof ROOM_KEYS)[number], string>;

export function keysOf(channel: string): Keys {
  const base = `agora-calls:room:${encodeURIComponent(channel)}`;
  const keys = { room: base, ended: `${base}:ended` } as Keys;
  for (const name of ROOM_KEYS) keys[name] = `${base}:${name}`;
  return keys;
}

/** Every key of a room's state (not the ended marker, which expires on its own clock). */
export const roomKeys = (keys: Keys): string[] => [keys.room, ...ROOM_KEYS.map((name) => keys[name])];

const uids = (members: unknown): number[] => (members as string[]).map(Number);

function requestsOf(entries: string[]): StoredRequest[] {
  return entries.flatMap((entry) => {
    try {
      const { id, uid, kind, by, at } = JSON.parse(entry);
      return [{ id: Number(id), uid, kind, by, at }];
    } catch {
      return [];
    }
  });
}

/** The answers of RedisRoomStore.read, in its order; null when nobody started the room. */
export function stateOf(results: unknown[]): RoomState | null {
  const [
    ended,
    room,
    stage,
    invited,
    hosts,
    members,
    memberBrowsers,
    admitted,
    denied,
    waiting,
    names,
    removed,
    requests,
  ] = results as [number, Record<string, string>, ...unknown[]];
  if (ended === 1) return { ...ENDED };
  if (room.stage === undefined) return null;
  const flat = waiting as string[];
  const nameOf = names as Record<string, string>;
  const removals = removed as string[];
  return {
    ...emptyRoom(),
    hosted: true,
    stage: room.stage === '1',
    locked: room.locked === '1',
    waitingRoom: room.waitingRoom === '1',
    muteAll: Number(room.muteAll ?? 0),
    onStage: uids(stage),
    invited: uids(invited),
    hosts: uids(hosts),
    members: uids(members),
    memberBrowsers: memberBrowsers as string[],
    admitted: uids(admitted),
    denied: uids(denied),
    waiting: Array.from({ length: flat.length / 2 }, (_, i) => ({
      uid: Number(flat[2 * i]),
      name: nameOf[flat[2 * i]!] ?? '',
      since: Number(flat[2 * i + 1]),
    })),
    removedUids: removals.filter((key) => key.startsWith('u:')).map((key) => Number(key.slice(2))),
    removedBrowsers: removals.filter((key) => key.startsWith('b:')).map((key) => key.slice(2)),
    requests: requestsOf(requests as string[]),
  };
}
