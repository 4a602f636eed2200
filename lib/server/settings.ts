import 'server-only';
// Every environment variable the server reads, in one place (sign-in's: auth/auth-settings.ts): meaning,
// default, what is allowed. Read per request (modules load during `next build` too), parsed once per set of
// values (env-memo.ts). A wrong value is a 503 naming the variable (code not_configured), never the value.
// Build-time settings (the CSP's token server origin, ALLOWED_DEV_ORIGINS, NEXT_DIST_DIR): next.config.mjs.
import { EXPIRY_MAX_SECONDS, parseAppId } from '../shared/validation';
import { memoizeOnEnv } from './env-memo';
import { ApiError } from './http/api-error';
import { AUTH_SETTING_NAMES, authSettings } from './auth/auth-settings';

type Env = Record<string, string | undefined>;

/** Every variable read here (tests blank them all, so each starts from the defaults). */
export const SETTING_NAMES = [
  'VERCEL',
  'AGORA_APP_ID',
  'AGORA_APP_CERTIFICATE',
  'LOCAL_MODE',
  'TOKEN_API_KEYS',
  'TOKEN_CHANNEL_PATTERN',
  'TOKEN_ALLOW_PUBLISHER',
  'TOKEN_MAX_EXPIRY_SECONDS',
  'TOKEN_TICKET_SECRET',
  'TOKEN_EXPIRY_SECONDS',
  'JOIN_TIMEOUT_MS',
  'STAGE_PUBLISH_SECONDS',
  'REMOVAL_SECONDS',
  'ROOM_END_SECONDS',
  'ROOM_JOIN_SECONDS',
  'NEXT_PUBLIC_TOKEN_SERVER_URL',
  'NEXT_PUBLIC_AGORA_APP_ID',
  'CORS_ALLOW_ORIGIN',
  'RATE_LIMIT_TOKENS_PER_MINUTE',
  'RATE_LIMIT_SIGNALING_PER_MINUTE',
  'REDIS_URL',
  ...AUTH_SETTING_NAMES,
] as const;

const misconfigured = (message: string) => new ApiError('not_configured', message);
const text = (env: Env, name: string) => env[name]?.trim() ?? '';

/** A whole number of `unit` from `min` to `max`, or `fallback` when unset; else a 503 naming the variable. */
function wholeNumber(env: Env, name: string, fallback: number, min: number, max: number, unit = 'seconds'): number {
  const raw = text(env, name);
  if (!raw) return fallback;
  const value = /^[0-9]{1,15}$/.test(raw) ? Number(raw) : NaN;
  if (!(value >= min && value <= max))
    throw misconfigured(`${name} must be whole ${unit} from ${min} to ${max}; fix it on the server`);
  return value;
}

// ── Platform ────────────────────────────────────────────────────────────────────────────────────

/** VERCEL (set by Vercel): a serverless platform, where local mode cannot work and x-real-ip is trusted. */
export const isVercel = (env: Env = process.env) => Boolean(env.VERCEL);

// ── Agora credentials ───────────────────────────────────────────────────────────────────────────

export type VariableState = 'set' | 'missing' | 'malformed';

/** The state of one credential variable, for reports that must never include its value. */
export function credentialState(value: string | undefined): VariableState {
  const trimmed = value?.trim() ?? '';
  if (!trimmed) return 'missing';
  return parseAppId(trimmed).ok ? 'set' : 'malformed';
}

/** AGORA_APP_ID and AGORA_APP_CERTIFICATE as set, missing or malformed, for /api/health. */
export const credentialStates = (env: Env = process.env) => ({
  AGORA_APP_ID: credentialState(env.AGORA_APP_ID),
  AGORA_APP_CERTIFICATE: credentialState(env.AGORA_APP_CERTIFICATE),
});

/** Which engine the server runs: Agora with a project's credentials, or local mode. */
export type AgoraSetting = { mode: 'local' } | { mode: 'agora'; appId: string; appCertificate: string };

const REQUIRED = 'AGORA_APP_ID and AGORA_APP_CERTIFICATE';

/**
 * AGORA_APP_ID, AGORA_APP_CERTIFICATE (32 hex characters each, Agora Console → the project): both set
 * is Agora mode, both unset local mode (not on Vercel). LOCAL_MODE=1|true forces local mode.
 */
