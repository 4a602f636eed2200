import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import Redis from 'ioredis';
import { ApiError } from '@/lib/server/http/api-error';
import { RedisConnection } from '@/lib/server/redis-connection';
import { memoryRoomStore, resetMemoryRoomStore } from '@/lib/server/rooms/memory-room-store';
import { redisRoomStoreOn } from '@/lib/server/rooms/redis-room-store';
import { emptyRoom, MAX_REQUESTS, MAX_WAITING, type RoomStore } from '@/lib/server/rooms/room-store';
import { redisServerMissing, startRedisServer, type RedisServer } from '../../scripts/lib/redis-server.mjs';

// The room store's promises, for both stores: a claim has one winner, an invitation is accepted
// once, hosts count for a minute, a room lives a day after its last change. Redis: the same across
// two instances (two connections), and a Redis that does not answer is a 503, never a wrong answer.

const DAY_MS = 24 * 3600 * 1000;

/** The behaviour both stores share; `store()` gives a fresh, empty store for each test. */
function storeContract(store: () => RoomStore) {
  it('the first claim wins and says so; later ones do not, and keep the stage as the host set it', async () => {
    expect(await store().read('room')).toBeNull();
    expect(await store().claim('room', true)).toBe(true);
    expect(await store().claim('room', false)).toBe(false);
    expect(await store().read('room')).toEqual({ ...emptyRoom(), hosted: true, stage: true });
    expect(await store().read('other room')).toBeNull();
  });

  it('concurrent claims: exactly one caller becomes the host', async () => {
    const results = await Promise.all(Array.from({ length: 12 }, () => store().claim('contested', false)));
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it('an invitation moves onto the stage only when accepted, and only once', async () => {
    await store().claim('room', true);
    expect(await store().accept('room', 7)).toBe(false);
    await store().invite('room', 7);
    expect(await store().read('room')).toMatchObject({ invited: [7], onStage: [] });
    const accepted = await Promise.all([
      store().accept('room', 7),
      store().accept('room', 7),
      store().accept('room', 7),
    ]);
    expect(accepted.filter(Boolean)).toHaveLength(1);
    expect(await store().read('room')).toMatchObject({ invited: [], onStage: [7] });
    await store().invite('room', 7); // already on stage: not invited again
    expect(await store().read('room')).toMatchObject({ invited: [], onStage: [7] });
  });

  it('declining drops the invitation; moving to the audience drops the stage and any invitation', async () => {
    await store().claim('room', true);
    await store().invite('room', 1);
    await store().invite('room', 2);
    await store().decline('room', 1);
    expect(await store().accept('room', 1)).toBe(false);
    await store().accept('room', 2);
    await store().invite('room', 3);
    await store().toAudience('room', 2);
    await store().toAudience('room', 3);
    expect(await store().read('room')).toMatchObject({ invited: [], onStage: [] });
  });

  it('turning the stage off empties the stage and the invitations; on again starts from nobody', async () => {
    await store().claim('room', true);
    await store().invite('room', 1);
    await store().invite('room', 2);
    await store().accept('room', 2);
    await store().setStage('room', false);
    expect(await store().read('room')).toEqual({ ...emptyRoom(), hosted: true, stage: false });
    await store().setStage('room', true);
    expect(await store().read('room')).toMatchObject({ stage: true, onStage: [], invited: [] });
  });

  it('a host counts as present for a minute after it was last seen', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    await store().claim('room', false);
    await store().hostSeen('room', 5);
    vi.advanceTimersByTime(40_000);
    await store().hostSeen('room', 6);
    expect((await store().read('room'))!.hosts.sort()).toEqual([5, 6]);
    vi.advanceTimersByTime(25_000);
    expect((await store().read('room'))!.hosts).toEqual([6]);
    await store().hostSeen('room', 5);
    expect((await store().read('room'))!.hosts.sort()).toEqual([5, 6]);
  });

  it('actions on a room nobody started: a host acting creates it, a person acting does not', async () => {
    await store().decline('quiet', 1);
    await store().toAudience('quiet', 1);
    expect(await store().accept('quiet', 1)).toBe(false);
    expect(await store().read('quiet')).toBeNull();
    await store().invite('taken over', 4);
    expect(await store().read('taken over')).toMatchObject({ hosted: true, stage: false, invited: [4] });
  });

  it('end: the room reads as ended, every change is refused; ending again does not extend it', async () => {
    // A claim too is refused.
    vi.useFakeTimers({ toFake: ['Date'] });
    await store().claim('room', true);
    await store().setLocked('room', true);
    await store().end('room', 60);
    expect(await store().read('room')).toEqual({ ...emptyRoom(), ended: true });
    for (const change of [
      () => store().claim('room', false),
      () => store().setLocked('room', false),
      () => store().knock('room', 5, 'Ada', null),
      () => store().enter('room', 5, null),
      () => store().accept('room', 5),
      () => store().hostSeen('room', 1),
    ]) {
      await expect(change()).rejects.toMatchObject({ code: 'room_ended', status: 403 });
    }
    await store().end('room', 3600);
    expect((await store().read('room'))!.ended).toBe(true);
    expect(await store().read('other')).toBeNull();
  });

  it('lock and the waiting room: members before it was turned on count as admitted; off forgets the list', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    await store().claim('room', false);
    await store().enter('room', 1, 'b1');
    await store().setLocked('room', true);
    await store().setWaitingRoom('room', true);
    expect(await store().read('room')).toMatchObject({
      locked: true,
      waitingRoom: true,
      members: [1],
      memberBrowsers: ['b1'],
      admitted: [1],
    });
    await store().knock('room', 2, 'Ada', 'b2');
    vi.advanceTimersByTime(1000);
    await store().knock('room', 3, 'Alan', null);
    await store().knock('room', 2, 'Ada L.', 'b2'); // knocking again keeps the place in the line
    const since = Date.now();
    expect((await store().read('room'))!.waiting).toEqual([
      { uid: 2, name: 'Ada L.', since: since - 1000 },
      { uid: 3, name: 'Alan', since },
    ]);
    await store().admit('room', 2);
    await store().deny('room', 3);
    const after = (await store().read('room'))!;
    expect(after).toMatchObject({ waiting: [], denied: [3] });
    expect(after.admitted.sort()).toEqual([1, 2]);
    expect(after.members.sort()).toEqual([1, 2]);
    await store().setLocked('room', false);
    await store().setWaitingRoom('room', false);
    expect(await store().read('room')).toMatchObject({ locked: false, waitingRoom: false, waiting: [], denied: [] });
  });

  it('the waiting list holds MAX_WAITING people: later knocks are dropped, the first stay', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    await store().claim('room', false);
    await store().setWaitingRoom('room', true);
    for (let uid = 1; uid <= MAX_WAITING + 5; uid++) {
      await store().knock('room', uid, `Person ${uid}`, null);
      vi.advanceTimersByTime(1);
    }
    const { waiting } = (await store().read('room'))!;
    expect(waiting.map((knock) => knock.uid)).toEqual(Array.from({ length: MAX_WAITING }, (_, i) => i + 1));
  });

  it('remove: the uid and the browser it was seen with, off every list, until the removal ends', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    await store().claim('room', true);
    await store().enter('room', 7, 'browser-7');
    await store().invite('room', 7);
    await store().accept('room', 7);
    await store().knock('room', 9, 'Nine', 'browser-9');
    await store().remove('room', 7, 60);
    await store().remove('room', 9, 120);
    await store().remove('room', 11, 60); // never seen: the uid alone
    const removed = (await store().read('room'))!;
    expect(removed).toMatchObject({ onStage: [], members: [], memberBrowsers: [], waiting: [] });
    expect(removed.removedUids.sort()).toEqual([11, 7, 9]);
    expect(removed.removedBrowsers.sort()).toEqual(['browser-7', 'browser-9']);
    vi.advanceTimersByTime(61_000);
    expect(await store().read('room')).toMatchObject({ removedUids: [9], removedBrowsers: ['browser-9'] });
  });

  it('requests get increasing ids, the newest MAX_REQUESTS kept; mute everyone counts up', async () => {
    await store().claim('room', false);
    await store().request('room', 5, 'mute', 'Grace');
    await store().request('room', 6, 'ask-camera', 'Ada');
    await store().muteEveryone('room');
    await store().muteEveryone('room');
    expect(await store().read('room')).toMatchObject({
      muteAll: 2,
      requests: [
        { id: 1, uid: 5, kind: 'mute', by: 'Grace', at: expect.any(Number) },
        { id: 2, uid: 6, kind: 'ask-camera', by: 'Ada', at: expect.any(Number) },
      ],
    });
    const concurrent = Array.from({ length: MAX_REQUESTS }, () => store().request('room', 5, 'ask-unmute', 'Grace'));
    await Promise.all(concurrent);
    const { requests } = (await store().read('room'))!;
    expect(requests).toHaveLength(MAX_REQUESTS);
    expect(new Set(requests.map((request) => request.id)).size).toBe(MAX_REQUESTS);
    expect(Math.max(...requests.map((request) => request.id))).toBe(MAX_REQUESTS + 2);
  });

  it('channel names with any allowed characters are rooms of their own', async () => {
    await store().claim('a:b', true);
    await store().claim('a', false);
    expect(await store().read('a:b')).toMatchObject({ stage: true });
    expect(await store().read('a')).toMatchObject({ stage: false });
    expect(await store().read('a:b:stage')).toBeNull();
  });
}

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('memory room store', () => {
  beforeEach(() => resetMemoryRoomStore());
  storeContract(memoryRoomStore);

  it('a room is forgotten a day after its last change, not a day after it started', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    await memoryRoomStore().claim('room', true);
    vi.advanceTimersByTime(DAY_MS - 1000);
    await memoryRoomStore().invite('room', 1);
    vi.advanceTimersByTime(DAY_MS - 1000);
    expect(await memoryRoomStore().read('room')).toMatchObject({ invited: [1] });
    vi.advanceTimersByTime(2000);
    expect(await memoryRoomStore().read('room')).toBeNull();
    expect(await memoryRoomStore().claim('room', false)).toBe(true); // someone else may start it now
  });
});

