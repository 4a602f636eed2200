import 'server-only';
// Where rooms' state lives (who started a room, stage mode, who is invited and on stage, hosts seen
// lately): this process's memory, or Redis shared by every instance (REDIS_URL, on the same
// connection as the rate limits). Every change is atomic in the store itself, so two instances
// (or two requests) never both win a claim or both accept one invitation.
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
      'rooms with hosts need a shared store on Vercel, whose instances share no memory: set REDIS_URL (a redis:// or rediss:// URL) and redeploy',
    );
  }
  return memoryRoomStore();
}
