import 'server-only';
// GET /api/health: what a deploy check needs to know, never a secret.
import { ApiError } from './http/api-error';
import { callTokenExpirySeconds } from './call-page-config';
import { credentialState, getAgoraCredentials, isVercel } from './credentials';
import { rateLimitStore } from './rate-limit';

/**
 * GET /api/health: mode and configuration for deploy checks and for the pages' operator notice.
 * Says which variables are set, missing or malformed, and where rate limits are counted; never a
 * value (no credential, no REDIS_URL).
 */
export async function healthReport() {
  const report = {
    vercel: isVercel(),
    rateLimitStore: await rateLimitStore(),
    tokenExpirySeconds: callTokenExpirySeconds(),
    credentials: {
      AGORA_APP_ID: credentialState(process.env.AGORA_APP_ID),
      AGORA_APP_CERTIFICATE: credentialState(process.env.AGORA_APP_CERTIFICATE),
    },
  };
  try {
    const { mode } = getAgoraCredentials();
    return { status: 'ok', mode, ...report };
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    throw new ApiError('not_configured', error.message, {}, { status: 'misconfigured', mode: null, ...report });
  }
}
