import 'server-only';
// Where rate limits are counted: in this process's memory, or in Redis shared by every instance.
import {
  RateLimiterMemory,
  RateLimiterRedis,
  type IRateLimiterOptions,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import { RedisConnection } from './redis-connection';
import { redisSetting } from './settings';

export type RateLimitStore = 'redis' | 'memory' | 'redis-unavailable';
/** Tells apart limiters made for different settings (the URL stays in memory, never in an answer). */
export const storeIdentity = (): string => {
  const setting = redisSetting();
  return setting.kind === 'redis' ? setting.url : setting.kind;
};

const KEY = Symbol.for('agora-calls.rate-limit-store');
type State = { url?: string; connection?: RedisConnection; malformedWarned: boolean };
const state = (): State => ((globalThis as typeof globalThis & { [KEY]?: State })[KEY] ??= { malformedWarned: false });

/**
 * The instance's one connection, created on first use (inside a request, never at import: modules
 * load during next build).
 */
function sharedConnection(url: string): RedisConnection {
  const current = state();
  if (current.connection && current.url === url) return current.connection;
  current.connection?.close(); // REDIS_URL changed (tests do this)
  current.url = url;
  current.connection = new RedisConnection(url);
  return current.connection;
}

/** The same connection for other shared state (rooms): one connection per instance, never a second. */
export async function sharedRedisConnection(url: string): Promise<RedisConnection> {
  const connection = sharedConnection(url);
  await connection.connected();
  return connection;
}

function warnMalformedOnce() {
  if (state().malformedWarned) return;
  state().malformedWarned = true;
  console.warn(
    'rate limits: REDIS_URL is not a redis:// or rediss:// URL with a host; ' +
      'each instance counts limits in its own memory',
  );
}

/** The in-memory limiter Redis falls back on, telling the connection each time it has to. */
class InsuranceLimiter extends RateLimiterMemory {
  constructor(
    private readonly connection: RedisConnection,
    options: IRateLimiterOptions,
  ) {
    super(options);
  }

  consume(key: string | number, points?: number, options?: Record<string, unknown>) {
    this.connection.fellBack();
    return super.consume(key, points, options);
  }
}

/**
 * A limiter of `points` a minute for the bucket. With REDIS_URL, counts live in Redis, shared by
 * every instance; when Redis fails or is slow, this instance's memory answers (never unlimited,
 * never a 500) until Redis is back.
 */
export async function storeLimiter(bucket: string, points: number): Promise<RateLimiterAbstract> {
  const options = { keyPrefix: bucket, points, duration: 60 };
  const setting = redisSetting();
  if (setting.kind === 'malformed') warnMalformedOnce();
  if (setting.kind !== 'redis') return new RateLimiterMemory(options);
  const connection = sharedConnection(setting.url);
  await connection.connected();
  return new RateLimiterRedis({
    ...options,
    keyPrefix: `agora-calls:rate-limit:${bucket}`,
    storeClient: connection.client,
    insuranceLimiter: new InsuranceLimiter(connection, options),
  });
}

/** For /api/health: which store counts the limits right now (Redis is probed, not assumed). */
export async function currentStore(): Promise<RateLimitStore> {
  const setting = redisSetting();
  if (setting.kind === 'memory') return 'memory';
  if (setting.kind === 'malformed') {
    warnMalformedOnce();
    return 'redis-unavailable';
  }
  const connection = sharedConnection(setting.url);
  await connection.connected();
  return (await connection.probe()) ? 'redis' : 'redis-unavailable';
}

/** Closes this instance's Redis connection and forgets what was logged (tests start from scratch). */
export function resetRateLimitStore() {
  state().connection?.close();
  Object.assign(state(), { connection: undefined, url: undefined, malformedWarned: false });
}