export const agoraSetting = memoizeOnEnv(
  ['AGORA_APP_ID', 'AGORA_APP_CERTIFICATE', 'LOCAL_MODE', 'VERCEL'],
  (env): AgoraSetting => {
    const appId = text(env, 'AGORA_APP_ID');
    const appCertificate = text(env, 'AGORA_APP_CERTIFICATE');
    if (/^(1|true)$/i.test(text(env, 'LOCAL_MODE'))) {
      if (isVercel(env)) {
        throw misconfigured(
          'LOCAL_MODE cannot run on Vercel (its functions share no memory for the local call engine); ' +
            `unset it and set ${REQUIRED}`,
        );
      }
      return { mode: 'local' };
    }
    if (!appId && !appCertificate) {
      if (isVercel(env)) {
        throw misconfigured(
          `Agora credentials are not configured: set ${REQUIRED} in the deployment's environment variables ` +
            '(Agora Console → your project → App ID and primary certificate), then redeploy',
        );
      }
      return { mode: 'local' };
    }
    const explain = { missing: 'is not set', malformed: 'is not 32 hexadecimal characters' } as const;
    const problems = Object.entries(credentialStates(env)).flatMap(([name, state]) =>
      state === 'set' ? [] : [`${name} ${explain[state]}`],
    );
    if (problems.length > 0) {
      throw misconfigured(
        `Agora credentials are misconfigured: ${problems.join('; ')}. ` +
          `Set both ${REQUIRED} (copy them from Agora Console), or unset both to use local mode off Vercel`,
      );
    }
    return { mode: 'agora', appId, appCertificate };
  },
);

// ── Token policy (README → Security and access control) ──────────────────────────────────────────

export interface TokenPolicy {
  /** TOKEN_API_KEYS: comma-separated; when any is set, callers need `Authorization: Bearer <key>`. */
  apiKeys: string[];
  /** TOKEN_CHANNEL_PATTERN: a regular expression the whole channel name must match. */
  channelPattern: RegExp | null;
  /** TOKEN_ALLOW_PUBLISHER: 0, false or no leaves only subscriber tokens. */
  allowPublisher: boolean;
  /** TOKEN_MAX_EXPIRY_SECONDS: the longest lifetime handed out, and the default; 1–86400, default 86400. */
  maxExpirySeconds: number;
}

/** The policy (parsed once per set of values: the pattern is compiled once). */
export const tokenPolicy = memoizeOnEnv(
  ['TOKEN_API_KEYS', 'TOKEN_CHANNEL_PATTERN', 'TOKEN_MAX_EXPIRY_SECONDS', 'TOKEN_ALLOW_PUBLISHER'],
  (env): TokenPolicy => {
    let channelPattern: RegExp | null = null;
    const pattern = text(env, 'TOKEN_CHANNEL_PATTERN');
    if (pattern) {
      try {
        channelPattern = new RegExp(`^(?:${pattern})$`);
      } catch {
        throw misconfigured('TOKEN_CHANNEL_PATTERN is not a valid regular expression; fix it on the server');
      }
    }
    return {
      apiKeys: text(env, 'TOKEN_API_KEYS')
        .split(',')
        .map((key) => key.trim())
        .filter(Boolean),
      channelPattern,
      allowPublisher: !/^(0|false|no)$/i.test(text(env, 'TOKEN_ALLOW_PUBLISHER')),
      maxExpirySeconds: wholeNumber(env, 'TOKEN_MAX_EXPIRY_SECONDS', EXPIRY_MAX_SECONDS, 1, EXPIRY_MAX_SECONDS),
    };
  },
);

/** TOKEN_TICKET_SECRET: signs the pages' tickets; unset, a key derived from the App Certificate does. */
export const ticketSecret = (env: Env = process.env): string | null => text(env, 'TOKEN_TICKET_SECRET') || null;

// ── The call page ───────────────────────────────────────────────────────────────────────────────

export interface CallPageSettings {
  /**
   * TOKEN_EXPIRY_SECONDS: the call page's token lifetime, 40–86400, default 300 (short, so renewal
   * happens in normal use; 40 at least: the SDK warns 30 s ahead).
   */
  tokenExpirySeconds: number;
  /** JOIN_TIMEOUT_MS: how long Join waits before "Cannot reach Agora", 1000–120000, default 15000. */
  joinTimeoutMs: number;
}

export const callPageSettings = memoizeOnEnv(['TOKEN_EXPIRY_SECONDS', 'JOIN_TIMEOUT_MS'], (env): CallPageSettings => ({
  tokenExpirySeconds: wholeNumber(env, 'TOKEN_EXPIRY_SECONDS', 300, 40, EXPIRY_MAX_SECONDS),
  joinTimeoutMs: wholeNumber(env, 'JOIN_TIMEOUT_MS', 15_000, 1000, 120_000, 'milliseconds'),
}));

