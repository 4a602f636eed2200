// What the server tells the browser, shared by both sides so client code never imports a type
// from a server-only module: the mode, the call page's configuration, the page ticket header and
// the token API's answer.

/** `local`: calls between browsers on this server; `agora`: Agora SD-RTN with real credentials. */
export type Mode = 'local' | 'agora';

/** What the call page hands its client component: never a secret, only how to get and use tokens. */
export interface CallPageConfig {
  mode: Mode;
  /** This page's uid in the call (also its Signaling user id); random, kept across rejoins. */
  uid: number;
  /** The uid its screen share joins with (a second client, as the Agora SDK requires). */
  screenUid: number;
  /** Base URL of the token API: "/api" for this app, or an external server with the same routes. */
  tokenBaseUrl: string;
  /** The App ID to join with when an external token server does not return one. */
  fallbackAppId: string | null;
  tokenExpirySeconds: number;
  joinTimeoutMs: number;
  /**
   * Proves to this app's token API that a request comes from this page, for its channel and uids
   * (lib/server/page-ticket.ts).
   */
  pageTicket: string | null;
  /** Set when the server cannot issue tokens (e.g. credentials missing on Vercel). */
  configurationError: string | null;
  /** With sign-in on: who is signed in (the uids above are theirs); absent with sign-in off. */
  signedIn?: { name: string | null; email: string | null };
}

/** The request header that carries the page ticket, sent to this app's own API only. */
export const PAGE_TICKET_HEADER = 'x-call-ticket';

/** GET /api/rtc/…: the fields the call page reads. Agora's Go token service sends only `rtcToken`. */
export interface RtcTokenResponse {
  rtcToken: string;
  channel: string;
  uid?: number;
  account?: string;
  role: 'publisher' | 'subscriber';
  appId: string;
  /** Lifetime in seconds. */
  expiry: number;
  /** Unix seconds. */
  expiresAt: number;
  /**
   * Unix seconds when the publish privileges end, when sooner than the token (people on a stage);
   * absent for a subscriber token.
   */
  publishExpiresAt?: number;
  mode: Mode;
}

/** What the token inspector page (/inspect) hands its client component: never a secret. */
export interface InspectPageConfig {
  /** null when the server is not configured to issue tokens. */
  mode: Mode | null;
  /** The App ID this app's call page joins with, when known: the checklist compares against it. */
  joinAppId: string | null;
  /** This server holds the certificate for this App ID, so POST /api/inspect can check such tokens. */
  verifiableAppId: string | null;
  /** Proves to POST /api/inspect that the request comes from the inspector page (sent as PAGE_TICKET_HEADER). */
  inspectTicket: string | null;
}
