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

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
