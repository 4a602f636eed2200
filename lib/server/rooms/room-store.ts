import 'server-only';
// Where rooms' state lives (who started a room, stage mode, who is invited and on stage, hosts seen
// lately): this process's memory, or Redis shared by every instance (REDIS_URL, on the same
// connection as the rate limits). Every change is atomic in the store itself, so two instances
// (or two requests) never both win a claim or both accept one invitation.
import type { HostRequest } from '../../shared/room-contract';
import { ApiError } from '../http/api-error';
import { isVercel, redisSetting } from '../settings';
import { memoryRoomStore } from './memory-room-store';
import { redisRoomStore } from './redis-room-store';

export interface RoomState {
  /** Someone started the room (claimed it) or a host acted on it. */
  hosted: boolean;
  /** Stage mode: only hosts and people on stage publish. */
  stage: boolean;
  /** Camera uids on stage (invited, accepted). */
  onStage: number[];
  /** Camera uids invited and not yet answered. */
  invited: number[];
  /** Camera uids of hosts seen in the last minute. */
  hosts: number[];
  /** A host ended the call: nothing else is kept, every token is refused until this expires. */
  ended: boolean;
  /** Nobody new gets a token: only members (and hosts). */
  locked: boolean;
  /** Newcomers get no token until admitted. */
  waitingRoom: boolean;
  /** Raised by each "mute everyone". */
  muteAll: number;
  /** Camera uids that received an RTC token for the room. */
  members: number[];
  /** The browser ids they had: a member's reload (new uids, same browser) is still a member. */
  memberBrowsers: string[];
  /** Camera uids let in through the waiting room (and members when it was turned on). */
  admitted: number[];
  /** Camera uids a host did not let in. */
  denied: number[];
  /** Who knocked and is waiting, oldest first (since: unix ms). */
  waiting: Knock[];
  /** Removals still in force: camera uids, and the browser ids they were seen with. */
  removedUids: number[];
  removedBrowsers: string[];
  /** Hosts' requests to people, oldest first (the newest MAX_REQUESTS of the room). */
  requests: StoredRequest[];
}

export interface Knock {
  uid: number;
  name: string;
  since: number;
}

export interface StoredRequest extends HostRequest {
  /** The camera uid asked. */
  uid: number;
  /** Unix ms. */
  at: number;
}

export interface RoomStore {
  readonly kind: 'memory' | 'redis';
  /** Atomic set-if-absent: true means the caller is the room's host. */
  claim(channel: string, stage: boolean): Promise<boolean>;
  /** null: nobody started this room (or it expired, a day after its last change). */
  read(channel: string): Promise<RoomState | null>;
  /** Turning the stage off also empties the stage and the invitations. */
  setStage(channel: string, on: boolean): Promise<void>;
  invite(channel: string, uid: number): Promise<void>;
  /** Atomic: moves the uid from invited to on stage; false when it was not invited. */
  accept(channel: string, uid: number): Promise<boolean>;
  decline(channel: string, uid: number): Promise<void>;
  /** Off the stage and uninvited. */
  toAudience(channel: string, uid: number): Promise<void>;
  /** Records a host as seen now; hosts are those seen in the last 60 s. */
  hostSeen(channel: string, uid: number): Promise<void>;
  /** Clears the room and refuses it for `seconds` (an ended room stays ended: not extended). */
  end(channel: string, seconds: number): Promise<void>;
  setLocked(channel: string, on: boolean): Promise<void>;
  /** On: the members so far count as admitted. Off: the waiting list and refusals are forgotten. */
  setWaitingRoom(channel: string, on: boolean): Promise<void>;
  /** The uid received an RTC token: a member; remembers its browser id for a removal. */
  enter(channel: string, uid: number, browser: string | null): Promise<void>;
  /** Onto the waiting list (its first knock's time is kept; not when MAX_WAITING already wait). */
  knock(channel: string, uid: number, name: string, browser: string | null): Promise<void>;
  /** Off the waiting list, admitted and a member. */
  admit(channel: string, uid: number): Promise<void>;
  /** Off the waiting list, refused. */
  deny(channel: string, uid: number): Promise<void>;
  /** Refuses the uid and the browser id it was seen with for `seconds`; drops it from every list. */
  remove(channel: string, uid: number, seconds: number): Promise<void>;
  /** Adds a host's request for a person (ids increase per room). */
  request(channel: string, uid: number, kind: HostRequest['kind'], by: string): Promise<void>;
  muteEveryone(channel: string): Promise<void>;
}

/** Every room operation after `end` answers this until the end expires. */
export const roomEnded = () =>
  new ApiError('room_ended', 'a host ended this call for everyone: it cannot be joined or changed for a while');

/** The newest requests a room keeps (a person sees their own, the newest MAX_REQUESTS_EACH, for REQUEST_MS). */
export const MAX_REQUESTS = 200;
export const MAX_REQUESTS_EACH = 20;
export const REQUEST_MS = 10 * 60 * 1000;
/** The longest waiting list: each page load draws new uids, so knocks past it are dropped (the first stay). */
export const MAX_WAITING = 200;

/** The state of a room that ended. */
export const ENDED: RoomState = {
  ...emptyRoom(),
  ended: true,
};

export function emptyRoom(): RoomState {
  return {
    hosted: false,
    stage: false,
    onStage: [],
    invited: [],
    hosts: [],
    ended: false,
    locked: false,
    waitingRoom: false,
    muteAll: 0,
    members: [],
    memberBrowsers: [],
    admitted: [],
    denied: [],
    waiting: [],
    removedUids: [],
    removedBrowsers: [],
    requests: [],
  };
}

/** A room's state is kept this long after its last change. */
export const ROOM_TTL_MS = 24 * 3600 * 1000;
/** A host counts as present this long after it was last seen. */
export const HOST_SEEN_MS = 60 * 1000;

/**
 * The store for this request: Redis with REDIS_URL; on Vercel without it, a 503 naming REDIS_URL
 * (instances share no memory, so a room's host or stage would differ from one request to the
 * next); otherwise this process's memory. A malformed REDIS_URL is a store that cannot answer.
 */
export function roomStore(): RoomStore {
  const setting = redisSetting();
  if (setting.kind === 'redis') return redisRoomStore(setting.url);
  if (setting.kind === 'malformed') {
    throw new ApiError(
      'room_store_unavailable',
      'the room store is not usable: REDIS_URL is not a redis:// or rediss:// URL with a host; fix it on the server',
    );
  }
  if (isVercel()) {
    throw new ApiError(
      'room_store_required',
      'rooms with hosts need a shared store on Vercel, whose instances share no memory: ' +
        'set REDIS_URL (a redis:// or rediss:// URL) and redeploy',
    );
  }
  return memoryRoomStore();
}
