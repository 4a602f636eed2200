// What the UI renders of a call: the session's state at one moment, and the notices it shows.
import type { CallProblem } from './call-problems';
import type { ClientRole, ConnectionState, TokenGrant } from './engine/rtc';
import type { Participant } from './remote-participants';

export type { Participant } from './remote-participants';

export type CallPhase = 'idle' | 'joining' | 'joined' | 'renewing' | 'rejoining' | 'left' | 'failed';

export interface Notice {
  kind: 'info' | 'warning';
  text: string;
}

export interface CallSnapshot {
  phase: CallPhase;
  connection: ConnectionState;
  connectionReason?: string;
  problem?: CallProblem;
  /** With a problem: the token grant of the attempt that failed, so the UI can say what in it did not match. */
  failedGrant?: TokenGrant;
  notice?: Notice;
  participants: Participant[];
  localUid?: string;
  /** Unix seconds when the current token stops working; null when unknown. */
  tokenExpiresAt: number | null;
  renewals: number;
  rejoins: number;
  /** Live-mode role wanted: `audience` publishes nothing (a stage room's audience). */
  role: ClientRole;
}

export const IDLE_SNAPSHOT: CallSnapshot = {
  phase: 'idle',
  connection: 'DISCONNECTED',
  participants: [],
  tokenExpiresAt: null,
  renewals: 0,
  rejoins: 0,
  role: 'host',
};

const formatTime = (unixSeconds: number) =>
  new Date(unixSeconds * 1000).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });

const warning = (text: string): Notice => ({ kind: 'warning', text });
const info = (text: string): Notice => ({ kind: 'info', text });

/**
 * Why the call dropped, as far as this page can tell: told apart so nobody reads "token expired"
 * when the token did not (the server was too slow, or forgot the session).
 */
export type DropCause =
  /** The token ran out with no renewal under way. */
  | { kind: 'token-expired' }
  /** A renewal was still waiting for the server when the token ran out. */
  | { kind: 'renewal-too-slow'; waitedS: number }
  /** Renewals failed (this problem) until the token ran out. */
  | { kind: 'renewal-failed'; problem: string }
  /** The server no longer knows the session (the connection to it dropped, or it removed it). */
  | { kind: 'session-gone' }
  /** The server says the token expired; this device's clock gives it this long still. */
  | { kind: 'clock-ahead'; secondsLeft: number };

function dropped(cause: DropCause): string {
  switch (cause.kind) {
    case 'token-expired':
      return 'Your access token expired and the call disconnected.';
    case 'renewal-too-slow':
      return (
        `The call disconnected: the server did not answer the access token's renewal (waited ${cause.waitedS} s), ` +
        'and the old token ran out. The server is probably overloaded.'
      );
    case 'renewal-failed':
      return (
        `The call disconnected: renewing the access token kept failing (${cause.problem.toLowerCase()}) ` +
        'until the old token ran out.'
      );
    case 'session-gone':
      return 'The call disconnected: the server no longer knows this call session (the connection to it dropped).';
    case 'clock-ahead':
      return (
        "The server ended the call saying the access token expired, though by this device's clock " +
        `it had ${cause.secondsLeft} s left: check the clock.`
      );
  }
}

/** The words of the token lifecycle, in one place. */
export const NOTICES = {
  pastedTokenExpiring: warning(
    'Your pasted token expires in about 30 seconds. Paste a fresh token and rejoin to continue.',
  ),
  renewFailed: (reason: string, expiresAt: number | null) =>
    warning(
      `Could not renew your access token (${reason}). ` +
        `Retrying — if it keeps failing, the call will drop ${expiresAt ? `at ${formatTime(expiresAt)}` : 'soon'}.`,
    ),
  renewedAfterTrouble: info('Access token renewed; the call continues.'),
  roleChangeFailed: (role: ClientRole, problem: CallProblem) =>
    warning(
      role === 'host'
        ? `Could not put you on the stage: ${problem.detail} You are still in the audience.`
        : `Could not move you to the audience: ${problem.detail}`,
    ),
  dropped: (cause: DropCause) =>
    warning(
      `${dropped(cause)} ${cause.kind === 'token-expired' ? 'Reconnecting with a fresh token…' : 'Reconnecting…'}`,
    ),
  rejoinFailed: (cause: DropCause, problemTitle: string, delayMs: number) =>
    warning(
      `${dropped(cause)} Reconnecting failed (${problemTitle.toLowerCase()}); ` +
        `retrying in ${Math.round(delayMs / 1000)} s…`,
    ),
  rejoined: (cause: DropCause) =>
    info(
      cause.kind === 'token-expired'
        ? 'Your access token expired, so you were reconnected with a fresh one.'
        : 'You were reconnected; the call continues.',
    ),
};
