import 'server-only';
// The Agora credentials this server signs with, read from the environment per request, and the
// mode they imply: Agora with AGORA_APP_ID + AGORA_APP_CERTIFICATE, local mode without them.
import { randomBytes } from 'node:crypto';
import type { Mode } from '../shared/call-contract';
import { parseAppId } from '../shared/validation';
import { memoizeOnEnv } from './env-memo';
import { ApiError } from './http/api-error';

export interface AgoraCredentials {
  mode: Mode;
  appId: string;
  appCertificate: string;
}

/** Local mode's App ID: public on purpose; only this app's local call engine accepts it. */
export const LOCAL_DEV_APP_ID = '0c0a1d0e0000400080000000000000a1';

const LOCAL_CERTIFICATE = Symbol.for('agora-calls.local-certificate');

/**
 * Local mode signs with a certificate made when the server process first needs it, never written
 * anywhere: only this process honours its tokens, and nobody can sign their own from the source.
 */
export function localCertificate(): string {
  const holder = globalThis as typeof globalThis & { [LOCAL_CERTIFICATE]?: string };
  holder[LOCAL_CERTIFICATE] ??= randomBytes(16).toString('hex');
  return holder[LOCAL_CERTIFICATE];
}

export type VariableState = 'set' | 'missing' | 'malformed';

/** The state of one credential variable, for reports that must never include its value. */
export function credentialState(value: string | undefined): VariableState {
  const trimmed = value?.trim() ?? '';
  if (!trimmed) return 'missing';
  return parseAppId(trimmed).ok ? 'set' : 'malformed';
}
const REQUIRED = 'AGORA_APP_ID and AGORA_APP_CERTIFICATE';

type Env = Record<string, string | undefined>;

/** True where local mode cannot work: a serverless platform with no shared memory between requests. */
export const isVercel = (env: Env = process.env) => Boolean(env.VERCEL);

/**
 * Reads credentials per request (never at module load, which also runs during the build).
 * Misconfiguration is a 503 that names the variables to set, never their values.
 */
export const getAgoraCredentials = memoizeOnEnv(['AGORA_APP_ID', 'AGORA_APP_CERTIFICATE', 'LOCAL_MODE', 'VERCEL'], readAgoraCredentials);

function readAgoraCredentials(env: Env): AgoraCredentials {
  const appId = env.AGORA_APP_ID?.trim() ?? '';
  const appCertificate = env.AGORA_APP_CERTIFICATE?.trim() ?? '';
  const forceLocal = /^(1|true)$/i.test(env.LOCAL_MODE?.trim() ?? '');

  if (forceLocal) {
    if (isVercel(env)) {
      throw new ApiError('not_configured', 'LOCAL_MODE cannot run on Vercel (its functions share no memory for the local call engine); unset it and set AGORA_APP_ID and AGORA_APP_CERTIFICATE');
    }
    return { mode: 'local', appId: LOCAL_DEV_APP_ID, appCertificate: localCertificate() };
  }

  if (!appId && !appCertificate) {
    if (isVercel(env)) {
      throw new ApiError(
        'not_configured',
        `Agora credentials are not configured: set ${REQUIRED} in the deployment's environment variables (Agora Console → your project → App ID and primary certificate), then redeploy`,
      );
    }
    return { mode: 'local', appId: LOCAL_DEV_APP_ID, appCertificate: localCertificate() };
  }

  const explain = { missing: 'is not set', malformed: 'is not 32 hexadecimal characters' } as const;
  const problems = (['AGORA_APP_ID', 'AGORA_APP_CERTIFICATE'] as const).flatMap((name) => {
    const state = credentialState(env[name]);
    return state === 'set' ? [] : [`${name} ${explain[state]}`];
  });
  if (problems.length > 0) {
    throw new ApiError(
      'not_configured',
      `Agora credentials are misconfigured: ${problems.join('; ')}. Set both ${REQUIRED} (copy them from Agora Console), or unset both to use local mode off Vercel`,
    );
  }
  return { mode: 'agora', appId, appCertificate };
}
