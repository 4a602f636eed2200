// Types for free-port.mjs, so the TypeScript tests can use it too.
export function freePort(): Promise<number>;
export function portFromEnv(name: string): Promise<number>;
export function assertPortFree(port: number): Promise<void>;
