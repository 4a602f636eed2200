import { AsyncResource } from 'node:async_hooks';

// Timers inherit the async context they are created in. Created during a request, a long-lived
// timer (a rate-limit window, a token expiry) keeps that request's whole Next.js context alive
// until it fires: 30,000 clients in a minute held ~1 GB. Work that outlives the request runs here,
// in the context captured at server start (instrumentation.ts), so it holds nothing of a request.

const KEY = Symbol.for('agora-calls.root-context');
type Runner = <T>(work: () => T) => T;
type WithRunner = typeof globalThis & { [KEY]?: Runner };

/** Called once from instrumentation.ts's register(), before any request. */
export function captureRootContext() {
  (globalThis as WithRunner)[KEY] ??= AsyncResource.bind(<T>(work: () => T): T => work()) as Runner;
}

/** Runs `work` outside any request's async context (as-is if the root was never captured). */
export function outsideRequest<T>(work: () => T): T {
  const run = (globalThis as WithRunner)[KEY];
  return run ? run(work) : work();
}
