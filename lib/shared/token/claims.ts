// What a token grants, read the same way for AccessToken2 and 006: for each channel and uid, when
// each privilege ends (absolute Unix seconds). The join rules (rules.ts) compare these claims.
import type { DecodedToken } from './decode';
import { accessToken2End, accessToken2PrivilegeEnd, legacyPrivilegeEnd } from './timing';

/** RTC privilege numbers, the same in AccessToken2 and 006. */
export const RTC_PRIVILEGE = { join: 1, publishAudio: 2, publishVideo: 3, publishData: 4 } as const;

/** One RTC grant with absolute end times, whatever the token's format. */
export interface RtcGrant {
  /** The channel name, or (006) only its CRC32. */
  channel: string | { crc32: number };
  /** The uid or user account, or (006) its CRC32; "" (CRC32 0) lets any uid join. */
  uid: string | { crc32: number };
  /** Privilege number → the Unix second it ends. */
  ends: Record<number, number>;
}

export interface JoinClaims {
  appId: string;
  grants: RtcGrant[];
}

/** An AccessToken2 as both decoders give it: agora-token's on the server, token-decode.ts anywhere. */
export interface AccessToken2Fields {
  appId: string;
  issuedAt: number;
  expire: number;
  rtc: { channel: string; uid: string; privileges: Record<number, number> }[];
}

function endsOf(privileges: Record<number, number>, end: (value: number) => number | null): Record<number, number> {
  return Object.fromEntries(Object.entries(privileges).map(([privilege, value]) => [Number(privilege), end(value)!]));
}

export function accessToken2Claims({ appId, issuedAt, expire, rtc }: AccessToken2Fields): JoinClaims {
  const tokenEnd = accessToken2End(issuedAt, expire);
  const grants = rtc.map(({ channel, uid, privileges }) => ({
    channel,
    uid,
    ends: endsOf(privileges, (value) => accessToken2PrivilegeEnd(issuedAt, value, tokenEnd)),
  }));
  return { appId, grants };
}

export function joinClaims(token: DecodedToken): JoinClaims {
  if (token.version === '007') return accessToken2Claims(token);
  const ends = endsOf(token.privileges, (value) => legacyPrivilegeEnd(value, token.expiresAt));
  return {
    appId: token.appId,
    grants: [{ channel: { crc32: token.channelCrc32 }, uid: { crc32: token.uidCrc32 }, ends }],
  };
}