const missing = redisServerMissing();
if (missing) console.log(`skipped: room store against a real Redis: ${missing}`);

describe.skipIf(missing)('Redis room store (redis-server on a loopback port)', { timeout: 60_000 }, () => {
  let redis: RedisServer;
  let admin: Redis;
  let first: RedisConnection;
  let second: RedisConnection;
  beforeAll(async () => {
    redis = await startRedisServer();
    admin = new Redis(redis.url, { maxRetriesPerRequest: 0, retryStrategy: () => 100 });
    admin.on('error', () => undefined);
    first = new RedisConnection(redis.url);
    second = new RedisConnection(redis.url);
  });
  afterAll(async () => {
    first?.close();
    second?.close();
    admin?.disconnect();
    await redis?.stop();
  });
  beforeEach(async () => {
    await redis.start();
    await admin.flushall();
  });

  // Two instances, each with its own connection, take turns: what one does, the other sees.
  let turn = 0;
  storeContract(() => redisRoomStoreOn(++turn % 2 ? first : second));

  it('across two instances: a claim has one winner, an invitation made on one is accepted on the other', async () => {
    const [one, two] = [redisRoomStoreOn(first), redisRoomStoreOn(second)];
    const claims = await Promise.all([1, 2, 3, 4, 5, 6].map((i) => (i % 2 ? one : two).claim('shared', true)));
    expect(claims.filter(Boolean)).toHaveLength(1);
    await one.invite('shared', 42);
    const accepts = await Promise.all([one.accept('shared', 42), two.accept('shared', 42)]);
    expect(accepts.filter(Boolean)).toHaveLength(1);
    expect(await two.read('shared')).toMatchObject({ stage: true, onStage: [42], invited: [] });
  });

  it('every key of a room expires a day after its last change, together', async () => {
    const store = redisRoomStoreOn(first);
    await store.claim('room', true);
    await store.invite('room', 1);
    await store.invite('room', 2);
    await store.accept('room', 2);
    await store.hostSeen('room', 3);
    const keys = (await admin.keys('agora-calls:room:*')).sort();
    expect(keys).toEqual([
      'agora-calls:room:room',
      'agora-calls:room:room:hosts',
      'agora-calls:room:room:invited',
      'agora-calls:room:room:stage',
    ]);
    for (const key of keys) {
      const ttl = await admin.pttl(key);
      expect(ttl).toBeGreaterThan(DAY_MS - 60_000);
      expect(ttl).toBeLessThanOrEqual(DAY_MS);
    }
  });

  it("end: the room's keys are gone, the ended marker expires after ROOM_END_SECONDS", async () => {
    // A change after it is undone.
    const store = redisRoomStoreOn(first);
    await store.claim('room', true);
    await store.invite('room', 1);
    await store.end('room', 600);
    expect(await admin.keys('agora-calls:room:room*')).toEqual(['agora-calls:room:room:ended']);
    const ttl = await admin.pttl('agora-calls:room:room:ended');
    expect(ttl).toBeGreaterThan(590_000);
    expect(ttl).toBeLessThanOrEqual(600_000);
    await expect(redisRoomStoreOn(second).enter('room', 5, 'b')).rejects.toMatchObject({ code: 'room_ended' });
    expect(await admin.keys('agora-calls:room:room*')).toEqual(['agora-calls:room:room:ended']);
    await admin.del('agora-calls:room:room:ended'); // as when it expires
    expect(await store.read('room')).toBeNull();
    expect(await store.claim('room', false)).toBe(true);
  });

  it('Redis down: every operation is a 503 room_store_unavailable that never shows the address', async () => {
    const logged: string[] = [];
    vi.spyOn(console, 'warn').mockImplementation((...args) => void logged.push(args.join(' ')));
    const store = redisRoomStoreOn(first);
    await store.claim('room', true);
    await redis.stop();
    for (const operation of [
      () => store.read('room'),
      () => store.claim('room', true),
      () => store.invite('room', 1),
      () => store.accept('room', 1),
    ]) {
      const error = await operation().then(
        () => null,
        (rejection: unknown) => rejection,
      );
      expect(error).toBeInstanceOf(ApiError);
      expect((error as ApiError).code).toBe('room_store_unavailable');
      expect((error as ApiError).status).toBe(503);
      expect((error as ApiError).message).not.toContain(String(redis.port));
      expect((error as ApiError).message).not.toContain('127.0.0.1');
    }
    await redis.start(); // empty again: the room is gone, as after a Redis restart without persistence
    await expect.poll(() => store.read('room').catch(() => 'down'), { timeout: 15_000 }).toBeNull();
  });
});
