// Fetches tokens for the browser: from this app's /api, or from an external server that speaks the
// same /rtc/... and /rtm/... API (such as Agora's Go token service, which answers only the token).
import { PAGE_TICKET_HEADER, type RtcTokenResponse } from '../shared/call-contract';
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
}

const base = (config: TokenSourceConfig) => config.baseUrl.replace(/\/+$/, '');

export const rtcTokenUrl = (config: TokenSourceConfig, channel: string, uid: Uid) =>
  `${base(config)}/rtc/${encodeURIComponent(channel)}/publisher/uid/${uid}/?expiry=${config.expirySeconds}`;

export const rtmTokenUrl = (config: TokenSourceConfig, userId: string) =>
  `${base(config)}/rtm/${encodeURIComponent(userId)}/?expiry=${config.expirySeconds}`;

/** GETs a token answer; returns the token found under `field`, the App ID and when it expires. */
async function fetchToken(config: TokenSourceConfig, url: string, field: 'rtcToken' | 'rtmToken') {
  let response: Response;
  try {
    const headers: Record<string, string> = config.pageTicket ? { [PAGE_TICKET_HEADER]: config.pageTicket } : {};
    response = await fetch(url, { cache: 'no-store', headers });
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
  return { token, appId, expiresAt };
}

export async function fetchRtcToken(config: TokenSourceConfig, channel: string, uid: Uid): Promise<TokenGrant> {
  return { ...(await fetchToken(config, rtcTokenUrl(config, channel, uid), 'rtcToken')), uid, channel };
}

/** The Signaling (RTM) login token for this user id (the RTC uid as a string). */
export function fetchRtmToken(config: TokenSourceConfig, userId: string): Promise<SignalingGrant> {
  return fetchToken(config, rtmTokenUrl(config, userId), 'rtmToken');
}
