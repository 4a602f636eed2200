// Types for free-port.mjs, so the TypeScript tests can use it too.
export function freePort(): Promise<number>;
