import 'server-only';
import { createHmac, timingSafeEqual } from 'node:crypto';

// A short proof that a request comes from one of this app's own pages, so the API can require
// keys from every other caller: the call page's ticket is bound to its channel and only mints that
// channel's RTC tokens; the token inspector's only asks POST /api/inspect to check a signature.
// Each kind has its own key, so neither can stand in for the other. Signed with
// TOKEN_TICKET_SECRET, or with a key derived from the App Certificate (never the certificate itself).

const LIFETIME_S = 12 * 3600;

type TicketKind = 'call' | 'inspect';
const KEY_LABELS: Record<TicketKind, string> = { call: 'agora-calls/page-ticket/v1', inspect: 'agora-calls/inspect-ticket/v1' };

function signingKey(kind: TicketKind, appCertificate: string): Buffer {
  const secret = process.env.TOKEN_TICKET_SECRET?.trim() || appCertificate;
  return createHmac('sha256', secret).update(KEY_LABELS[kind]).digest();
}

const sign = (key: Buffer, expires: number, subject: string) =>
  createHmac('sha256', key).update(`${expires}\n${subject}`).digest('base64url');

function issue(kind: TicketKind, subject: string, appCertificate: string, nowS: number): string {
  const expires = nowS + LIFETIME_S;
  return `${expires}.${sign(signingKey(kind, appCertificate), expires, subject)}`;
}

function verify(kind: TicketKind, ticket: string | null, subject: string, appCertificate: string, nowS: number): boolean {
  const match = ticket?.match(/^(\d{1,12})\.([A-Za-z0-9_-]{43})$/);
  if (!match) return false;
  const expires = Number(match[1]);
  if (expires <= nowS) return false;
  const expected = Buffer.from(sign(signingKey(kind, appCertificate), expires, subject));
  const given = Buffer.from(match[2]!);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

const nowSeconds = () => Math.floor(Date.now() / 1000);

export const issuePageTicket = (channel: string, appCertificate: string, nowS = nowSeconds()) => issue('call', channel, appCertificate, nowS);

export const verifyPageTicket = (ticket: string | null, channel: string, appCertificate: string, nowS = nowSeconds()) =>
  verify('call', ticket, channel, appCertificate, nowS);

export const issueInspectTicket = (appCertificate: string, nowS = nowSeconds()) => issue('inspect', '', appCertificate, nowS);

export const verifyInspectTicket = (ticket: string | null, appCertificate: string, nowS = nowSeconds()) =>
  verify('inspect', ticket, '', appCertificate, nowS);
