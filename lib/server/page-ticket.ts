import 'server-only';
import { createHmac, timingSafeEqual } from 'node:crypto';

// A short proof that a token request comes from this app's own call page for that channel, so
// the API can require keys from every other caller. Signed with TOKEN_TICKET_SECRET, or with a key
// derived from the App Certificate (never the certificate itself).

const LIFETIME_S = 12 * 3600;

function signingKey(appCertificate: string): Buffer {
  const secret = process.env.TOKEN_TICKET_SECRET?.trim() || appCertificate;
  return createHmac('sha256', secret).update('agora-calls/page-ticket/v1').digest();
}

const sign = (key: Buffer, expires: number, channel: string) =>
  createHmac('sha256', key).update(`${expires}\n${channel}`).digest('base64url');

export function issuePageTicket(channel: string, appCertificate: string, nowS = Math.floor(Date.now() / 1000)): string {
  const expires = nowS + LIFETIME_S;
  return `${expires}.${sign(signingKey(appCertificate), expires, channel)}`;
}

export function verifyPageTicket(ticket: string | null, channel: string, appCertificate: string, nowS = Math.floor(Date.now() / 1000)): boolean {
  const match = ticket?.match(/^(\d{1,12})\.([A-Za-z0-9_-]{43})$/);
  if (!match) return false;
  const expires = Number(match[1]);
  if (expires <= nowS) return false;
  const expected = Buffer.from(sign(signingKey(appCertificate), expires, channel));
  const given = Buffer.from(match[2]!);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
