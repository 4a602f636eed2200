import 'server-only';
// A short proof that a token request comes from this app's own call page, for that page's channel
// and its own uids (the camera's and the screen share's), so the API can require keys from every
// other caller. Signed with TOKEN_TICKET_SECRET, or with a key derived from the App Certificate
// (never the certificate itself).
import { createHmac, timingSafeEqual } from 'node:crypto';

const LIFETIME_S = 12 * 3600;

/** What a ticket vouches for: RTC tokens for `channel` as one of `uids`, RTM tokens for those uids. */
export interface TicketScope {
  channel: string;
  uids: number[];
}

function signingKey(appCertificate: string): Buffer {
  const secret = process.env.TOKEN_TICKET_SECRET?.trim() || appCertificate;
  return createHmac('sha256', secret).update('agora-calls/page-ticket/v2').digest();
}

const sign = (key: Buffer, payload: string) => createHmac('sha256', key).update(payload).digest('base64url');

/** `<payload>.<signature>`, the payload being base64url JSON {c: channel, u: uids, e: expiry}. */
export function issuePageTicket(scope: TicketScope, appCertificate: string, nowS = Math.floor(Date.now() / 1000)): string {
  const payload = Buffer.from(JSON.stringify({ c: scope.channel, u: scope.uids, e: nowS + LIFETIME_S })).toString('base64url');
  return `${payload}.${sign(signingKey(appCertificate), payload)}`;
}

/** The scope of a genuine, unexpired ticket; null for anything else. */
export function readPageTicket(ticket: string | null, appCertificate: string, nowS = Math.floor(Date.now() / 1000)): TicketScope | null {
  const match = ticket?.match(/^([A-Za-z0-9_-]{1,400})\.([A-Za-z0-9_-]{43})$/);
  if (!match) return null;
  const expected = Buffer.from(sign(signingKey(appCertificate), match[1]!));
  const given = Buffer.from(match[2]!);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const { c, u, e } = JSON.parse(Buffer.from(match[1]!, 'base64url').toString());
    if (typeof c !== 'string' || !Array.isArray(u) || !u.every(Number.isInteger) || typeof e !== 'number' || e <= nowS) return null;
    return { channel: c, uids: u };
  } catch {
    return null;
  }
}
