import 'server-only';
// GET /api/health: what a deploy check needs to know, never a secret.
import { ApiError } from './http/api-error';
import { getAgoraCredentials } from './credentials';
import { rateLimitStore } from './rate-limit';
import { callPageSettings, checkSettings, credentialStates, isVercel } from './settings';
import { roomStore } from './rooms/room-store';
import { authSettings } from './auth/auth-settings';

/** The call page's token lifetime, or null while TOKEN_EXPIRY_SECONDS is wrong (the 503 names it). */
function tokenExpirySeconds(): number | null {
  try {
    return callPageSettings().tokenExpirySeconds;
  } catch {
    return null;
  }
}

const ROOM_STORE_NOTES = {
  memory: "one instance only: rooms (hosts, stage) live in this process's memory; set REDIS_URL to share them",
  redis: 'shared by every instance through REDIS_URL',
} as const;

/** Where rooms live, or why they cannot: a note, never the URL. */
function roomsReport(mode: string | null) {
  let store: { store: 'memory' | 'redis' | null; note: string };
  try {
    const kind = roomStore().kind;
    store = { store: kind, note: ROOM_STORE_NOTES[kind] };
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    store = { store: null, note: error.message };
  }
  // Agora checks a token's publish privileges only with co-host authentication on; local mode always does.
  const audience =
    mode === 'agora'
      ? 'Agora refuses publishing without a publish privilege (the audience in stage rooms) only when ' +
        'co-host authentication is enabled in Agora Console ' +
        '(Projects → Edit → Features → co-host authentication, "Enable authentication"); ' +
        'it takes about 5 minutes to apply'
      : 'local mode always refuses publishing without a publish privilege';
  return { ...store, audience };
}

/** With sign-in on (and only then): its issuer and how many entries each list has, never who is on them. */
function signInReport() {
  const settings = authSettings();
  if (!settings) return {};
  const { issuer, allowedEmails, allowedDomains, hostEmails } = settings;
  return {
    signIn: {
      issuer,
      allowedEmails: allowedEmails.length,
      allowedDomains: allowedDomains.length,
      hostEmails: hostEmails.length,
    },
  };
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
    return { status: 'ok', mode, ...report, rooms: roomsReport(mode), ...signInReport() };
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    throw new ApiError(
      'not_configured',
      error.message,
      {},
      {
        status: 'misconfigured',
        mode: null,
        ...report,
        rooms: roomsReport(null),
      },
    );
  }
}
