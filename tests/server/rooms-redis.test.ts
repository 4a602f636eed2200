import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import Redis from 'ioredis';
import { issuePageTicket } from '@/lib/server/page-ticket';
import { resetRateLimitStore } from '@/lib/server/rate-limit-store';
import { redisServerMissing, startRedisServer, type RedisServer } from '../../scripts/lib/redis-server.mjs';
import { act, as, readRoom, rtcToken, startRoom } from '../support/rooms-api';
import { TEST_APP_CERTIFICATE, TEST_APP_ID, withServerEnv } from '../support/server-env';

// Rooms with REDIS_URL, through the routes: two server instances (each its own Redis connection,
// rate limiters and memory) share one real Redis, so what a host does on one is honoured by a token
// minted on the other; and while Redis does not answer, nobody is promoted.

const PER_INSTANCE = [
  'agora-calls.rate-limit-store',
  'agora-calls.rate-limiters',
  'agora-calls.memory-room-store',
  'agora-calls.rooms-without-stage',
].map((name) => Symbol.for(name));
type Instance = Map<symbol, unknown>;
const globals = globalThis as unknown as Record<symbol, unknown>;

/** Runs `work` as the given server instance: its own process-wide state swapped in, then out again. */
async function on<T>(instance: Instance, work: () => Promise<T>): Promise<T> {
  const outside = new Map(PER_INSTANCE.map((key) => [key, globals[key]]));
  for (const key of PER_INSTANCE) {
    if (instance.has(key)) globals[key] = instance.get(key);
    else delete globals[key];
  }
  try {
    return await work();
  } finally {
    for (const key of PER_INSTANCE) {
      if (globals[key] !== undefined) instance.set(key, globals[key]);
      if (outside.get(key) === undefined) delete globals[key];
      else globals[key] = outside.get(key);
    }
  }
}

const missing = redisServerMissing();
if (missing) console.log(`skipped: rooms across instances on a real Redis: ${missing}`);

