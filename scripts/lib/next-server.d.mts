// Types for next-server.mjs, so the TypeScript e2e specs can start servers the way the benches do.

export type NextServer = {
  /** http://127.0.0.1:port */
  base: string;
  pid: number;
  alive(): boolean;
  /** Everything the server printed so far (stdout and stderr). */
  log(): string;
  stop(): void;
};

export function waitForUrl(url: string, isAlive?: () => boolean): Promise<void>;
export function startNextServer(
  port: number,
  extraEnv?: Record<string, string>,
  options?: { nodeArgs?: string[]; cwd?: string; command?: 'start' | 'dev' },
): Promise<NextServer>;
