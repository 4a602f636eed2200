// Retry pacing for the token lifecycle: doubling delays up to a cap.

export interface BackoffOptions {
  first: number;
  max: number;
}

/** Returns a function giving the next delay in ms: first, 2×first, 4×first … up to max. */
export function backoff({ first, max }: BackoffOptions = { first: 1000, max: 10_000 }) {
  let next = first;
  return () => {
    const current = next;
    next = Math.min(next * 2, max);
    return current;
  };
}

/** Waits `ms`; an abort ends the wait at once (no timer left behind), and the caller reads the signal next. */
export const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done);
  });
