// What can stop a call, in words a person can act on: the errors the Agora SDK throws (local mode's
// engine uses the same codes) and the app's own (token fetch, join timeout). Shared by the call
// session and the UI. The SDK's error codes are types only at runtime: compare strings.

export type CallProblemId =
  | 'unreachable'
  | 'invalid-token'
  | 'certificate-required'
  | 'certificate-not-enabled'
  | 'invalid-app-id'
  | 'uid-conflict'
  | 'token-expired'
  | 'network'
  | 'room-full'
  | 'token-fetch'
  | 'unknown';

export interface CallProblem {
  /** Stable id for tests and analytics. */
  id: CallProblemId;
  title: string;
  detail: string;
  retryable: boolean;
}

export class JoinTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`join did not finish within ${timeoutMs} ms`);
    this.name = 'JoinTimeoutError';
  }
}

export class TokenFetchError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'TokenFetchError';
  }
}

/** Problems recognised by words in the SDK's error, first match wins. */
const KNOWN: { match: string[]; problem: CallProblem }[] = [
  {
    match: ['invalid token', 'authorized failed'],
    problem: {
      id: 'invalid-token',
      title: 'Agora rejected the access token',
      detail: 'The token does not match this App ID, channel or uid, or was signed with a different App Certificate. Check AGORA_APP_ID and AGORA_APP_CERTIFICATE on the server.',
      retryable: false,
    },
  },
  {
    match: ['dynamic use static key'],
    problem: {
      id: 'certificate-required',
      title: 'This Agora project requires a token',
      detail: 'The project has an App Certificate enabled but no token was sent. Configure AGORA_APP_CERTIFICATE on the server so tokens are issued.',
      retryable: false,
    },
  },
  {
    match: ['static use dynamic key'],
    problem: {
      id: 'certificate-not-enabled',
      title: 'This Agora project does not use tokens',
      detail: 'A token was sent, but the project has no App Certificate enabled. Enable the primary certificate in Agora Console (Project → Security).',
      retryable: false,
    },
  },
  {
    match: ['invalid vendor key', 'can not find appid'],
    problem: {
      id: 'invalid-app-id',
      title: 'Unknown Agora App ID',
      detail: 'Agora does not know this App ID. Copy it again from Agora Console into AGORA_APP_ID.',
      retryable: false,
    },
  },
  {
    match: ['uid_conflict', 'uid conflict'],
    problem: {
      id: 'uid-conflict',
      title: 'Someone joined with the same user id',
      detail: 'Another participant is using this uid in the channel. Retry to join with a new one.',
      retryable: true,
    },
  },
  {
    match: ['token_expire', 'token expired', 'dynamic key or token timeout', 'dynamic key expired'],
    problem: { id: 'token-expired', title: 'The access token has expired', detail: 'Retry to join with a fresh token.', retryable: true },
  },
  {
    match: ['room_full', 'room full'],
    problem: {
      id: 'room-full',
      title: 'This room is full',
      detail: 'The channel has reached its participant limit. Try again later or use another channel.',
      retryable: true,
    },
  },
  {
    match: ['network', 'ws_abort', 'timeout'],
    problem: { id: 'network', title: 'Network problem', detail: 'The connection failed or dropped. Check your connection and retry.', retryable: true },
  },
];

const text = (error: unknown) =>
  error && typeof error === 'object' ? `${(error as { code?: string }).code ?? ''} ${(error as Error).message ?? ''}` : String(error);

export function describeCallProblem(error: unknown): CallProblem {
  if (error instanceof JoinTimeoutError) {
    return {
      id: 'unreachable',
      title: 'Cannot reach Agora',
      detail: `No answer from Agora's servers within ${Math.round(error.timeoutMs / 1000)} seconds. Check your internet connection, VPN or firewall, then retry.`,
      retryable: true,
    };
  }
  if (error instanceof TokenFetchError) {
    return { id: 'token-fetch', title: 'Could not get an access token', detail: error.message, retryable: (error.status ?? 500) >= 500 };
  }
  const message = text(error).toLowerCase();
  const known = KNOWN.find(({ match }) => match.some((words) => message.includes(words)));
  return known?.problem ?? { id: 'unknown', title: 'Could not join the call', detail: text(error).trim() || 'Unknown error', retryable: true };
}
