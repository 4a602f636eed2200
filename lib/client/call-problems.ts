// What can stop a call, in words a person can act on: this app's API refusals (decided by their
// code, lib/shared/error-codes.ts), the app's own failures (token fetch, join timeout), and the errors
// the Agora SDK throws, which carry no such code: those alone are recognised by their words.
import { isErrorCode, type ErrorCode } from '../shared/error-codes';
import { roomProblemFor, type RoomProblemId } from './room/room-problems';

export type CallProblemId =
  | 'unreachable'
  | 'server-slow'
  | 'session-gone'
  | 'invalid-token'
  | 'certificate-required'
  | 'certificate-not-enabled'
  | 'invalid-app-id'
  | 'uid-conflict'
  | 'token-expired'
  | 'network'
  | 'room-full'
  | 'rate-limited'
  | 'token-fetch'
  | 'signed-out'
  | RoomProblemId
  | 'unknown';

export interface CallProblem {
  /** Stable id for tests and analytics. */
  id: CallProblemId;
  title: string;
  detail: string;
  retryable: boolean;
}

export class JoinTimeoutError extends Error {
  constructor(
    readonly timeoutMs: number,
    /** Who did not answer: Agora's servers, or this app's own server in local mode. */
    readonly service: 'agora' | 'local' = 'agora',
  ) {
    super(`join did not finish within ${timeoutMs} ms`);
    this.name = 'JoinTimeoutError';
  }
}

export class TokenFetchError extends Error {
  constructor(
    message: string,
    readonly status?: number,
    /** The API's code for the refusal, when the token server sent one. */
    readonly apiCode?: ErrorCode | null,
  ) {
    super(message);
    this.name = 'TokenFetchError';
  }
}

/** The API code an error carries (a TokenFetchError, local mode's LocalRtcError), if any. */
export function apiCodeOf(error: unknown): ErrorCode | null {
  const code = error && typeof error === 'object' ? (error as { apiCode?: unknown }).apiCode : undefined;
  return isErrorCode(code) ? code : null;
}

/** Problems the app names itself (the call session uses some directly). */
export const CALL_PROBLEMS = {
  invalidToken: {
    id: 'invalid-token',
    title: 'Agora rejected the access token',
    detail:
      'The token does not match this App ID, channel or uid, or was signed with a different App Certificate. ' +
      'Check AGORA_APP_ID and AGORA_APP_CERTIFICATE on the server.',
    retryable: false,
  },
  certificateRequired: {
    id: 'certificate-required',
    title: 'This Agora project requires a token',
    detail:
      'The project has an App Certificate enabled but no token was sent. ' +
      'Configure AGORA_APP_CERTIFICATE on the server so tokens are issued.',
    retryable: false,
  },
  certificateNotEnabled: {
    id: 'certificate-not-enabled',
    title: 'This Agora project does not use tokens',
    detail:
      'A token was sent, but the project has no App Certificate enabled. ' +
      'Enable the primary certificate in Agora Console (Project → Security).',
    retryable: false,
  },
  invalidAppId: {
    id: 'invalid-app-id',
    title: 'Unknown Agora App ID',
    detail: 'Agora does not know this App ID. Copy it again from Agora Console into AGORA_APP_ID.',
    retryable: false,
  },
  uidConflict: {
    id: 'uid-conflict',
    title: 'Someone joined with the same user id',
    detail: 'Another participant is using this uid in the channel. Retry to join with a new one.',
    retryable: true,
  },
  tokenExpired: {
    id: 'token-expired',
    title: 'The access token has expired',
    detail: 'Retry to join with a fresh token.',
    retryable: true,
  },
  roomFull: {
    id: 'room-full',
    title: 'This room is full',
    detail: 'The channel has reached its participant limit. Try again later or use another channel.',
    retryable: true,
  },
  network: {
    id: 'network',
    title: 'Network problem',
    detail: 'The connection failed or dropped. Check your connection and retry.',
    retryable: true,
  },
  sessionGone: {
    id: 'session-gone',
    title: 'The server no longer knows this call session',
    detail: 'The connection to the server dropped, or the server ended the session. Retry to join again.',
    retryable: true,
  },
  signedOut: {
    id: 'signed-out',
    title: 'You are signed out',
    detail: 'you signed out, so this call can no longer renew its access; sign in again to come back',
    retryable: false,
  },
  rateLimited: {
    id: 'rate-limited',
    title: 'Too many requests',
    detail: 'The server is limiting requests from this address for a minute. Retry in a moment.',
    retryable: true,
  },
} satisfies Record<string, CallProblem>;

