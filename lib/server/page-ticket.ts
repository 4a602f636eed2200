import 'server-only';
// A short proof that a request comes from one of this app's own pages, so the API can require keys
// from every other caller. The call page's ticket names its channel and its own uids (the camera's
// and the screen share's): RTC tokens for that channel and RTM tokens for those uids, nothing else.
// The token inspector's only lets POST /api/inspect check a signature. Each kind has its own key,
// so neither can stand in for the other. Signed with TOKEN_TICKET_SECRET, or with a key derived
// from the App Certificate (never the certificate itself). A call ticket also names the browser (b).
import { createHmac, timingSafeEqual } from 'node:crypto';
import { isBrowserId } from '../shared/browser-id';
import { ticketSecret } from './settings';

const LIFETIME_S = 12 * 3600;

/** What a call page's ticket vouches for. */
export interface TicketScope {
  channel: string;
  uids: number[];
  /** The browser's id (lib/shared/browser-id.ts); null for a page without the cookie, or an older ticket. */
  browser?: string | null;
}

type TicketKind = 'call' | 'inspect';
const KEY_LABELS: Record<TicketKind, string> = {
  call: 'agora-calls/page-ticket/v2',
  inspect: 'agora-calls/inspect-ticket/v2',
};

function signingKey(kind: TicketKind, appCertificate: string): Buffer {
  const secret = ticketSecret() ?? appCertificate;
  return createHmac('sha256', secret).update(KEY_LABELS[kind]).digest();
}

const sign = (kind: TicketKind, appCertificate: string, payload: string) =>
  createHmac('sha256', signingKey(kind, appCertificate)).update(payload).digest('base64url');

const nowSeconds = () => Math.floor(Date.now() / 1000);

/** `<payload>.<signature>`, the payload being base64url JSON with the scope and the expiry (e). */
function issue(kind: TicketKind, scope: object, appCertificate: string, nowS: number): string {
  const payload = Buffer.from(JSON.stringify({ ...scope, e: nowS + LIFETIME_S })).toString('base64url');
  return `${payload}.${sign(kind, appCertificate, payload)}`;
}

/** The payload of a genuine, unexpired ticket of this kind; null for anything else. */
function read(
  kind: TicketKind,
  ticket: string | null,
  appCertificate: string,
  nowS: number,
): Record<string, unknown> | null {
  const match = ticket?.match(/^([A-Za-z0-9_-]{1,400})\.([A-Za-z0-9_-]{43})$/);
  if (!match) return null;
  const expected = Buffer.from(sign(kind, appCertificate, match[1]!));
  const given = Buffer.from(match[2]!);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const payload = JSON.parse(Buffer.from(match[1]!, 'base64url').toString());
    return typeof payload === 'object' && payload !== null && typeof payload.e === 'number' && payload.e > nowS
      ? payload
      : null;
  } catch {
    return null;
  }
}

export const issuePageTicket = (scope: TicketScope, appCertificate: string, nowS = nowSeconds()) =>
  issue(
    'call',
    { c: scope.channel, u: scope.uids, ...(scope.browser ? { b: scope.browser } : {}) },
    appCertificate,
    nowS,
  );

/** The scope of a genuine, unexpired call page ticket; null for anything else. */
export function readPageTicket(ticket: string | null, appCertificate: string, nowS = nowSeconds()): TicketScope | null {
  const payload = read('call', ticket, appCertificate, nowS);
  const { c, u, b } = payload ?? {};
  if (typeof c !== 'string' || !Array.isArray(u) || !u.every(Number.isInteger)) return null;
  return { channel: c, uids: u, browser: isBrowserId(b) ? b : null };
}

export const issueInspectTicket = (appCertificate: string, nowS = nowSeconds()) =>
  issue('inspect', {}, appCertificate, nowS);

export const verifyInspectTicket = (ticket: string | null, appCertificate: string, nowS = nowSeconds()) =>
  read('inspect', ticket, appCertificate, nowS) !== null;
