import 'server-only';
// Rooms in Redis, shared by every instance, on the rate limits' connection. Per room: a hash with
// the stage flag (its existence is the claim: HSETNX), a set on stage, a set invited, a sorted set
// of hosts scored by when last seen. Each change is one MULTI that also renews every key's expiry,
// so a room's keys live and expire together, a day after its last change.
import type { ChainableCommander } from 'ioredis';
import { ApiError } from '../http/api-error';
import { sharedRedisConnection } from '../rate-limit-store';
import type { RedisConnection } from '../redis-connection';
import { redisProblem } from '../redis-problem';
import { HOST_SEEN_MS, ROOM_TTL_MS, type RoomState, type RoomStore } from './room-store';

type Keys = { room: string; stage: string; invited: string; hosts: string };

const keysOf = (channel: string): Keys => {
  const base = `agora-calls:room:${encodeURIComponent(channel)}`;
  return { room: base, stage: `${base}:stage`, invited: `${base}:invited`, hosts: `${base}:hosts` };
};

/** Any failure (down, slow, refused) is the same 503 for the caller; the reason never holds the URL. */
const unavailable = (error: unknown) =>
  new ApiError(
    'room_store_unavailable',
    `the room store (Redis) is not answering (${redisProblem(error)}): nobody can be promoted until it is back; tokens already issued stay valid`,
  );

const uids = (members: unknown): number[] => (members as string[]).map(Number);

class RedisRoomStore implements RoomStore {
  readonly kind = 'redis';

  constructor(private readonly connect: () => Promise<RedisConnection>) {}

  async claim(channel: string, stage: boolean): Promise<boolean> {
    const [claimed] = await this.write(channel, (multi, keys) => multi.hsetnx(keys.room, 'stage', stage ? '1' : '0'));
    return claimed === 1;
  }

  async read(channel: string): Promise<RoomState | null> {
    const keys = keysOf(channel);
    const [stage, onStage, invited, hosts] = await this.transaction((multi) =>
      multi
        .hget(keys.room, 'stage')
        .smembers(keys.stage)
        .smembers(keys.invited)
        .zrangebyscore(keys.hosts, `(${Date.now() - HOST_SEEN_MS}`, '+inf'),
    );
    if (stage === null) return null;
    return { hosted: true, stage: stage === '1', onStage: uids(onStage), invited: uids(invited), hosts: uids(hosts) };
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

  /** A change and the renewal of every key's expiry, atomically. Renewing a key that does not exist does nothing. */
  private write(channel: string, change: (multi: ChainableCommander, keys: Keys) => void) {
    const keys = keysOf(channel);
    return this.transaction((multi) => {
      change(multi, keys);
      for (const key of Object.values(keys)) multi.pexpire(key, ROOM_TTL_MS);
    });
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
