import 'server-only';
// Reads AccessToken2 strings and checks their signature with the App Certificate: local mode's
// token enforcement and the tests use it; the certificate never leaves the server.
import {
  AccessToken2,
  kChatServiceType,
  kRtcServiceType,
  kRtmServiceType,
  type ServiceChat,
  type ServiceRtc,
  type ServiceRtm,
} from 'agora-token/src/AccessToken2';

export interface DecodedAccessToken {
  appId: string;
  /** Unix seconds. */
  issuedAt: number;
  /** Seconds after issuedAt; Agora also reads privilege values this way. */
  expire: number;
  salt: number;
  rtc: { channel: string; uid: string; privileges: Record<number, number> }[];
  rtm: { userId: string; privileges: Record<number, number> }[];
  chat: { userId: string; privileges: Record<number, number> }[];
}

const text = (value: Buffer | string) => value.toString();
const privileges = (raw: Record<string, number>) =>
  Object.fromEntries(Object.entries(raw).map(([key, value]) => [Number(key), value]));

/** agora-token's parse and its constant-time signature check (timingSafeEqual on the HMAC). */
function parseSigned(token: string, appCertificate: string): AccessToken2 | null {
  const parsed = new AccessToken2();
  return parsed.from_string(token) && parsed.verifySignature(appCertificate) ? parsed : null;
}

/** Whether `appCertificate` signed this AccessToken2: one boolean, nothing about which part differs. */
export const isSignedWith = (token: string, appCertificate: string): boolean =>
  parseSigned(token, appCertificate) !== null;

/**
 * Parses an AccessToken2 ("007…") and checks its signature against `appCertificate`.
 * Returns null when the token is malformed or the signature does not match.
 */
export function decodeAccessToken(token: string, appCertificate: string): DecodedAccessToken | null {
  const parsed = parseSigned(token, appCertificate);
  if (!parsed) return null;
  return {
    appId: text(parsed.appId),
    issuedAt: parsed.issueTs,
    expire: parsed.expire,
    salt: parsed.salt,
    rtc: (parsed.getServices(kRtcServiceType) as ServiceRtc[]).map((service) => ({
      channel: text(service.__channel_name),
      uid: text(service.__uid),
      privileges: privileges(service.__privileges),
    })),
    rtm: (parsed.getServices(kRtmServiceType) as ServiceRtm[]).map((service) => ({
      userId: text(service.__user_id),
      privileges: privileges(service.__privileges),
    })),
    chat: (parsed.getServices(kChatServiceType) as ServiceChat[]).map((service) => ({
      userId: text(service.__user_id),
      privileges: privileges(service.__privileges),
    })),
  };
}
