import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import Redis from 'ioredis';
import * as health from '@/app/api/health/route';
import * as rtc from '@/app/api/rtc/[...segments]/route';
import { setRateLimiterFactory } from '@/lib/server/rate-limit';
import { resetRateLimitStore } from '@/lib/server/rate-limit-store';
import { redisProblem } from '@/lib/server/redis-problem';
import { freePort } from '../../scripts/lib/free-port.mjs';
import { redisServerMissing, startRedisServer, type RedisServer } from '../../scripts/lib/redis-server.mjs';
import { withServerEnv } from '../support/server-env';

// Which store counts the limits (REDIS_URL), and what happens when Redis is unusable: requests are
// still answered and still limited (this instance's memory), health says so, the log says it once,
// and neither ever shows the URL, host, port or password.

const PASSWORD = 'hunter2-not-for-logs';
const LIMIT = 3;

withServerEnv({ RATE_LIMIT_TOKENS_PER_MINUTE: String(LIMIT) });

let logged: string[] = [];
beforeEach(() => {
  setRateLimiterFactory(); // the default store selection, with no counts from earlier tests
  logged = [];
  for (const level of ['warn', 'info', 'error', 'log'] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' ')));
  }
});
afterEach(() => {
  resetRateLimitStore();
  vi.restoreAllMocks();
});

// Subscriber tokens: a publisher token also reads the room from Redis (rooms-api.test.ts covers that).
async function token(address: string) {
  const response = await rtc.GET(
    new Request('http://localhost/api/rtc/room/subscriber/uid/1/', { headers: { 'x-forwarded-for': address } }),
  );
  return { status: response.status, retryAfter: response.headers.get('retry-after'), text: await response.text() };
}

async function storeInHealth() {
  const response = await health.GET(new Request('http://localhost/api/health'));
  const text = await response.text();
  return { status: response.status, store: JSON.parse(text).rateLimitStore as string, text };
}

/** LIMIT requests pass, the next is 429 with Retry-After: limited, whatever the store. */
async function expectLimited(address: string) {
  for (let i = 0; i < LIMIT; i++) expect((await token(address)).status).toBe(200);
  const refused = await token(address);
  expect(refused.status).toBe(429);
  expect(Number(refused.retryAfter)).toBeGreaterThan(0);
}

const unavailableLines = () => logged.filter((line) => line.startsWith('rate limits: Redis is unavailable'));
const recoveredLines = () => logged.filter((line) => line.startsWith('rate limits: Redis answers again'));

function expectNothingLeaked(texts: string[], port: number) {
  for (const text of [...texts, ...logged]) {
    expect(text).not.toContain(PASSWORD);
    expect(text).not.toContain(String(port));
    expect(text).not.toContain('127.0.0.1');
  }
}

describe('store selection', () => {
  it('without REDIS_URL counts in memory and health says "memory"', async () => {
    expect(await storeInHealth()).toMatchObject({ status: 200, store: 'memory' });
    await expectLimited('203.0.113.1');
    expect(logged).toEqual([]);
  });

  it.each([`http://agent:${PASSWORD}@cache.example:6379`, `redis://:${PASSWORD}@`, PASSWORD, `redis:/${PASSWORD}`])(
    'a malformed REDIS_URL (%s) keeps limits in memory, health says "redis-unavailable", the log says why once',
    async (value) => {
      vi.stubEnv('REDIS_URL', value);
      expect((await storeInHealth()).store).toBe('redis-unavailable');
      await expectLimited('203.0.113.2');
      expect(logged).toEqual([
        'rate limits: REDIS_URL is not a redis:// or rediss:// URL with a host; ' +
          'each instance counts limits in its own memory',
      ]);
      expect(logged.join('\n')).not.toContain(PASSWORD);
    },
  );

  it('an unreachable Redis: every request is answered from memory, limited', async () => {
    // Health and one log line say so.
    const port = await freePort(); // nothing listens there
    vi.stubEnv('REDIS_URL', `redis://agent:${PASSWORD}@127.0.0.1:${port}`);
    const texts: string[] = [];
    for (let i = 0; i < LIMIT; i++) {
      const answer = await token('203.0.113.3');
      expect(answer.status).toBe(200);
      texts.push(answer.text);
    }
    const refused = await token('203.0.113.3');
    expect(refused.status).toBe(429);
    expect(Number(refused.retryAfter)).toBeGreaterThan(0);
    expect((await token('203.0.113.4')).status).toBe(200); // another client is not affected
    const report = await storeInHealth();
    expect(report).toMatchObject({ status: 200, store: 'redis-unavailable' });
    expect(unavailableLines()).toEqual([
      'rate limits: Redis is unavailable (connection refused); ' +
        'this instance counts limits in its own memory until Redis answers again',
    ]);
    expectNothingLeaked([...texts, refused.text, report.text], port);
  });
});

