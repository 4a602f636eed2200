import 'server-only';
// A room's host key: proof that its holder started the room (or was handed the host link). Derived
// from the channel name, so nothing needs storing and every instance computes the same key; the
// room store's claim decides who is given it. Signed like the page tickets (TOKEN_TICKET_SECRET, or
// a key derived from the App Certificate, never the certificate itself), under a label of its own
// so a ticket's signature can never pass for a host key. Never logged.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { ticketSecret } from '../settings';

const KEY_LABEL = 'agora-calls/host-key/v1';

const signingKey = (appCertificate: string) =>
  createHmac('sha256', ticketSecret() ?? appCertificate)
    .update(KEY_LABEL)
    .digest();

/** The channel's host key: base64url HMAC-SHA256, 43 characters. */
export const hostKey = (channel: string, appCertificate: string): string =>
  createHmac('sha256', signingKey(appCertificate)).update(channel).digest('base64url');

/** Whether `key` is this channel's host key (constant-time; anything malformed is simply false). */
export function isHostKey(channel: string, key: string | null | undefined, appCertificate: string): boolean {
  if (typeof key !== 'string' || !/^[A-Za-z0-9_-]{43}$/.test(key)) return false;
  return timingSafeEqual(Buffer.from(hostKey(channel, appCertificate)), Buffer.from(key));
}
