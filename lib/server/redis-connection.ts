import 'server-only';
// One Redis connection per server instance for the shared rate-limit store, and whether it works.
import Redis from 'ioredis';
import { redisProblem } from './redis-problem';
import { outsideRequest } from './root-context';

/** A request waits at most this long for Redis before the in-memory limiter answers instead. */
const COMMAND_TIMEOUT_MS = 500;
const CONNECT_TIMEOUT_MS = 2_000;
/**
 * While Redis is unavailable it is probed this often; it counts as back after a probe succeeds and
 * no request fell back for this long.
 */
const RECOVERY_PROBE_MS = 1_000;
const PROBE_KEY = 'agora-calls:rate-limit:probe';

const OPTIONS = {
  lazyConnect: true, // connect() below, so the first requests can wait for it
  connectTimeout: CONNECT_TIMEOUT_MS,
  commandTimeout: COMMAND_TIMEOUT_MS,
  enableOfflineQueue: false, // while disconnected a command fails at once instead of queueing
  maxRetriesPerRequest: 0, // a command in flight when the connection drops fails, it is not re-sent
  retryStrategy: (attempt: number) => Math.min(attempt * 200, 2_000), // keep reconnecting, at most every 2 s
};

/**
 * A Redis connection and its incidents. An incident starts when a request fell back to memory, a
 * probe failed or a connection attempt failed; it is logged once, with a reason that never holds
 * the URL, host or password (see redis-problem.ts), and once more when Redis answers again.
 */
export class RedisConnection {
  readonly client: Redis;
  private readonly firstConnect: Promise<void>;
  private incident: string | null = null;
  private lastProblem = 'not connected';
  private lastFallbackAt = 0;
  private recoveryProbe: ReturnType<typeof setInterval> | null = null;
  private closed = false;

  constructor(url: string) {
    // Created outside the request that happens to need it first: its socket and reconnect timers
    // would otherwise keep that request's context alive for the life of the process.
    this.client = outsideRequest(() => new Redis(url, OPTIONS));
    // A listener is required anyway: without one ioredis prints each error, host and port included.
    this.client.on('error', (error) => this.unavailable((this.lastProblem = redisProblem(error))));
    this.client.on('close', () => (this.lastProblem = 'connection lost'));
    this.firstConnect = outsideRequest(() => this.client.connect()).catch(() => undefined);
  }

  /** Settles when the first connection attempt has succeeded or failed (within the connect timeout). */
  connected(): Promise<void> {
    return this.firstConnect;
  }

  get available(): boolean {
    return this.incident === null;
  }

  /** The in-memory insurance limiter answered a request because Redis did not. */
  fellBack() {
    this.lastFallbackAt = Date.now();
    const connected = this.client.status === 'ready';
    this.unavailable(connected ? `a command failed or took over ${COMMAND_TIMEOUT_MS} ms` : this.lastProblem);
  }

  /** Writes a short-lived key, as the limiter does; true if Redis answered and the store is usable. */
  async probe(): Promise<boolean> {
    try {
      await this.client.set(PROBE_KEY, '1', 'PX', 60_000);
    } catch (error) {
      this.unavailable(redisProblem(error));
      return false;
    }
    if (this.incident && Date.now() - this.lastFallbackAt >= RECOVERY_PROBE_MS) this.recovered();
    return this.available;
  }

  close() {
    this.closed = true;
    this.stopProbing();
    this.client.disconnect();
  }

  private unavailable(reason: string) {
    if (this.incident || this.closed) return;
    this.incident = reason;
    console.warn(
      `rate limits: Redis is unavailable (${reason}); ` +
        'this instance counts limits in its own memory until Redis answers again',
    );
    this.recoveryProbe = outsideRequest(() => setInterval(() => void this.probe(), RECOVERY_PROBE_MS));
    this.recoveryProbe.unref();
  }

  private recovered() {
    this.incident = null;
    this.stopProbing();
    console.info('rate limits: Redis answers again; limits are shared across instances again');
  }

  private stopProbing() {
    if (this.recoveryProbe) clearInterval(this.recoveryProbe);
    this.recoveryProbe = null;
  }
}
