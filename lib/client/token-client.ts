// Fetches RTC tokens for the browser: from this app's /api, or from an external server that speaks
// the same /rtc/... API (such as Agora's Go token service, which answers only {"rtcToken"}).
import { PAGE_TICKET_HEADER, type RtcTokenResponse } from '../call-contract';
import { TokenFetchError } from '../call-problems';
import type { TokenGrant, Uid } from '../rtc-client';
import { readApiAnswer } from './api-answer';

export interface TokenSourceConfig {
  /** Base URL of the token API: "/api" for this app, or e.g. "https://tokens.example.com". */
  baseUrl: string;
  /** Needed when the token server does not return the App ID (the Go service does not). */
  fallbackAppId: string | null;
  expirySeconds: number;
  /** This app's own page ticket, sent only to its own API. */
  pageTicket?: string | null;
}

export function rtcTokenUrl(config: TokenSourceConfig, channel: string, uid: Uid): string {
  const base = config.baseUrl.replace(/\/+$/, '');
  return `${base}/rtc/${encodeURIComponent(channel)}/publisher/uid/${uid}/?expiry=${config.expirySeconds}`;
}

export async function fetchRtcToken(config: TokenSourceConfig, channel: string, uid: Uid): Promise<TokenGrant> {
  let response: Response;
  try {
    const headers: Record<string, string> = config.pageTicket ? { [PAGE_TICKET_HEADER]: config.pageTicket } : {};
    response = await fetch(rtcTokenUrl(config, channel, uid), { cache: 'no-store', headers });
  } catch {
    throw new TokenFetchError('The token server could not be reached. Check your connection.');
  }
  const answer = await readApiAnswer(response);
  if (answer.error !== null) throw new TokenFetchError(`The token server refused: ${answer.error}`, answer.status);
  const body = answer.body as Partial<RtcTokenResponse>;
  const appId = typeof body.appId === 'string' ? body.appId : config.fallbackAppId;
  if (typeof body.rtcToken !== 'string' || !appId) {
    throw new TokenFetchError(
      appId ? 'The token server answered without an rtcToken.' : 'The token server sent no App ID: set NEXT_PUBLIC_AGORA_APP_ID.',
      response.status,
    );
  }
  const expiresAt = typeof body.expiresAt === 'number' ? body.expiresAt : Math.floor(Date.now() / 1000) + config.expirySeconds;
  return { token: body.rtcToken, appId, uid, channel, expiresAt };
}