describe.skipIf(missing)('rooms on a real Redis shared by two instances', { timeout: 60_000 }, () => {
  let redis: RedisServer;
  let admin: Redis;
  let one: Instance;
  let two: Instance;
  // Agora mode: tickets and host keys are signed with the project's certificate, the same on every instance.
  withServerEnv({ AGORA_APP_ID: TEST_APP_ID, AGORA_APP_CERTIFICATE: TEST_APP_CERTIFICATE });
  const audience = () => issuePageTicket({ channel: 'room', uids: [11, 12] }, TEST_APP_CERTIFICATE);

  beforeAll(async () => {
    redis = await startRedisServer();
    admin = new Redis(redis.url, { maxRetriesPerRequest: 0, retryStrategy: () => 100 });
    admin.on('error', () => undefined);
  });
  afterAll(async () => {
    admin?.disconnect();
    await redis?.stop();
  });
  beforeEach(async () => {
    await redis.start();
    await admin.flushall();
    vi.stubEnv('REDIS_URL', redis.url);
    [one, two] = [new Map(), new Map()];
  });
  afterEach(async () => {
    for (const instance of [one, two]) await on(instance, async () => resetRateLimitStore());
    vi.restoreAllMocks();
  });

  it('a room started on one instance has its host there', async () => {
    // An invitation made on one is honoured on the other.
    const started = await on(one, () => startRoom({ channel: 'room', stage: true }));
    expect(started.body).toMatchObject({ host: true, stage: true });
    expect((await on(two, () => startRoom({ channel: 'room' }))).body).toEqual({
      channel: 'room',
      host: false,
      stage: true,
    });
    const key = started.body.hostKey as string;

    expect((await on(two, () => rtcToken('room', 'publisher', 11, as(audience())))).body.code).toBe('not_on_stage');
    await on(one, () => act('room', { action: 'invite', uid: 11 }, as(null, key)));
    const accepted = await on(two, () => act('room', { action: 'accept-invitation' }, as(audience())));
    expect(accepted.body).toMatchObject({ onStage: [11], you: { role: 'stage' }, store: 'redis' });

    const token = await on(one, () => rtcToken('room', 'publisher', 11, as(audience())));
    expect(token.status).toBe(200);
    expect(token.body.publishExpiresAt).toBe(token.body.expiresAt - 300 + 120); // joined for ROOM_JOIN_SECONDS

    await on(two, () => act('room', { action: 'move-to-audience', uid: 11 }, as(null, key)));
    expect((await on(one, () => rtcToken('room', 'publisher', 11, as(audience())))).body.code).toBe('not_on_stage');
    expect((await on(one, () => readRoom('room', as(audience())))).body.you).toEqual({
      uid: 11,
      role: 'audience',
      invited: false,
      admission: 'in',
      requests: [],
    });
    // Two instances, two connections (besides this test's own): neither borrowed the other's.
    const clients = String(await admin.call('CLIENT', 'LIST'))
      .trim()
      .split('\n');
    expect(clients).toHaveLength(3);
  });

  it('waiting room: a knock on one instance, admitted on the other, and the token minted on the first', async () => {
    const started = await on(one, () => startRoom({ channel: 'room' }));
    const host = as(issuePageTicket({ channel: 'room', uids: [1, 2] }, TEST_APP_CERTIFICATE), started.body.hostKey);
    await on(two, () => act('room', { action: 'waiting-room-on' }, host));
    const alan = issuePageTicket(
      { channel: 'room', uids: [21, 22], browser: 'AlanAlanAlanAlanAlan00' },
      TEST_APP_CERTIFICATE,
    );
    expect((await on(one, () => rtcToken('room', 'publisher', 21, as(alan)))).body.code).toBe('waiting_for_host');
    const knocked = await on(one, () => act('room', { action: 'knock', name: 'Alan' }, as(alan)));
    expect(knocked.body).toMatchObject({ store: 'redis', you: { uid: 21, admission: 'waiting' } });
    expect((await on(two, () => readRoom('room', host))).body.waiting).toEqual([
      { uid: 21, name: 'Alan', since: expect.any(Number) },
    ]);
    expect((await on(two, () => act('room', { action: 'admit', uid: 21 }, host))).body.waiting).toEqual([]);
    const token = await on(one, () => rtcToken('room', 'publisher', 21, as(alan)));
    expect(token).toMatchObject({ status: 200, body: { expiry: 300 } });
    expect((await on(one, () => readRoom('room', as(alan)))).body.you.admission).toBe('in');

    // Denied on one instance: refused on the other.
    const grace = issuePageTicket({ channel: 'room', uids: [31, 32] }, TEST_APP_CERTIFICATE);
    await on(two, () => act('room', { action: 'knock', name: 'Grace' }, as(grace)));
    await on(one, () => act('room', { action: 'deny', uid: 31 }, host));
    expect((await on(two, () => rtcToken('room', 'subscriber', 31, as(grace)))).body.code).toBe('admission_denied');

    // Removed on one instance: the same browser, on a new page, refused on the other.
    await on(one, () => act('room', { action: 'remove', uid: 21 }, host));
    const reloaded = issuePageTicket(
      { channel: 'room', uids: [41, 42], browser: 'AlanAlanAlanAlanAlan00' },
      TEST_APP_CERTIFICATE,
    );
    expect((await on(two, () => rtcToken('room', 'subscriber', 41, as(reloaded)))).body.code).toBe('removed');
  });

  it('Redis down: nobody is promoted; subscribers and hosts still get tokens', async () => {
    // Promotion is refused with 503 room_store_unavailable.
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    vi.spyOn(console, 'info').mockImplementation(() => undefined);
    const key = (await on(one, () => startRoom({ channel: 'room', stage: true }))).body.hostKey as string;
    await on(one, () => act('room', { action: 'invite', uid: 11 }, as(null, key)));
    await redis.stop();
    await on(one, async () => {
      const refused = await rtcToken('room', 'publisher', 11, as(audience()));
      expect(refused).toMatchObject({ status: 503, body: { code: 'room_store_unavailable' } });
      expect(refused.body.error).not.toContain(String(redis.port));
      expect((await rtcToken('room', 'subscriber', 11, as(audience()))).status).toBe(200);
      expect((await rtcToken('room', 'publisher', 1, as(null, key))).status).toBe(200);
      expect(await act('room', { action: 'accept-invitation' }, as(audience()))).toMatchObject({
        status: 503,
        body: { code: 'room_store_unavailable' },
      });
      expect((await readRoom('room')).body.code).toBe('room_store_unavailable');
    });
  });

  it('Redis down: a call in a room this instance last saw without a stage goes on', async () => {
    // One it never saw is refused.
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    vi.spyOn(console, 'info').mockImplementation(() => undefined);
    await on(one, () => startRoom({ channel: 'plain' }));
    await on(one, async () => expect((await rtcToken('plain', 'publisher', 11, as(audience()))).status).toBe(200));
    // A room a host ended is not an ordinary room to carry on with.
    const ended = await on(one, () => startRoom({ channel: 'ended' }));
    await on(one, () => act('ended', { action: 'end' }, as(null, ended.body.hostKey)));
    await on(one, async () => expect((await rtcToken('ended', 'publisher', 11)).body.code).toBe('room_ended'));
    await on(two, async () => expect((await rtcToken('elsewhere', 'publisher', 11, as(audience()))).status).toBe(200));
    await redis.stop();
    await on(one, async () => {
      expect((await rtcToken('plain', 'publisher', 11, as(audience()))).status).toBe(200);
      expect((await rtcToken('unseen', 'publisher', 11, as(audience()))).body.code).toBe('room_store_unavailable');
      expect((await rtcToken('ended', 'publisher', 11)).body.code).toBe('room_store_unavailable');
    });
    // The other instance never read "plain": it cannot know the room has no stage.
    await on(two, async () =>
      expect((await rtcToken('plain', 'publisher', 11, as(audience()))).body.code).toBe('room_store_unavailable'),
    );
  });
});
