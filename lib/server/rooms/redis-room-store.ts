import 'server-only';
// Rooms in Redis, shared by every instance, on the rate limits' connection. Per room: a hash with
// the flags (its `stage` field's existence is the claim: HSETNX), sets on stage, invited, members,
// admitted and denied, sorted sets of hosts (by when last seen), the waiting list (by first knock),
// removals (by when they end) and requests (by id), hashes of names and browser ids. Each change is
// one MULTI that first asks whether the room ended and also renews every key's expiry, so a room's
// keys live and expire together, a day after its last change. `end` deletes them all and sets a key
// of its own that expires after ROOM_END_SECONDS; a change that lands after it is undone at once.
import type { ChainableCommander } from 'ioredis';
import type { HostRequest } from '../../shared/room-contract';
import { ApiError } from '../http/api-error';
import { sharedRedisConnection } from '../rate-limit-store';
import type { RedisConnection } from '../redis-connection';
import { redisProblem } from '../redis-problem';
import { keysOf, roomKeys, stateOf, type Keys } from './redis-room-state';
import {
  HOST_SEEN_MS,
  MAX_REQUESTS,
  MAX_WAITING,
  ROOM_TTL_MS,
  roomEnded,
  type RoomState,
  type RoomStore,
} from './room-store';

/** Any failure (down, slow, refused) is the same 503 for the caller; the reason never holds the URL. */
const unavailable = (error: unknown) =>
  new ApiError(
    'room_store_unavailable',
    `the room store (Redis) is not answering (${redisProblem(error)}): ` +
      'nobody can be promoted until it is back; tokens already issued stay valid',
  );

class RedisRoomStore implements RoomStore {
  readonly kind = 'redis';

  constructor(private readonly connect: () => Promise<RedisConnection>) {}

  async claim(channel: string, stage: boolean): Promise<boolean> {
    const [claimed] = await this.write(channel, (multi, keys) => multi.hsetnx(keys.room, 'stage', stage ? '1' : '0'));
    return claimed === 1;
  }

  async read(channel: string): Promise<RoomState | null> {
    const keys = keysOf(channel);
    const now = Date.now();
    const results = await this.transaction((multi) =>
      multi
        .exists(keys.ended)
        .hgetall(keys.room)
        .smembers(keys.stage)
        .smembers(keys.invited)
        .zrangebyscore(keys.hosts, `(${now - HOST_SEEN_MS}`, '+inf')
        .smembers(keys.members)
        .smembers(keys.memberBrowsers)
        .smembers(keys.admitted)
        .smembers(keys.denied)
        .zrange(keys.waiting, '0', '-1', 'WITHSCORES')
        .hgetall(keys.names)
        .zrangebyscore(keys.removed, `(${now}`, '+inf')
        .zrange(keys.requests, '0', '-1'),
    );
    return stateOf(results);
  }

  async setStage(channel: string, on: boolean) {
    await this.write(channel, (multi, keys) => {
      multi.hset(keys.room, 'stage', on ? '1' : '0');
      if (!on) multi.del(keys.stage, keys.invited);
    });
  }

  async invite(channel: string, uid: number) {
    const [alreadyOnStage] = await this.transaction((multi) => multi.sismember(keysOf(channel).stage, uid));
    await this.write(channel, (multi, keys) => {
      multi.hsetnx(keys.room, 'stage', '0');
      if (!alreadyOnStage) multi.sadd(keys.invited, uid);
    });
  }

  async accept(channel: string, uid: number): Promise<boolean> {
    const [moved] = await this.write(channel, (multi, keys) => multi.smove(keys.invited, keys.stage, uid));
    return moved === 1;
  }

  async decline(channel: string, uid: number) {
    await this.write(channel, (multi, keys) => multi.srem(keys.invited, uid));
  }

  async toAudience(channel: string, uid: number) {
    await this.write(channel, (multi, keys) => multi.srem(keys.stage, uid).srem(keys.invited, uid));
  }

  async hostSeen(channel: string, uid: number) {
    const now = Date.now();
    await this.write(channel, (multi, keys) =>
      multi
        .hsetnx(keys.room, 'stage', '0')
        .zadd(keys.hosts, now, uid)
        .zremrangebyscore(keys.hosts, '-inf', now - HOST_SEEN_MS),
    );
  }

  async end(channel: string, seconds: number) {
    const keys = keysOf(channel);
    await this.transaction((multi) =>
      multi.del(...roomKeys(keys)).set(keys.ended, String(Date.now()), 'PX', seconds * 1000, 'NX'),
    );
  }

  async setLocked(channel: string, on: boolean) {
    await this.write(channel, (multi, keys) => multi.hset(keys.room, 'locked', on ? '1' : '0'));
  }

