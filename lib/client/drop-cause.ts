// Why a call dropped, judged from what this page knows: the token's end by this device's clock and
// the renewal under way. So nobody reads "token expired" when the token did not (the server was too
// slow to renew it, or forgot the session).
import type { CallProblem } from './call-problems';
import type { DropCause } from './call-snapshot';

/** An expiry reported this much before the token's end by this device's clock is the clock's fault, not the token's. */
const CLOCK_SLACK_S = 5;

export interface RenewalUnderWay {
  startedAt: number;
  /** How its last attempt failed; null while it waits for the server. */
  failure: CallProblem | null;
  /** The SDK warned again meanwhile: renew once more when this one is through. */
  warnedAgain?: boolean;
}

/**
 * `said`: what ended the session — the SDK reporting the token expired, or the server no longer
 * knowing the session. `expiresAt`: Unix seconds of the current token's end (null: unknown).
 */
export function dropCause(
  said: 'token-expired' | 'session-gone',
  expiresAt: number | null,
  renewal: RenewalUnderWay | null,
  nowMs = Date.now(),
): DropCause {
  const secondsLeft = expiresAt === null ? 0 : Math.round(expiresAt - nowMs / 1000);
  if (said === 'session-gone' && (expiresAt === null || secondsLeft > 0)) return { kind: 'session-gone' };
  if (secondsLeft > CLOCK_SLACK_S) return { kind: 'clock-ahead', secondsLeft };
  if (!renewal) return { kind: 'token-expired' };
  if (renewal.failure) return { kind: 'renewal-failed', problem: renewal.failure.title };
  return { kind: 'renewal-too-slow', waitedS: Math.round((nowMs - renewal.startedAt) / 1000) };
}
