import 'server-only';
import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { ApiError } from './http/api-error';
import { clientAddress } from './http/client-address';
import { currentStore, storeIdentity, storeLimiter, type RateLimitStore } from './rate-limit-store';
import { outsideRequest } from './root-context';
import { rateLimits, type Bucket } from './settings';

// Per-client rate limits for the token routes and local mode's signaling, via rate-limiter-flexible.

export type { Bucket } from './settings';

/**
 * Makes the limiter for a bucket. By default `storeLimiter`: in memory, or Redis when REDIS_URL is
 * set. Another of the library's shared stores (PostgreSQL, Memcached, …) can be plugged in here,
 * e.g. `setRateLimiterFactory((bucket, points) =>
 *   new RateLimiterPostgres({ storeClient, keyPrefix: bucket, points, duration: 60 }))`.
 */
export type RateLimiterFactory = (
  bucket: Bucket,
  pointsPerMinute: number,
) => RateLimiterAbstract | Promise<RateLimiterAbstract>;

const KEY = Symbol.for('agora-calls.rate-limiters');
type State = { factory: RateLimiterFactory; limiters: Map<string, Promise<RateLimiterAbstract>> };
const state = (): State => {
  const holder = globalThis as typeof globalThis & { [KEY]?: State };
  holder[KEY] ??= { factory: storeLimiter, limiters: new Map() };
  return holder[KEY];
};

/** Replaces the store (and forgets every count); `setRateLimiterFactory()` with no argument restores the default. */
export function setRateLimiterFactory(factory: RateLimiterFactory = storeLimiter) {
  state().factory = factory;
  state().limiters.clear();
}

/** For /api/health: the store in use ("custom" when setRateLimiterFactory() installed another). */
export function rateLimitStore(): Promise<RateLimitStore | 'custom'> {
  return state().factory === storeLimiter ? currentStore() : Promise.resolve('custom');
}

/** The bucket's limit a minute (settings.ts; a wrong value is a 503 naming the variable). */
export const perMinute = (bucket: Bucket): number => rateLimits()[bucket];

/** Counts one request from this client; over the limit it is a 429 with Retry-After. 0 = no limit. */
export async function enforceRateLimit(bucket: Bucket, request: Request): Promise<void> {
  const points = perMinute(bucket);
  if (points === 0) return;
  const { factory, limiters } = state();
  const id = `${bucket}:${points}:${storeIdentity()}`;
  let made = limiters.get(id);
  if (!made) {
    made = Promise.resolve(factory(bucket, points));
    limiters.set(id, made);
  }
  const limiter = await made;
  try {
    // The memory store sets a timer per client for its window: keep it out of the request's context.
    const key = clientAddress(request);
    await outsideRequest(() => limiter.consume(key));
  } catch (rejection) {
    // A store with no in-memory insurance failed: a real 500.
    if (!(rejection instanceof RateLimiterRes)) throw rejection;
    const seconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
    throw new ApiError(
      'rate_limited',
      `too many ${bucket === 'token' ? 'token' : 'signaling'} requests from this client ` +
        `(limit ${points} a minute); retry in ${seconds} s`,
      { 'Retry-After': String(seconds) },
    );
  }
}
