import 'server-only';
// The Agora credentials this server signs with, and the mode they imply: Agora with
// AGORA_APP_ID + AGORA_APP_CERTIFICATE (settings.ts), local mode with a certificate of its own.
import { randomBytes } from 'node:crypto';
import type { Mode } from '../shared/call-contract';
import { agoraSetting } from './settings';

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

/**
 * The credentials to sign with, per request (never at module load, which also runs during the
 * build), from the AGORA_* settings. Misconfiguration is a 503 that names the variables to set.
 */
export function getAgoraCredentials(env?: Record<string, string | undefined>): AgoraCredentials {
  const setting = agoraSetting(env);
  if (setting.mode === 'local') return { mode: 'local', appId: LOCAL_DEV_APP_ID, appCertificate: localCertificate() };
  return setting;
}