// ── Rooms with a stage (README → Rooms API) ────────────────────────────────────────────────────────

/**
 * STAGE_PUBLISH_SECONDS: how long the publish privileges of someone a host invited onto a stage last
 * before their page must renew them (and the server checks the room again), so a person moved back
 * to the audience stops publishing within this time; 40–86400, default 120 (the SDK warns 30 s ahead).
 */
export const stagePublishSeconds = memoizeOnEnv(['STAGE_PUBLISH_SECONDS'], (env): number =>
  wholeNumber(env, 'STAGE_PUBLISH_SECONDS', 120, 40, EXPIRY_MAX_SECONDS),
);

/**
 * Host controls, seconds: REMOVAL_SECONDS (60–86400, default 3600) a removed person stays refused; ROOM_END_SECONDS
 * (60–86400, 3600) an ended room refuses every token; ROOM_JOIN_SECONDS (40–86400, 300) a non-host's join privilege.
 */
export const roomControls = memoizeOnEnv(['REMOVAL_SECONDS', 'ROOM_END_SECONDS', 'ROOM_JOIN_SECONDS'], (env) => ({
  removalSeconds: wholeNumber(env, 'REMOVAL_SECONDS', 3600, 60, EXPIRY_MAX_SECONDS),
  endSeconds: wholeNumber(env, 'ROOM_END_SECONDS', 3600, 60, EXPIRY_MAX_SECONDS),
  joinSeconds: wholeNumber(env, 'ROOM_JOIN_SECONDS', 300, 40, EXPIRY_MAX_SECONDS),
}));

/**
 * NEXT_PUBLIC_TOKEN_SERVER_URL: an external token server with the same /rtc/… API (null: this app's /api),
 * NEXT_PUBLIC_AGORA_APP_ID: the App ID to join with when it answers none (browser copies fixed at build time).
 */
export const tokenServer = (env: Env = process.env) => ({
  url: text(env, 'NEXT_PUBLIC_TOKEN_SERVER_URL') || null,
  fallbackAppId: text(env, 'NEXT_PUBLIC_AGORA_APP_ID') || null,
});

// ── HTTP ────────────────────────────────────────────────────────────────────────────────────────

/** CORS_ALLOW_ORIGIN: empty (same origin only), `*`, or a comma-separated list of origins. */
export const corsAllowOrigin = (env: Env = process.env): string => text(env, 'CORS_ALLOW_ORIGIN');

// ── Rate limits (README → Rate limits across instances) ─────────────────────────────────────────

export type Bucket = 'token' | 'signaling';

/**
 * RATE_LIMIT_TOKENS_PER_MINUTE (default 120) and RATE_LIMIT_SIGNALING_PER_MINUTE (default 1200):
 * requests a client may make a minute; 0 turns a limit off. Defaults a person joining, renewing
 * every few minutes and rejoining a few times never hits.
 */
export const rateLimits = memoizeOnEnv(
  ['RATE_LIMIT_TOKENS_PER_MINUTE', 'RATE_LIMIT_SIGNALING_PER_MINUTE'],
  (env): Record<Bucket, number> => ({
    token: wholeNumber(env, 'RATE_LIMIT_TOKENS_PER_MINUTE', 120, 0, 1_000_000, 'requests a minute'),
    signaling: wholeNumber(env, 'RATE_LIMIT_SIGNALING_PER_MINUTE', 1200, 0, 1_000_000, 'requests a minute'),
  }),
);

export type RedisSetting = { kind: 'memory' } | { kind: 'malformed' } | { kind: 'redis'; url: string };

/**
 * REDIS_URL: `redis://` or `rediss://` (TLS) with a host, to count limits in one Redis shared by every
 * instance; unset, each process counts in memory. A malformed one is not a 503 (limits still hold,
 * per instance): the store logs it once and /api/health says "redis-unavailable".
 */
export function redisSetting(env: Env = process.env): RedisSetting {
  const raw = text(env, 'REDIS_URL');
  if (!raw) return { kind: 'memory' };
  try {
    const url = new URL(raw);
    if ((url.protocol === 'redis:' || url.protocol === 'rediss:') && url.hostname) return { kind: 'redis', url: raw };
  } catch {
    // not a URL at all
  }
  return { kind: 'malformed' };
}

/** Checks every setting that can be wrong; throws the first 503 (for /api/health). */
export function checkSettings(env: Env = process.env): void {
  agoraSetting(env);
  tokenPolicy(env);
  callPageSettings(env);
  stagePublishSeconds(env);
  roomControls(env);
  rateLimits(env);
  authSettings(env);
}
