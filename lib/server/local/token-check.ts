import 'server-only';
// Local mode checks RTC tokens the way Agora's edge does, and says exactly what did not match.
// The signature is checked here with the certificate; the claims go through the shared rules
// (lib/token-rules.ts), which the token inspector and the call page show to people too.
import { accessToken2Claims, grantFor, joinChecks, joinRefusal, privilegeOpen, RTC_PRIVILEGE, SDK_ERRORS, type SdkError } from '../../token-rules';
import { decodeAccessToken } from '../access-token';

/** Why local mode refused a token, in the words the Agora SDK uses (the client maps them). */
export interface TokenRefusal {
  code: SdkError['code'];
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

/** Checks an RTC token the way Agora's edge does: app, signature, channel, uid, join privilege, expiry. */
export function checkRtcToken(token: unknown, expected: Expected): TokenGrantCheck | TokenRefusal {
  if (typeof token !== 'string' || token === '') {
    return { code: SDK_ERRORS.noToken.code, error: SDK_ERRORS.noToken.message, reason: 'no token was sent, and this project requires one' };
  }
  const decoded = decodeAccessToken(token, expected.appCertificate);
  if (!decoded) {
    return { code: SDK_ERRORS.invalidToken.code, error: SDK_ERRORS.invalidToken.message, reason: 'the token is malformed or its signature does not match this App Certificate' };
  }
  const { appId, channel, uid, nowS } = expected;
  const claims = accessToken2Claims(decoded);
  const refused = joinRefusal(
    joinChecks(claims, { appId, channel, identity: { kind: 'uid', uid }, role: null, nowS, publishEnforced: true }),
  );
  if (refused) return { code: refused.sdkError.code, error: refused.sdkError.message, reason: refused.detail };
  const grant = grantFor(claims, channel)!;
  return {
    expiresAt: grant.ends[RTC_PRIVILEGE.join]!,
    canPublishAudio: privilegeOpen(grant, RTC_PRIVILEGE.publishAudio, nowS),
    canPublishVideo: privilegeOpen(grant, RTC_PRIVILEGE.publishVideo, nowS),
  };
}

export const isRefusal = (result: TokenGrantCheck | TokenRefusal): result is TokenRefusal => 'code' in result;
