// What the UI renders of a call: the session's state at one moment, and the notices it shows.
import type { CallProblem } from './call-problems';
import type { ConnectionState, TokenGrant } from './engine/rtc';
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
}

export const IDLE_SNAPSHOT: CallSnapshot = {
  phase: 'idle',
  connection: 'DISCONNECTED',
  participants: [],
  tokenExpiresAt: null,
  renewals: 0,
  rejoins: 0,
};

const formatTime = (unixSeconds: number) =>
  new Date(unixSeconds * 1000).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });

const warning = (text: string): Notice => ({ kind: 'warning', text });
const info = (text: string): Notice => ({ kind: 'info', text });

/** The words of the token lifecycle, in one place. */
export const NOTICES = {
  pastedTokenExpiring: warning('Your pasted token expires in about 30 seconds. Paste a fresh token and rejoin to continue.'),
  renewFailed: (reason: string, expiresAt: number | null) =>
    warning(
      `Could not renew your access token (${reason}). Retrying — if it keeps failing, the call will drop ${expiresAt ? `at ${formatTime(expiresAt)}` : 'soon'}.`,
    ),
  renewedAfterTrouble: info('Access token renewed; the call continues.'),
  expired: warning('Your access token expired and the call disconnected. Reconnecting with a fresh token…'),
  rejoinFailed: (problemTitle: string, delayMs: number) =>
    warning(
      `Your access token expired and the call disconnected. Reconnecting failed (${problemTitle.toLowerCase()}); retrying in ${Math.round(delayMs / 1000)} s…`,
    ),
  rejoined: info('Your access token expired, so you were reconnected with a fresh one.'),
};
