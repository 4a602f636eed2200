// Turns what the Agora SDK (or local mode's engine, which uses the same codes) throws into words a
// person can act on. The SDK's error codes are types only at runtime: compare strings.

export interface CallProblem {
  /** Stable id for tests and analytics. */
  id:
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

const text = (error: unknown) =>
  error && typeof error === 'object' ? `${(error as { code?: string }).code ?? ''} ${(error as Error).message ?? ''}` : String(error);

export function describeJoinError(error: unknown): CallProblem {
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
  if (message.includes('invalid token') || message.includes('authorized failed')) {
    return {
      id: 'invalid-token',
      title: 'Agora rejected the access token',
      detail: 'The token does not match this App ID, channel or uid, or was signed with a different App Certificate. Check AGORA_APP_ID and AGORA_APP_CERTIFICATE on the server.',
      retryable: false,
    };
  }
  if (message.includes('dynamic use static key')) {
    return {
      id: 'certificate-required',
      title: 'This Agora project requires a token',
      detail: 'The project has an App Certificate enabled but no token was sent. Configure AGORA_APP_CERTIFICATE on the server so tokens are issued.',
      retryable: false,
    };
  }
  if (message.includes('static use dynamic key')) {
    return {
      id: 'certificate-not-enabled',
      title: 'This Agora project does not use tokens',
      detail: 'A token was sent, but the project has no App Certificate enabled. Enable the primary certificate in Agora Console (Project → Security).',
      retryable: false,
    };
  }
  if (message.includes('invalid vendor key') || message.includes('can not find appid')) {
    return {
      id: 'invalid-app-id',
      title: 'Unknown Agora App ID',
      detail: 'Agora does not know this App ID. Copy it again from Agora Console into AGORA_APP_ID.',
      retryable: false,
    };
  }
  if (message.includes('uid_conflict') || message.includes('uid conflict')) {
    return {
      id: 'uid-conflict',
      title: 'Someone joined with the same user id',
      detail: 'Another participant is using this uid in the channel. Retry to join with a new one.',
      retryable: true,
    };
  }
  if (message.includes('token_expire') || message.includes('token expired') || message.includes('token_expired')) {
    return { id: 'token-expired', title: 'The access token has expired', detail: 'Retry to join with a fresh token.', retryable: true };
  }
  if (message.includes('room_full') || message.includes('room full')) {
    return { id: 'room-full', title: 'This room is full', detail: 'The channel has reached its participant limit. Try again later or use another channel.', retryable: true };
  }
  if (message.includes('network') || message.includes('ws_abort') || message.includes('timeout')) {
    return { id: 'network', title: 'Network problem', detail: 'The connection failed or dropped. Check your connection and retry.', retryable: true };
  }
  return { id: 'unknown', title: 'Could not join the call', detail: text(error).trim() || 'Unknown error', retryable: true };
}
