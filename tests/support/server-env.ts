import { afterEach, beforeEach, vi } from 'vitest';

// Server tests start from a clean environment: every setting the server reads is blanked (local
// mode, no policy, default limits), then a file's own values are applied, for each test.

const SERVER_SETTINGS = [
  'AGORA_APP_ID',
  'AGORA_APP_CERTIFICATE',
  'VERCEL',
  'LOCAL_MODE',
  'CORS_ALLOW_ORIGIN',
  'TOKEN_EXPIRY_SECONDS',
  'TOKEN_API_KEYS',
  'TOKEN_CHANNEL_PATTERN',
  'TOKEN_ALLOW_PUBLISHER',
  'TOKEN_MAX_EXPIRY_SECONDS',
  'TOKEN_TICKET_SECRET',
  'RATE_LIMIT_TOKENS_PER_MINUTE',
  'RATE_LIMIT_SIGNALING_PER_MINUTE',
  'REDIS_URL',
];

export function withServerEnv(values: Record<string, string> = {}) {
  beforeEach(() => {
    for (const name of SERVER_SETTINGS) vi.stubEnv(name, '');
    for (const [name, value] of Object.entries(values)) vi.stubEnv(name, value);
  });
  afterEach(() => vi.unstubAllEnvs());
}

/** Credentials from Agora's public AccessToken2 test vectors: well-formed, owned by no project. */
export const TEST_APP_ID = '970ca35de60c44645bbae8a215061b33';
export const TEST_APP_CERTIFICATE = '5cfd2fd1755d40ecb72977518be15d3b';
/** The same, as the server's AgoraCredentials (Agora mode), for minting tokens in tests. */
export const TEST_CREDENTIALS = { mode: 'agora' as const, appId: TEST_APP_ID, appCertificate: TEST_APP_CERTIFICATE };

/** A local-mode event as a session sees it, without the field that routes it to the session. */
export function withoutSession<T extends { session?: string }>(event: T): Omit<T, 'session'> {
  const copy = { ...event };
  delete copy.session;
  return copy;
}
