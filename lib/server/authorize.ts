import 'server-only';
import { createHash, timingSafeEqual } from 'node:crypto';
import { memoizeOnEnv } from './env-memo';
import { ApiError } from './http/api-error';
import type { AgoraCredentials } from './credentials';
import { PAGE_TICKET_HEADER } from '../shared/call-contract';
import { readPageTicket, verifyInspectTicket } from './page-ticket';
import { EXPIRY_MAX_SECONDS, type Role } from '../shared/validation';

// The one place that decides whether a request may get a token. The default policy comes from
// environment variables (see README → Access control); to use a real identity provider, check the
// caller's session here (e.g. read its cookie with your auth library and compare the user to the
// uid or channel) and throw an ApiError(401/403) to refuse.

export interface TokenScope {
  service: 'rtc' | 'rtm' | 'chat';
  channel?: string;
  /** Who the token is for: an RTC uid or account, an RTM user id. */
  identity?: string;
  role?: Role;
  expiry: number;
}

/** The call page's ticket covers RTC tokens for its channel and RTM tokens, for its own uids only. */
function coveredByPageTicket(request: Request, scope: TokenScope, appCertificate: string): boolean {
  if (scope.identity === undefined || scope.service === 'chat') return false;
  const ticket = readPageTicket(request.headers.get(PAGE_TICKET_HEADER), appCertificate);
  if (!ticket || !ticket.uids.map(String).includes(scope.identity)) return false;
  return scope.service === 'rtm' || scope.channel === ticket.channel;
}

export interface TokenPolicy {
  apiKeys: string[];
  channelPattern: RegExp | null;
  allowPublisher: boolean;
  maxExpirySeconds: number;
}

/** The policy from the environment (parsed once per set of values: the pattern is compiled once). */
export const tokenPolicy = memoizeOnEnv(['TOKEN_API_KEYS', 'TOKEN_CHANNEL_PATTERN', 'TOKEN_MAX_EXPIRY_SECONDS', 'TOKEN_ALLOW_PUBLISHER'], readTokenPolicy);

function readTokenPolicy(env: Record<string, string | undefined>): TokenPolicy {
  const apiKeys = (env.TOKEN_API_KEYS ?? '').split(',').map((key) => key.trim()).filter(Boolean);
  let channelPattern: RegExp | null = null;
  const pattern = env.TOKEN_CHANNEL_PATTERN?.trim();
  if (pattern) {
    try {
      channelPattern = new RegExp(`^(?:${pattern})$`);
    } catch {
      throw new ApiError('not_configured', 'TOKEN_CHANNEL_PATTERN is not a valid regular expression; fix it on the server');
    }
  }
  const max = Number(env.TOKEN_MAX_EXPIRY_SECONDS?.trim() || EXPIRY_MAX_SECONDS);
  if (!Number.isInteger(max) || max < 1 || max > EXPIRY_MAX_SECONDS) {
    throw new ApiError('not_configured', `TOKEN_MAX_EXPIRY_SECONDS must be whole seconds from 1 to ${EXPIRY_MAX_SECONDS}; fix it on the server`);
  }
  return {
    apiKeys,
    channelPattern,
    allowPublisher: !/^(0|false|no)$/i.test(env.TOKEN_ALLOW_PUBLISHER?.trim() ?? ''),
    maxExpirySeconds: max,
  };
}

const digest = (value: string) => createHash('sha256').update(value).digest();

function hasApiKey(request: Request, keys: string[]): boolean {
  const presented = request.headers.get('authorization')?.match(/^Bearer\s+(.+)$/i)?.[1]?.trim();
  if (!presented) return false;
  const given = digest(presented);
  return keys.some((key) => timingSafeEqual(digest(key), given));
}

/** With API keys configured, every caller needs one, except this app's own page proving itself. */
function requireKeyUnlessOwnPage(request: Request, policy: TokenPolicy, fromOwnPage: () => boolean): void {
  if (policy.apiKeys.length === 0 || fromOwnPage() || hasApiKey(request, policy.apiKeys)) return;
  const presented = request.headers.has('authorization');
  throw new ApiError(
    presented ? 'api_key_invalid' : 'api_key_required',
    presented ? 'the API key is not valid' : 'this token API requires an API key: send Authorization: Bearer <key>',
    { 'WWW-Authenticate': 'Bearer' },
  );
}

export function authorizeTokenRequest(request: Request, scope: TokenScope, credentials: AgoraCredentials, policy = tokenPolicy()): void {
  requireKeyUnlessOwnPage(request, policy, () => coveredByPageTicket(request, scope, credentials.appCertificate));
  if (policy.channelPattern && scope.channel !== undefined && !policy.channelPattern.test(scope.channel)) {
    throw new ApiError('channel_not_allowed', `channel "${scope.channel}" is not allowed by this server's policy (TOKEN_CHANNEL_PATTERN)`);
  }
  if (scope.role === 'publisher' && !policy.allowPublisher) {
    throw new ApiError('publisher_disabled', "publisher tokens are disabled on this server (TOKEN_ALLOW_PUBLISHER); ask for role subscriber");
  }
  if (scope.expiry > policy.maxExpirySeconds) {
    throw new ApiError('expiry_too_long', `expiry ${scope.expiry} s exceeds this server's maximum of ${policy.maxExpirySeconds} s (TOKEN_MAX_EXPIRY_SECONDS)`);
  }
}

/** POST /api/inspect: the same key rule; the inspector page's own ticket stands in for a key. */
export function authorizeInspectRequest(request: Request, credentials: AgoraCredentials, policy = tokenPolicy()): void {
  requireKeyUnlessOwnPage(request, policy, () => verifyInspectTicket(request.headers.get(PAGE_TICKET_HEADER), credentials.appCertificate));
}
