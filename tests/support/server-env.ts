import { afterEach, beforeEach, vi } from 'vitest';
import { SETTING_NAMES } from '@/lib/server/settings';

// Server tests start from a clean environment: every setting the server reads is blanked (local
// mode, no policy, default limits), then a file's own values are applied, for each test.

export function withServerEnv(values: Record<string, string> = {}) {
  beforeEach(() => {
    for (const name of SETTING_NAMES) vi.stubEnv(name, '');
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
