// Types for redis-server.mjs, so the TypeScript tests can use the same helper as the bench.

export type RedisServer = {
  port: number;
  /** redis://[:password@]127.0.0.1:port */
  url: string;
  /** Kills the server as a crash would and waits until it is gone. */
  stop(): Promise<void>;
  /** Starts it again, empty, on the same port and with the same password. */
  start(): Promise<void>;
};

export function redisServerMissing(): string | null;
export function startRedisServer(options?: { port?: number; password?: string }): Promise<RedisServer>;