/** This app's API refusals, by code (the sentence may be reworded; the code stays). */
function problemForCode(code: ErrorCode): CallProblem | null {
  switch (code) {
    case 'invalid_token':
      return CALL_PROBLEMS.invalidToken;
    case 'token_required':
      return CALL_PROBLEMS.certificateRequired;
    case 'invalid_app_id':
      return CALL_PROBLEMS.invalidAppId;
    case 'uid_conflict':
      return CALL_PROBLEMS.uidConflict;
    case 'token_expired':
      return CALL_PROBLEMS.tokenExpired;
    case 'room_full':
      return CALL_PROBLEMS.roomFull;
    case 'session_gone':
    case 'unknown_connection':
    case 'not_in_channel':
      return CALL_PROBLEMS.sessionGone;
    case 'rate_limited':
      return CALL_PROBLEMS.rateLimited;
    default:
      return null;
  }
}

/** The Agora SDK's errors carry no code of ours: they are recognised by their words, first match wins. */
const KNOWN: { match: string[]; problem: CallProblem }[] = [
  { match: ['invalid token', 'authorized failed'], problem: CALL_PROBLEMS.invalidToken },
  { match: ['dynamic use static key'], problem: CALL_PROBLEMS.certificateRequired },
  { match: ['static use dynamic key'], problem: CALL_PROBLEMS.certificateNotEnabled },
  { match: ['invalid vendor key', 'can not find appid'], problem: CALL_PROBLEMS.invalidAppId },
  { match: ['uid_conflict', 'uid conflict'], problem: CALL_PROBLEMS.uidConflict },
  {
    match: ['token_expire', 'token expired', 'dynamic key or token timeout', 'dynamic key expired'],
    problem: CALL_PROBLEMS.tokenExpired,
  },
  { match: ['room_full', 'room full'], problem: CALL_PROBLEMS.roomFull },
  { match: ['network', 'ws_abort', 'timeout'], problem: CALL_PROBLEMS.network },
];

const text = (error: unknown) =>
  error && typeof error === 'object'
    ? `${(error as { code?: string }).code ?? ''} ${(error as Error).message ?? ''}`
    : String(error);

export function describeCallProblem(error: unknown): CallProblem {
  if (error instanceof JoinTimeoutError) {
    const seconds = Math.round(error.timeoutMs / 1000);
    if (error.service === 'local') {
      return {
        id: 'server-slow',
        title: 'The call server answered too slowly',
        detail:
          `It did not let you in within ${seconds} seconds; ` +
          'it is probably overloaded (many people or tabs on one small machine). Retry in a moment.',
        retryable: true,
      };
    }
    return {
      id: 'unreachable',
      title: 'Cannot reach Agora',
      detail:
        `No answer from Agora's servers within ${seconds} seconds. ` +
        'Check your internet connection, VPN or firewall, then retry.',
      retryable: true,
    };
  }
  const code = apiCodeOf(error);
  // A host's decision (removed, ended, locked, waiting room) is said as such, not as a failing token server.
  const decided = roomProblemFor(code);
  if (decided) return decided;
  if (code === 'sign_in_required' || code === 'not_allowed') return CALL_PROBLEMS.signedOut;
  if (error instanceof TokenFetchError) {
    // Worth retrying: no answer at all, a server fault, or a limit that lifts within a minute.
    const retryable = code
      ? code === 'rate_limited' || code === 'not_configured' || code === 'internal_error'
      : (error.status ?? 500) >= 500;
    return { id: 'token-fetch', title: 'Could not get an access token', detail: error.message, retryable };
  }
  const coded = code && problemForCode(code);
  if (coded) return coded;
  const message = text(error).toLowerCase();
  const known = code ? undefined : KNOWN.find(({ match }) => match.some((words) => message.includes(words)));
  return (
    known?.problem ?? {
      id: 'unknown',
      title: 'Could not join the call',
      detail: text(error).trim() || 'Unknown error',
      retryable: true,
    }
  );
}
