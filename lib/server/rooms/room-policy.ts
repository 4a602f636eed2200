import 'server-only';
// Who may get a token for a room at all, and for how long, decided from the room's state alone (no
// I/O, so it is tested with plain values): an ended room refuses everyone; a removed person (uid or
// browser) is refused; a locked room refuses anyone who has not been in it; a waiting room refuses
// anyone a host has not admitted. Hosts get past the lock and the waiting room. Everyone else's
// token in a hosted room lasts ROOM_JOIN_SECONDS at most, so a person a host removed, whatever their
// browser does, is dropped when it ends: its renewal is refused.
import type { Admission } from '../../shared/room-contract';
import { ApiError } from '../http/api-error';
import type { RoomState } from './room-store';
import type { RoomLookup } from './stage-policy';

/** The person a request speaks for: [camera, screen share] from its ticket (or the uid asked alone), its browser. */
export interface Person {
  uids: number[];
  browser: string | null;
}

export interface RoomTokenCaller {
  hostKey: boolean;
  apiKey: boolean;
  person: Person;
}

/** Got an RTC token here before: by camera uid, or from the same browser (a reload draws new uids). */
export const isMember = (room: RoomState, person: Person) =>
  (person.uids[0] !== undefined && room.members.includes(person.uids[0])) ||
  (person.browser !== null && room.memberBrowsers.includes(person.browser));

export const isRemoved = (room: RoomState, person: Person) =>
  person.uids.some((uid) => room.removedUids.includes(uid)) ||
  (person.browser !== null && room.removedBrowsers.includes(person.browser));

/** Whether the person may get tokens, or why not (the view's `you.admission`); the lock is not an admission. */
export function admissionOf(room: RoomState | null, person: Person, hostKey: boolean): Admission {
  if (!room) return 'in';
  if (isRemoved(room, person)) return 'removed';
  if (hostKey || !room.waitingRoom) return 'in';
  const camera = person.uids[0];
  if (camera === undefined) return 'not-admitted';
  if (room.admitted.includes(camera)) return 'in';
  if (room.denied.includes(camera)) return 'denied';
  // A member's reload: the same browser, let in before (members count as admitted).
  if (person.browser !== null && room.memberBrowsers.includes(person.browser)) return 'in';
  return room.waiting.some((knock) => knock.uid === camera) ? 'waiting' : 'not-admitted';
}

const REFUSALS = {
  removed: ['removed', 'a host removed you from this call'],
  denied: ['admission_denied', 'a host did not let you into this call'],
  waiting: ['waiting_for_host', 'this room has a waiting room: wait until a host lets you in'],
  'not-admitted': ['waiting_for_host', 'this room has a waiting room: knock (POST the room action "knock") and wait'],
} as const;

/**
 * The token's lifetime in seconds (`expiry`, or at most `joinSeconds` for a non-host in a hosted
 * room), or the refusal. While the store does not answer nothing new is refused here (the stage
 * policy refuses what it would need the room to allow) but lifetimes stay short.
 */
export function roomTokenExpiry(room: RoomLookup, caller: RoomTokenCaller, expiry: number, joinSeconds: number) {
  const short = Math.min(expiry, joinSeconds);
  const trusted = caller.hostKey || caller.apiKey;
  if ('unavailable' in room || room.stale) return trusted ? expiry : short;
  const state = room.state;
  if (!state) return expiry;
  if (state.ended) {
    throw new ApiError('room_ended', 'a host ended this call for everyone: it cannot be joined for a while');
  }
  if (caller.apiKey) return expiry;
  const admission = admissionOf(state, caller.person, caller.hostKey);
  if (admission === 'removed') throw new ApiError(...REFUSALS.removed);
  if (caller.hostKey) return expiry;
  if (state.locked && !isMember(state, caller.person)) {
    throw new ApiError('room_locked', 'this room is locked: nobody new can join (a host can unlock it)');
  }
  if (admission !== 'in') {
    const [code, message] = REFUSALS[admission];
    throw new ApiError(code, message);
  }
  return short;
}
