import 'server-only';
import type { CallPageConfig, Mode } from '../shared/call-contract';
import { randomInt } from 'node:crypto';
import { isBrowserId } from '../shared/browser-id';
import { UID_MAX } from '../shared/validation';
import { getAgoraCredentials } from './credentials';
import { callPageSettings, tokenPolicy, tokenServer } from './settings';
import { ApiError } from './http/api-error';
import { issuePageTicket } from './page-ticket';
import type { SignedIn } from './auth/session';

// Builds what the call page hands the browser (lib/shared/call-contract.ts): how to fetch tokens, for how
// long, and the page ticket that proves the request comes from this page.

/** Two different random uids (1..2^32-1): the person's camera client and their screen-share client. */
function pageUids(): [number, number] {
  const uid = randomInt(1, UID_MAX + 1);
  let screenUid = randomInt(1, UID_MAX + 1);
  while (screenUid === uid) screenUid = randomInt(1, UID_MAX + 1);
  return [uid, screenUid];
}

/**
 * `browserId`: the agora-calls-browser cookie (proxy.ts sets it), put in the ticket when well-formed.
 * `person`: the signed-in person (sign-in on), whose own uids and id the page gets instead.
 */
export function callPageConfig(
  channel: string,
  browserId: string | null = null,
  person: SignedIn | null = null,
): CallPageConfig {
  const [uid, screenUid] = person ? [person.ids.uid, person.ids.screenUid] : pageUids();
  const { url: external, fallbackAppId } = tokenServer();
  let mode: Mode = 'agora';
  let configurationError: string | null = null;
  let pageTicket: string | null = null;
  // Shown to the operator as the configuration error below when a value is wrong.
  let { tokenExpirySeconds, joinTimeoutMs } = { tokenExpirySeconds: 300, joinTimeoutMs: 15_000 };
  try {
    ({ tokenExpirySeconds, joinTimeoutMs } = callPageSettings());
    if (!external) {
      const credentials = getAgoraCredentials();
      mode = credentials.mode;
      const browser = person?.ids.person ?? (isBrowserId(browserId) ? browserId : null);
      pageTicket = issuePageTicket({ channel, uids: [uid, screenUid], browser }, credentials.appCertificate);
      // The page keeps working under a stricter maximum lifetime: it asks for no more than allowed.
      tokenExpirySeconds = Math.min(tokenExpirySeconds, tokenPolicy().maxExpirySeconds);
    }
  } catch (error) {
    configurationError = error instanceof ApiError ? error.message : 'The server is misconfigured.';
  }
  return {
    mode,
    uid,
    screenUid,
    tokenBaseUrl: external ?? '/api',
    fallbackAppId,
    tokenExpirySeconds,
    pageTicket,
    joinTimeoutMs,
    configurationError,
    ...(person && {
      signedIn: { name: person.profile.name?.slice(0, 64) ?? null, email: person.profile.email },
    }),
  };
}
