// Fetches tokens for the browser: from this app's /api, or from an external server that speaks the
// same /rtc/... and /rtm/... API (such as Agora's Go token service, which answers only the token).
import { PAGE_TICKET_HEADER, type RtcTokenResponse } from '../shared/call-contract';
import { HOST_KEY_HEADER } from '../shared/room-contract';
import type { TokenRole } from './client-role';
import { TokenFetchError } from './call-problems';
import type { TokenGrant, Uid } from './engine/rtc';
import { readApiAnswer } from './api-answer';
import type { SignalingGrant } from './presence/presence-session';

export interface TokenSourceConfig {
  /** Base URL of the token API: "/api" for this app, or e.g. "https://tokens.example.com". */
  baseUrl: string;
  /** Needed when the token server does not return the App ID (the Go service does not). */
  fallbackAppId: string | null;
  expirySeconds: number;
  /** This app's own page ticket, sent only to its own API. */
  pageTicket?: string | null;
  /** The room's host key when this person is a host, sent with the page ticket only (this app's own API). */
  hostKey?: string | null;
}

const base = (config: TokenSourceConfig) => config.baseUrl.replace(/\/+$/, '');

export const rtcTokenUrl = (config: TokenSourceConfig, channel: string, uid: Uid, role: TokenRole = 'publisher') =>
  `${base(config)}/rtc/${encodeURIComponent(channel)}/${role}/uid/${uid}/?expiry=${config.expirySeconds}`;

/** What this app's own API is sent: the page ticket, and the host key with it. */
function ownHeaders(config: TokenSourceConfig): Record<string, string> {
  if (!config.pageTicket) return {};
  return { [PAGE_TICKET_HEADER]: config.pageTicket, ...(config.hostKey && { [HOST_KEY_HEADER]: config.hostKey }) };
}

export const rtmTokenUrl = (config: TokenSourceConfig, userId: string) =>
  `${base(config)}/rtm/${encodeURIComponent(userId)}/?expiry=${config.expirySeconds}`;

/** GETs a token answer; returns the token found under `field`, the App ID and when it expires. */
async function fetchToken(config: TokenSourceConfig, url: string, field: 'rtcToken' | 'rtmToken') {
  let response: Response;
  try {
    response = await fetch(url, { cache: 'no-store', headers: ownHeaders(config) });
  } catch {
    throw new TokenFetchError('The token server could not be reached. Check your connection.');
  }
  const answer = await readApiAnswer(response);
  if (answer.error !== null)
    throw new TokenFetchError(`The token server refused: ${answer.error}`, answer.status, answer.code);
  const body = answer.body as Partial<RtcTokenResponse> & { rtmToken?: unknown };
  const token = body[field];
  const appId = typeof body.appId === 'string' ? body.appId : config.fallbackAppId;
  if (typeof token !== 'string' || !appId) {
    throw new TokenFetchError(
      appId
        ? `The token server answered without an ${field}.`
        : 'The token server sent no App ID: set NEXT_PUBLIC_AGORA_APP_ID.',
      response.status,
    );
  }
  const expiresAt =
    typeof body.expiresAt === 'number' ? body.expiresAt : Math.floor(Date.now() / 1000) + config.expirySeconds;
  return { token, appId, expiresAt, body };
}

/** An RTC token for a role; the server decides which it gives (a stage room's audience gets no publish privilege). */
export async function fetchRtcToken(
  config: TokenSourceConfig,
  channel: string,
  uid: Uid,
  role: TokenRole = 'publisher',
): Promise<TokenGrant> {
  const { token, appId, expiresAt, body } = await fetchToken(
    config,
    rtcTokenUrl(config, channel, uid, role),
    'rtcToken',
  );
  const grant: TokenGrant = { token, appId, expiresAt, uid, channel };
  if (body.role === 'subscriber') grant.publishExpiresAt = null;
  else if (typeof body.publishExpiresAt === 'number') grant.publishExpiresAt = body.publishExpiresAt;
  return grant;
}

/** The Signaling (RTM) login token for this user id (the RTC uid as a string). */
export async function fetchRtmToken(config: TokenSourceConfig, userId: string): Promise<SignalingGrant> {
  const { token, appId, expiresAt } = await fetchToken(config, rtmTokenUrl(config, userId), 'rtmToken');
  return { token, appId, expiresAt };
}
