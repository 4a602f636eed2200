import 'server-only';
import { createHash, timingSafeEqual } from 'node:crypto';
import { ApiError } from './http/api-error';
import type { AgoraCredentials } from './credentials';
import { PAGE_TICKET_HEADER } from '../shared/call-contract';
import { readPageTicket, verifyInspectTicket } from './page-ticket';
import type { Role } from '../shared/validation';
import { tokenPolicy, type TokenPolicy } from './settings';
import { requireOwnIdentity } from './auth/api-caller';
import type { SignedIn } from './auth/session';

// The one place that decides whether a request may get a token. The default policy comes from
// environment variables (settings.ts; README → Access control); with sign-in on (README → Sign-in) the
// caller's session (auth/api-caller.ts, read by the route first) must be for the identity asked for.

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

const digest = (value: string) => createHash('sha256').update(value).digest();

/** Whether the request carries one of the server's API keys (Authorization: Bearer <key>). */
export function hasApiKey(request: Request, keys: string[]): boolean {
  const presented = request.headers
    .get('authorization')
    ?.match(/^Bearer\s+(.+)$/i)?.[1]
    ?.trim();
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

export function authorizeTokenRequest(
  request: Request,
  scope: TokenScope,
  credentials: AgoraCredentials,
  policy = tokenPolicy(),
  /** The signed-in caller (null: sign-in off, or an API key speaks). */
  person: SignedIn | null = null,
): void {
  if (person) requireOwnIdentity(person, scope.identity);
  // A signed-in person's session is the proof a page ticket would be.
  requireKeyUnlessOwnPage(
    request,
    policy,
    () => person !== null || coveredByPageTicket(request, scope, credentials.appCertificate),
  );
  if (policy.channelPattern && scope.channel !== undefined && !policy.channelPattern.test(scope.channel)) {
    throw new ApiError(
      'channel_not_allowed',
      `channel "${scope.channel}" is not allowed by this server's policy (TOKEN_CHANNEL_PATTERN)`,
    );
  }
  if (scope.role === 'publisher' && !policy.allowPublisher) {
    throw new ApiError(
      'publisher_disabled',
      'publisher tokens are disabled on this server (TOKEN_ALLOW_PUBLISHER); ask for role subscriber',
    );
  }
  if (scope.expiry > policy.maxExpirySeconds) {
    throw new ApiError(
      'expiry_too_long',
      `expiry ${scope.expiry} s exceeds this server's maximum of ${policy.maxExpirySeconds} s ` +
        '(TOKEN_MAX_EXPIRY_SECONDS)',
    );
  }
}

/** POST /api/inspect: the same key rule; the inspector page's own ticket stands in for a key. */
export function authorizeInspectRequest(request: Request, credentials: AgoraCredentials, policy = tokenPolicy()): void {
  requireKeyUnlessOwnPage(request, policy, () =>
    verifyInspectTicket(request.headers.get(PAGE_TICKET_HEADER), credentials.appCertificate),
  );
}