  async setWaitingRoom(channel: string, on: boolean) {
    await this.write(channel, (multi, keys) => {
      multi.hset(keys.room, 'waitingRoom', on ? '1' : '0');
      if (on) multi.sunionstore(keys.admitted, keys.admitted, keys.members);
      else multi.del(keys.waiting, keys.denied);
    });
  }

  async enter(channel: string, uid: number, browser: string | null) {
    await this.write(channel, (multi, keys) => {
      multi.sadd(keys.members, uid);
      if (browser) multi.hset(keys.browsers, uid, browser).sadd(keys.memberBrowsers, browser);
    });
  }

  async knock(channel: string, uid: number, name: string, browser: string | null) {
    await this.write(channel, (multi, keys) => {
      // Past MAX_WAITING the newest knock drops off at once (ties in time go by uid: still bounded).
      multi.zadd(keys.waiting, 'NX', Date.now(), uid).zremrangebyrank(keys.waiting, MAX_WAITING, -1);
      multi.hset(keys.names, uid, name);
      if (browser) multi.hset(keys.browsers, uid, browser);
    });
  }

  async admit(channel: string, uid: number) {
    await this.write(channel, (multi, keys) =>
      multi.zrem(keys.waiting, uid).srem(keys.denied, uid).sadd(keys.admitted, uid).sadd(keys.members, uid),
    );
  }

  async deny(channel: string, uid: number) {
    await this.write(channel, (multi, keys) =>
      multi.zrem(keys.waiting, uid).srem(keys.admitted, uid).sadd(keys.denied, uid),
    );
  }

  async remove(channel: string, uid: number, seconds: number) {
    const [browser] = await this.transaction((multi) => multi.hget(keysOf(channel).browsers, String(uid)));
    const now = Date.now();
    const until = now + seconds * 1000;
    await this.write(channel, (multi, keys) => {
      multi.zremrangebyscore(keys.removed, '-inf', now).zadd(keys.removed, until, `u:${uid}`);
      if (typeof browser === 'string')
        multi.zadd(keys.removed, until, `b:${browser}`).srem(keys.memberBrowsers, browser);
      for (const set of [keys.stage, keys.invited, keys.members, keys.admitted]) multi.srem(set, uid);
      multi.zrem(keys.waiting, uid);
    });
  }

  async request(channel: string, uid: number, kind: HostRequest['kind'], by: string) {
    const [id] = await this.write(channel, (multi, keys) => multi.hincrby(keys.room, 'requestSeq', 1));
    const entry = JSON.stringify({ id, uid, kind, by, at: Date.now() });
    await this.write(channel, (multi, keys) =>
      multi.zadd(keys.requests, Number(id), entry).zremrangebyrank(keys.requests, 0, -(MAX_REQUESTS + 1)),
    );
  }

  async muteEveryone(channel: string) {
    await this.write(channel, (multi, keys) => multi.hincrby(keys.room, 'muteAll', 1));
  }

  /**
   * A change and the renewal of every key's expiry, atomically, after asking whether the room ended.
   * If it had, the change is undone (the room's keys deleted) and refused. Renewing a missing key does nothing.
   */
  private async write(channel: string, change: (multi: ChainableCommander, keys: Keys) => void) {
    const keys = keysOf(channel);
    const [ended, ...results] = await this.transaction((multi) => {
      multi.exists(keys.ended);
      change(multi, keys);
      for (const key of roomKeys(keys)) multi.pexpire(key, ROOM_TTL_MS);
    });
    if (ended === 1) {
      await this.transaction((multi) => multi.del(...roomKeys(keys)));
      throw roomEnded();
    }
    return results;
  }

  /** Runs the queued commands in one MULTI/EXEC; their results in order, or the 503 if anything failed. */
  private async transaction(queue: (multi: ChainableCommander) => void): Promise<unknown[]> {
    try {
      const { client } = await this.connect();
      const multi = client.multi();
      queue(multi);
      const results = await multi.exec();
      if (!results) throw new Error('transaction aborted');
      return results.map(([error, value]) => {
        if (error) throw error;
        return value;
      });
    } catch (error) {
      throw unavailable(error);
    }
  }
}

/** Rooms in the Redis at REDIS_URL, on this instance's one connection (the rate limits'). */
export const redisRoomStore = (url: string): RoomStore => new RedisRoomStore(() => sharedRedisConnection(url));

/** Rooms on a given connection: tests run two "instances" side by side, each with its own. */
export const redisRoomStoreOn = (connection: RedisConnection): RoomStore =>
  new RedisRoomStore(async () => {
    await connection.connected();
    return connection;
  });
