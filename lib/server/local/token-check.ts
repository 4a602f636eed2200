import 'server-only';
// Local mode checks RTC tokens the way Agora's edge does, and says exactly what did not match.
import { decodeAccessToken, RTC_PRIVILEGE } from '../access-token';

/** Why local mode refused a token, in the words the Agora SDK uses (the client maps them). */
export interface TokenRefusal {
  code: 'CAN_NOT_GET_GATEWAY_SERVER' | 'TOKEN_EXPIRE' | 'INVALID_PARAMS';
  error: string;
  /** What exactly did not match; Agora keeps this to itself, local mode says it to help developers. */
  reason: string;
}

export interface TokenGrantCheck {
  /** Unix seconds when the join privilege ends. */
  expiresAt: number;
  canPublishAudio: boolean;
  canPublishVideo: boolean;
}

interface Expected {
  appId: string;
  appCertificate: string;
  channel: string;
  uid: number;
  nowS: number;
}

/** AccessToken2's RTM service has one privilege: login. */
const RTM_PRIVILEGE_LOGIN = 1;

const invalid = (reason: string): TokenRefusal => ({
  code: 'CAN_NOT_GET_GATEWAY_SERVER',
  error: 'invalid token, authorized failed',
  reason,
});

/** Privilege values count seconds from the token's issue time; 0 means "as long as the token". */
function privilegeEnd(issuedAt: number, value: number | undefined, tokenEnd: number): number | null {
  if (value === undefined) return null;
  return value === 0 ? tokenEnd : Math.min(tokenEnd, issuedAt + value);
}

/** Checks an RTC token the way Agora's edge does: app, signature, channel, uid, join privilege, expiry. */
export function checkRtcToken(token: unknown, expected: Expected): TokenGrantCheck | TokenRefusal {
  if (typeof token !== 'string' || token === '') {
    return { code: 'CAN_NOT_GET_GATEWAY_SERVER', error: 'dynamic use static key', reason: 'no token was sent, and this project requires one' };
  }
  const decoded = decodeAccessToken(token, expected.appCertificate);
  if (!decoded) return invalid('the token is malformed or its signature does not match this App Certificate');
  if (decoded.appId !== expected.appId) return invalid(`the token is for App ID ${decoded.appId}, not this one`);
  const rtc = decoded.rtc.find((service) => service.channel === expected.channel);
  if (!rtc) {
    const channels = decoded.rtc.map((service) => `"${service.channel}"`).join(', ') || 'no channel';
    return invalid(`the token is for ${channels}, not channel "${expected.channel}"`);
  }
  if (rtc.uid !== '' && rtc.uid !== String(expected.uid)) {
    return invalid(`the token is for uid ${rtc.uid}, not uid ${expected.uid}`);
  }
  const tokenEnd = decoded.issuedAt + (decoded.expire || 86400);
  const joinEnd = privilegeEnd(decoded.issuedAt, rtc.privileges[RTC_PRIVILEGE.join], tokenEnd);
  if (joinEnd === null) return invalid('the token carries no join privilege');
  if (joinEnd <= expected.nowS) {
    return { code: 'TOKEN_EXPIRE', error: 'token expired', reason: `the join privilege ended ${expected.nowS - joinEnd} s ago` };
  }
  const audioEnd = privilegeEnd(decoded.issuedAt, rtc.privileges[RTC_PRIVILEGE.publishAudio], tokenEnd);
  const videoEnd = privilegeEnd(decoded.issuedAt, rtc.privileges[RTC_PRIVILEGE.publishVideo], tokenEnd);
  return {
    expiresAt: joinEnd,
    canPublishAudio: audioEnd !== null && audioEnd > expected.nowS,
    canPublishVideo: videoEnd !== null && videoEnd > expected.nowS,
  };
}

/** Checks a Signaling (RTM) login token: app, signature, user id, login privilege, expiry. */
export function checkRtmToken(token: unknown, expected: Omit<Expected, 'channel' | 'uid'> & { userId: string }): { expiresAt: number } | TokenRefusal {
  if (typeof token !== 'string' || token === '') {
    return { code: 'CAN_NOT_GET_GATEWAY_SERVER', error: 'dynamic use static key', reason: 'no token was sent, and this project requires one' };
  }
  const decoded = decodeAccessToken(token, expected.appCertificate);
  if (!decoded) return invalid('the token is malformed or its signature does not match this App Certificate');
  if (decoded.appId !== expected.appId) return invalid(`the token is for App ID ${decoded.appId}, not this one`);
  const rtm = decoded.rtm[0];
  if (!rtm) return invalid('the token carries no Signaling (RTM) service');
  if (rtm.userId !== expected.userId) return invalid(`the token is for user id "${rtm.userId}", not "${expected.userId}"`);
  const tokenEnd = decoded.issuedAt + (decoded.expire || 86400);
  const loginEnd = privilegeEnd(decoded.issuedAt, rtm.privileges[RTM_PRIVILEGE_LOGIN], tokenEnd);
  if (loginEnd === null) return invalid('the token carries no login privilege');
  if (loginEnd <= expected.nowS) {
    return { code: 'TOKEN_EXPIRE', error: 'token expired', reason: `the login privilege ended ${expected.nowS - loginEnd} s ago` };
  }
  return { expiresAt: loginEnd };
}

export const isRefusal = <T extends object>(result: T | TokenRefusal): result is TokenRefusal => 'code' in result;