describe('redisProblem: what is logged about a Redis error', () => {
  it('names the kind of failure and never repeats the message, which can hold the host, port or user', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 10.1.2.3:6380'), { code: 'ECONNREFUSED' });
    expect(redisProblem(refused)).toBe('connection refused');
    expect(redisProblem(Object.assign(new Error('getaddrinfo ENOTFOUND cache.internal'), { code: 'ENOTFOUND' }))).toBe(
      'host name not found',
    );
    expect(redisProblem(new Error('WRONGPASS invalid username-password pair or user is disabled.'))).toBe(
      'authentication failed',
    );
    expect(redisProblem(new Error('Command timed out'))).toBe('command timed out');
    expect(redisProblem(new Error("Stream isn't writeable and enableOfflineQueue options is false"))).toBe(
      'not connected',
    );
    expect(redisProblem(new Error('OOM command not allowed when used memory > maxmemory'))).toBe('out of memory');
    expect(redisProblem(new Error('something new about admin@10.1.2.3:6380'))).toBe('unexpected error');
    expect(redisProblem('not even an error')).toBe('unexpected error');
  });
});

const missing = redisServerMissing();
if (missing) console.log(`skipped: rate limits against a real Redis: ${missing}`);

describe.skipIf(missing)('against a real Redis (redis-server on a loopback port)', { timeout: 60_000 }, () => {
  let redis: RedisServer;
  let admin: Redis;
  beforeAll(async () => {
    redis = await startRedisServer({ password: PASSWORD });
    admin = new Redis(redis.url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => 100 });
    admin.on('error', () => undefined); // it reconnects by itself after the restart test
  });
  afterAll(async () => {
    admin?.disconnect();
    await redis?.stop();
  });
  beforeEach(async () => {
    await redis.start(); // no-op unless a test left it stopped
    vi.stubEnv('REDIS_URL', redis.url);
  });

  it('counts in Redis: health says "redis", and a count another instance left there cuts this client off', async () => {
    expect(await storeInHealth()).toMatchObject({ status: 200, store: 'redis' });
    expect((await token('198.51.100.1')).status).toBe(200);
    expect(await admin.get('agora-calls:rate-limit:token:198.51.100.1')).toBe('1');
    await admin.set('agora-calls:rate-limit:token:198.51.100.2', String(LIMIT), 'EX', 60); // as if served elsewhere
    const refused = await token('198.51.100.2');
    expect(refused.status).toBe(429);
    expect(Number(refused.retryAfter)).toBeGreaterThan(0);
    expect(Number(refused.retryAfter)).toBeLessThanOrEqual(60);
    expect((await token('198.51.100.3')).status).toBe(200);
    expect(logged).toEqual([]);
  });

  it('a slow Redis: requests are answered from memory, once logged', async () => {
    // When it answers again, shared counting resumes.
    expect((await storeInHealth()).store).toBe('redis');
    await admin.call('CLIENT', 'PAUSE', '1500', 'ALL'); // every other client waits 1.5 s for an answer
    expect((await token('198.51.100.10')).status).toBe(200);
    expect((await token('198.51.100.10')).status).toBe(200);
    expect((await storeInHealth()).store).toBe('redis-unavailable');
    expect(unavailableLines()).toEqual([
      'rate limits: Redis is unavailable (a command failed or took over 500 ms); ' +
        'this instance counts limits in its own memory until Redis answers again',
    ]);
    await expect.poll(async () => (await storeInHealth()).store, { timeout: 15_000 }).toBe('redis');
    expect(recoveredLines()).toHaveLength(1);
    await expectLimited('198.51.100.11');
    expect(await admin.get('agora-calls:rate-limit:token:198.51.100.11')).toBe(String(LIMIT + 1));
    // A new incident after the recovery is logged again, once.
    await admin.call('CLIENT', 'PAUSE', '1500', 'ALL');
    for (let i = 0; i < 3; i++) expect((await token(`198.51.100.${20 + i}`)).status).toBe(200);
    expect(unavailableLines()).toHaveLength(2);
    expectNothingLeaked([], redis.port);
  });

  it('Redis stopped: still answered and limited in memory', async () => {
    // Redis back: health says "redis" and counts are shared again.
    expect((await token('198.51.100.30')).status).toBe(200);
    await redis.stop();
    await expectLimited('198.51.100.31');
    expect((await storeInHealth()).store).toBe('redis-unavailable');
    expect(unavailableLines()).toHaveLength(1);
    await redis.start();
    await expect.poll(async () => (await storeInHealth()).store, { timeout: 15_000 }).toBe('redis');
    expect(recoveredLines()).toHaveLength(1);
    await expectLimited('198.51.100.32');
    expect(await admin.get('agora-calls:rate-limit:token:198.51.100.32')).toBe(String(LIMIT + 1));
    expectNothingLeaked([], redis.port);
  });
});
