import { expect, test } from '@playwright/test';
import { freePort } from '../scripts/lib/free-port.mjs';
import { redisServerMissing, startRedisServer, type RedisServer } from '../scripts/lib/redis-server.mjs';
import { startNextServer, type NextServer } from '../scripts/lib/next-server.mjs';

// Two `next start` instances of the build behind one Redis (REDIS_URL), as a deployment with several
// processes or functions runs: one client's requests spread over both are cut at one shared limit;
// with Redis gone both keep answering, limited per instance; with Redis back the limit is shared again.
// This spec starts its own redis-server and servers on free loopback ports, and stops them.

const LIMIT = 6;
const PASSWORD = 'e2e-redis-password-never-logged';
const why = process.env.PLAYWRIGHT_BASE_URL
  ? 'it starts its own servers, so it does not run against a deployment'
  : redisServerMissing();
if (why) console.log(`skipped: rate-limit-redis.spec.ts: ${why}`);

test.describe.configure({ mode: 'serial' });
test.skip(Boolean(why), why ?? '');

let redis: RedisServer;
let instances: NextServer[] = [];
const answers: string[] = []; // every response body, checked for leaks at the end

test.beforeAll(async () => {
  test.setTimeout(180_000);
  redis = await startRedisServer({ password: PASSWORD });
  const env = {
    AGORA_APP_ID: '',
    AGORA_APP_CERTIFICATE: '',
    REDIS_URL: redis.url,
    RATE_LIMIT_TOKENS_PER_MINUTE: String(LIMIT),
  };
  // One after the other: two cold starts at once are slow on a small machine.
  for (let i = 0; i < 2; i++) instances.push(await startNextServer(await freePort(), env));
});

test.afterAll(async () => {
  for (const instance of instances) instance.stop();
  instances = [];
  await redis?.stop();
});

async function token(instance: NextServer, client: string) {
  const response = await fetch(`${instance.base}/api/rtc/shared-room/publisher/uid/7/`, {
    headers: { 'x-forwarded-for': client },
  });
  const text = await response.text();
  answers.push(text);
  return { status: response.status, retryAfter: response.headers.get('retry-after'), body: JSON.parse(text) };
}

async function store(instance: NextServer) {
  const response = await fetch(`${instance.base}/api/health`);
  const text = await response.text();
  answers.push(text);
  expect(response.status).toBe(200);
  return JSON.parse(text).rateLimitStore as string;
}

function expectRefused(answer: Awaited<ReturnType<typeof token>>) {
  expect(answer.status).toBe(429);
  expect(Number(answer.retryAfter)).toBeGreaterThan(0);
  expect(answer.body.error).toMatch(
    new RegExp(`^too many token requests from this client \\(limit ${LIMIT} a minute\\); retry in \\d+ s$`),
  );
}

/** LIMIT requests alternating between the instances pass; the next one, on either, is refused. */
async function expectSharedLimit(client: string) {
  for (let i = 0; i < LIMIT; i++) {
    const answer = await token(instances[i % 2]!, client);
    expect(answer.status, `request ${i + 1} of ${LIMIT}`).toBe(200);
    expect(answer.body.rtcToken).toBeTruthy();
  }
  expectRefused(await token(instances[0]!, client));
  expectRefused(await token(instances[1]!, client));
}

test('one client spread over two instances is cut at one shared limit; another client is unaffected', async () => {
  for (const instance of instances) expect(await store(instance)).toBe('redis');
  await expectSharedLimit('203.0.113.10');
  for (const instance of instances) expect((await token(instance, '203.0.113.11')).status).toBe(200);
});

test('Redis stopped mid-run: both instances keep answering, limited in their own memory; health says so', async () => {
  await redis.stop();
  for (const instance of instances) {
    // Each instance now counts alone: the client gets LIMIT from each, then 429 — never unlimited.
    for (let i = 0; i < LIMIT; i++) expect((await token(instance, '203.0.113.20')).status).toBe(200);
    expectRefused(await token(instance, '203.0.113.20'));
  }
  for (const instance of instances) expect(await store(instance)).toBe('redis-unavailable');
});

test('Redis back: health says "redis" again and the limit is shared again', async () => {
  await redis.start();
  for (const instance of instances) await expect.poll(() => store(instance), { timeout: 30_000 }).toBe('redis');
  await expectSharedLimit('203.0.113.30');
});

test('each instance logged the outage once and the recovery once, and nothing showed the URL or password', () => {
  for (const instance of instances) {
    const lines = instance.log().split('\n');
    expect(lines.filter((line) => line.startsWith('rate limits: Redis is unavailable'))).toHaveLength(1);
    expect(lines.filter((line) => line.startsWith('rate limits: Redis answers again'))).toHaveLength(1);
  }
  for (const text of [...answers, ...instances.map((instance) => instance.log())]) {
    expect(text).not.toContain(PASSWORD);
    expect(text).not.toContain(`:${redis.port}`);
  }
});
