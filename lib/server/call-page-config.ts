import 'server-only';
import type { CallPageConfig, Mode } from '../shared/call-contract';
import { randomInt } from 'node:crypto';
import { EXPIRY_MAX_SECONDS, UID_MAX } from '../shared/validation';
import { tokenPolicy } from './authorize';
import { getAgoraCredentials } from './credentials';
import { ApiError } from './http/api-error';
import { issuePageTicket } from './page-ticket';

// Builds what the call page hands the browser (lib/shared/call-contract.ts): how to fetch tokens, for how
// long, and the page ticket that proves the request comes from this page.

const DEFAULT_TOKEN_EXPIRY_SECONDS = 300;
const DEFAULT_JOIN_TIMEOUT_MS = 15_000;

function intFromEnv(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    console.warn(`${name}=${raw} is not an integer from ${min} to ${max}; using ${fallback}`);
    return fallback;
  }
  return value;
}

/** The lifetime the call page asks for: short by default, so renewal happens in everyday use. */
export const callTokenExpirySeconds = () =>
  intFromEnv('TOKEN_EXPIRY_SECONDS', DEFAULT_TOKEN_EXPIRY_SECONDS, 40, EXPIRY_MAX_SECONDS);

/** Two different random uids (1..2^32-1): the person's camera client and their screen-share client. */
function pageUids(): [number, number] {
  const uid = randomInt(1, UID_MAX + 1);
  let screenUid = randomInt(1, UID_MAX + 1);
  while (screenUid === uid) screenUid = randomInt(1, UID_MAX + 1);
  return [uid, screenUid];
}

export function callPageConfig(channel: string): CallPageConfig {
  const [uid, screenUid] = pageUids();
  const external = process.env.NEXT_PUBLIC_TOKEN_SERVER_URL?.trim() || null;
  let mode: Mode = 'agora';
  let configurationError: string | null = null;
  let pageTicket: string | null = null;
  let tokenExpirySeconds = callTokenExpirySeconds();
  if (!external) {
    try {
      const credentials = getAgoraCredentials();
      mode = credentials.mode;
      pageTicket = issuePageTicket({ channel, uids: [uid, screenUid] }, credentials.appCertificate);
      // The page keeps working under a stricter maximum lifetime: it asks for no more than allowed.
      tokenExpirySeconds = Math.min(tokenExpirySeconds, tokenPolicy().maxExpirySeconds);
    } catch (error) {
      configurationError = error instanceof ApiError ? error.message : 'The server is misconfigured.';
    }
  }
  return {
    mode,
    uid,
    screenUid,
    tokenBaseUrl: external ?? '/api',
    fallbackAppId: process.env.NEXT_PUBLIC_AGORA_APP_ID?.trim() || null,
    tokenExpirySeconds,
    pageTicket,
    joinTimeoutMs: intFromEnv('JOIN_TIMEOUT_MS', DEFAULT_JOIN_TIMEOUT_MS, 1000, 120_000),
    configurationError,
  };
}
