import 'server-only';
// Local mode checks RTC tokens the way Agora's edge does, and says exactly what did not match.
// The signature is checked here with the certificate; the claims go through the shared rules
// (lib/shared/token/rules.ts), which the token inspector and the call page show to people too.
import { grantFor, joinChecks, joinRefusal, SDK_ERRORS, type SdkError } from '../../shared/token/rules';
import { accessToken2Claims, RTC_PRIVILEGE } from '../../shared/token/claims';
import { accessToken2End, accessToken2PrivilegeEnd } from '../../shared/token/timing';
import { decodeAccessToken } from '../access-token';
import { ApiError } from '../http/api-error';
import type { ErrorCode } from '../../shared/error-codes';

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
  /** Unix seconds when each publish privilege ends (it may have already); null: the token has none. */
  publishEnds: PublishEnds;
}

export interface PublishEnds {
  audio: number | null;
  video: number | null;
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
  code: SDK_ERRORS.invalidToken.code,
  error: SDK_ERRORS.invalidToken.message,
  reason,
});
const NO_TOKEN: TokenRefusal = {
  code: SDK_ERRORS.noToken.code,
  error: SDK_ERRORS.noToken.message,
  reason: 'no token was sent, and this project requires one',
};
const NOT_SIGNED = 'the token is malformed or its signature does not match this App Certificate';

/** Checks an RTC token the way Agora's edge does: app, signature, channel, uid, join privilege, expiry. */
export function checkRtcToken(token: unknown, expected: Expected): TokenGrantCheck | TokenRefusal {
  if (typeof token !== 'string' || token === '') return NO_TOKEN;
  const decoded = decodeAccessToken(token, expected.appCertificate);
  if (!decoded) return invalid(NOT_SIGNED);
  const { appId, channel, uid, nowS } = expected;
  const claims = accessToken2Claims(decoded);
  const refused = joinRefusal(
    joinChecks(claims, { appId, channel, identity: { kind: 'uid', uid }, role: null, nowS, publishEnforced: true }),
  );
  if (refused) return { code: refused.sdkError.code, error: refused.sdkError.message, reason: refused.detail };
  const grant = grantFor(claims, channel)!;
  return {
    expiresAt: grant.ends[RTC_PRIVILEGE.join]!,
    publishEnds: {
      audio: grant.ends[RTC_PRIVILEGE.publishAudio] ?? null,
      video: grant.ends[RTC_PRIVILEGE.publishVideo] ?? null,
    },
  };
}

/** Checks a Signaling (RTM) login token: app, signature, user id, login privilege, expiry. */
export function checkRtmToken(
  token: unknown,
  expected: Omit<Expected, 'channel' | 'uid'> & { userId: string },
): { expiresAt: number } | TokenRefusal {
  if (typeof token !== 'string' || token === '') return NO_TOKEN;
  const decoded = decodeAccessToken(token, expected.appCertificate);
  if (!decoded) return invalid(NOT_SIGNED);
  if (decoded.appId !== expected.appId) return invalid(`the token is for App ID ${decoded.appId}, not this one`);
  const rtm = decoded.rtm[0];
  if (!rtm) return invalid('the token carries no Signaling (RTM) service');
  if (rtm.userId !== expected.userId)
    return invalid(`the token is for user id "${rtm.userId}", not "${expected.userId}"`);
  const loginEnd = accessToken2PrivilegeEnd(
    decoded.issuedAt,
    rtm.privileges[RTM_PRIVILEGE_LOGIN],
    accessToken2End(decoded.issuedAt, decoded.expire),
  );
  if (loginEnd === null) return invalid('the token carries no login privilege');
  if (loginEnd <= expected.nowS) {
    return {
      code: SDK_ERRORS.expired.code,
      error: SDK_ERRORS.expired.message,
      reason: `the login privilege ended ${expected.nowS - loginEnd} s ago`,
    };
  }
  return { expiresAt: loginEnd };
}

/**
 * The grant, or the refusal as the API error the client maps back to the SDK's: token_expired (401,
 * renew it), or the code for what else did not match (403).
 */
export function grantOrRefuse<T extends object>(checked: T | TokenRefusal): T {
  if (!('code' in checked)) return checked;
  throw new ApiError(refusalCode(checked), `${checked.code}: ${checked.error} (${checked.reason})`);
}

/** The API's code for a refusal, told apart by the SDK's words (two share CAN_NOT_GET_GATEWAY_SERVER). */
function refusalCode({ error }: TokenRefusal): ErrorCode {
  switch (error) {
    case SDK_ERRORS.expired.message:
      return 'token_expired';
    case SDK_ERRORS.noToken.message:
      return 'token_required';
    case SDK_ERRORS.noPublish.message:
      return 'no_publish_privilege';
    default:
      return 'invalid_token';
  }
}
