// The token's side of a call's lifecycle, apart from the call's state: whether a token still lasts
// long enough to join with, and the loop that renews one before it expires.
import { describeCallProblem, type CallProblem } from './call-problems';
import type { TokenGrant } from './engine/rtc';
import { backoff, sleep, type BackoffOptions } from './backoff';
import type { RenewalUnderWay } from './drop-cause';

/** A token this close to expiry (the SDK warns 30 s ahead) is refreshed before joining rather than used. */
const MIN_TOKEN_LIFETIME_AT_JOIN_S = 35;

export function lastsLongEnoughToJoin(grant: TokenGrant, nowMs = Date.now()): boolean {
  return grant.expiresAt === null || grant.expiresAt - nowMs / 1000 > MIN_TOKEN_LIFETIME_AT_JOIN_S;
}

export interface RenewalSteps {
  /** Aborted once the person left: the loop stops, a backoff wait included. */
  signal: AbortSignal;
  getToken: () => Promise<TokenGrant>;
  /** Hands the fresh token to the SDK. */
  renewToken: (token: string) => Promise<void>;
  /** False once the token expired (rejoining) while a step was in flight: the loop stops. */
  stillRenewing: () => boolean;
  /** The current token's end (Unix seconds, null: unknown): failing past it, did-expire takes over. */
  expiresAt: () => number | null;
  renewed: (grant: TokenGrant) => void | Promise<void>;
  /** The server has already let go of this session: renewing cannot work, joining again can. */
  sessionGone: () => void;
  /** An attempt failed; another follows after a backoff delay. */
  failed: (problem: CallProblem) => void;
  retryDelayMs?: BackoffOptions;
}

/** Fetches a fresh token and renews, retrying until it works, the old one expires or the loop is told to stop. */
export async function renewUntilExpiry(renewal: RenewalUnderWay, steps: RenewalSteps): Promise<void> {
  const nextDelay = backoff(steps.retryDelayMs);
  const stillRenewing = () => !steps.signal.aborted && steps.stillRenewing();
  while (stillRenewing()) {
    renewal.failure = null;
    try {
      const grant = await steps.getToken();
      if (!stillRenewing()) return;
      await steps.renewToken(grant.token ?? '');
      if (!stillRenewing()) return;
      return steps.renewed(grant);
    } catch (error) {
      if (!stillRenewing()) return;
      const problem = describeCallProblem(error);
      if (problem.id === 'session-gone') return steps.sessionGone();
      renewal.failure = problem;
      steps.failed(problem);
      const expiresAt = steps.expiresAt();
      if (expiresAt !== null && Date.now() / 1000 >= expiresAt) return; // did-expire takes over
      await sleep(nextDelay(), steps.signal);
    }
  }
}

export interface RejoinSteps {
  /** Token, join, publish; false when the person left meanwhile. */
  connect: () => Promise<boolean>;
  /** Aborted once the person left: the loop stops, a backoff wait included. */
  signal: AbortSignal;
  joined: () => void;
  /** A problem retrying cannot fix (a refused token): the call fails with it. */
  fail: (problem: CallProblem) => void;
  /** An attempt failed; the next follows after `delayMs`. */
  retrying: (problem: CallProblem, delayMs: number) => void;
  retryDelayMs?: BackoffOptions;
}

/** Joins again after a drop, retrying with backoff until it works, cannot, or the person leaves. */
export async function rejoinUntilJoined(steps: RejoinSteps): Promise<void> {
  const nextDelay = backoff(steps.retryDelayMs);
  while (!steps.signal.aborted) {
    try {
      if (await steps.connect()) steps.joined();
      return;
    } catch (error) {
      if (steps.signal.aborted) return;
      const problem = describeCallProblem(error);
      if (!problem.retryable) return steps.fail(problem);
      const delay = nextDelay();
      steps.retrying(problem, delay);
      await sleep(delay, steps.signal);
    }
  }
}
