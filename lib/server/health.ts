import 'server-only';
// GET /api/health: what a deploy check needs to know, never a secret.
import { ApiError } from './http/api-error';
import { getAgoraCredentials } from './credentials';
import { rateLimitStore } from './rate-limit';
import { callPageSettings, checkSettings, credentialStates, isVercel } from './settings';

/** The call page's token lifetime, or null while TOKEN_EXPIRY_SECONDS is wrong (the 503 names it). */
function tokenExpirySeconds(): number | null {
  try {
    return callPageSettings().tokenExpirySeconds;
  } catch {
    return null;
  }
}

/**
 * GET /api/health: mode and configuration for deploy checks and for the pages' operator notice.
 * Says which variables are set, missing or malformed, and where rate limits are counted; never a
 * value (no credential, no REDIS_URL). Any setting with a wrong value makes it a 503 naming it.
 */
export async function healthReport() {
  const report = {
    vercel: isVercel(),
    rateLimitStore: await rateLimitStore(),
    tokenExpirySeconds: tokenExpirySeconds(),
    credentials: credentialStates(),
  };
  try {
    checkSettings();
    const { mode } = getAgoraCredentials();
    return { status: 'ok', mode, ...report };
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    throw new ApiError('not_configured', error.message, {}, { status: 'misconfigured', mode: null, ...report });
  }
}
