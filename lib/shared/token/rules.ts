// What Agora's edge checks when someone joins a channel with a token, stated once. Local mode
// enforces these rules (after the server has checked the signature), the token inspector shows
// them as a checklist, and the call page uses them to say why a join was refused. They compare
// claims only: the signature needs the App Certificate, which stays on the server.
import { crc32 } from './bytes';
import { RTC_PRIVILEGE, type JoinClaims, type RtcGrant } from './claims';
import { formatDuration, untilOrSince } from './timing';
import type { RtcIdentity, Role } from '../validation';

/** What the SDK reports when Agora refuses (local mode uses the same words). */
export interface SdkError {
  code: 'CAN_NOT_GET_GATEWAY_SERVER' | 'TOKEN_EXPIRE' | 'NO_PUBLISH_PRIVILEGE';
  message: string;
}

export const SDK_ERRORS = {
  invalidToken: { code: 'CAN_NOT_GET_GATEWAY_SERVER', message: 'invalid token, authorized failed' },
  noToken: { code: 'CAN_NOT_GET_GATEWAY_SERVER', message: 'dynamic use static key' },
  expired: { code: 'TOKEN_EXPIRE', message: 'token expired' },
  noPublish: { code: 'NO_PUBLISH_PRIVILEGE', message: 'this token may not publish' },
} satisfies Record<string, SdkError>;

export type CheckStatus = 'pass' | 'fail' | 'warn' | 'unchecked';

export interface JoinCheck {
  id: 'app-id' | 'channel' | 'uid' | 'join' | 'publish';
  label: string;
  status: CheckStatus;
  /** What matched, or exactly what did not. */
  detail: string;
  /** For a failure: what the SDK reports. */
  sdkError?: SdkError;
  /** For a failure or warning: what to change. */
  fix?: string;
}

/** The join being checked; null fields are not known and their checks say so. */
export interface JoinAttempt {
  appId: string | null;
  channel: string | null;
  identity: RtcIdentity | null;
  /** publisher: also check the publish privileges; null: joining is all that matters. */
  role: Role | null;
  nowS: number;
  /** Local mode always refuses a subscriber token's publish; Agora only with co-host authentication. */
  publishEnforced: boolean;
}

const quote = (text: string) => JSON.stringify(text);
const hex = (crc: number) => `0x${crc.toString(16).padStart(8, '0')}`;

const channelMatches = (grant: RtcGrant, channel: string) =>
  typeof grant.channel === 'string' ? grant.channel === channel : grant.channel.crc32 === crc32(channel);

/** The grant a join into `channel` uses; without a channel, the token's first. */
export function grantFor(claims: JoinClaims, channel: string | null): RtcGrant | undefined {
  return channel === null ? claims.grants[0] : claims.grants.find((grant) => channelMatches(grant, channel));
}

function appIdCheck(claims: JoinClaims, appId: string | null): JoinCheck {
  const base = { id: 'app-id', label: 'App ID' } as const;
  if (!appId)
    return {
      ...base,
      status: 'unchecked',
      detail: `the token is for App ID ${claims.appId}; type the App ID you join with to compare`,
    };
  if (claims.appId === appId) return { ...base, status: 'pass', detail: `the token is for App ID ${appId}` };
  const caseOnly = claims.appId.toLowerCase() === appId.toLowerCase() ? ' (they differ only in letter case)' : '';
  return {
    ...base,
    status: 'fail',
    detail: `the token is for App ID ${claims.appId}, not ${appId}${caseOnly}`,
    sdkError: SDK_ERRORS.invalidToken,
    fix: `Join with App ID ${claims.appId}, or make the token with App ID ${appId} and that project's App Certificate.`,
  };
}

function channelCheck(claims: JoinClaims, channel: string | null): JoinCheck {
  const base = { id: 'channel', label: 'Channel' } as const;
  const named = claims.grants
    .filter((grant) => typeof grant.channel === 'string')
    .map((grant) => quote(grant.channel as string));
  const tokenChannels = named.length > 0 ? `channel${named.length > 1 ? 's' : ''} ${named.join(', ')}` : null;
  if (claims.grants.length === 0) {
    return {
      ...base,
      status: 'fail',
      detail: 'the token carries no RTC service, so it cannot join any channel',
      sdkError: SDK_ERRORS.invalidToken,
      fix: 'Use an RTC token (RtcTokenBuilder2), not an RTM or Chat one.',
    };
  }
  if (channel === null) {
    return {
      ...base,
      status: 'unchecked',
      detail:
        (tokenChannels ? `the token is for ${tokenChannels}` : 'a 006 token holds only a checksum of its channel') +
        '; type the channel you join to compare',
    };
  }
  if (grantFor(claims, channel)) {
    const detail = tokenChannels
      ? `the token is for channel ${quote(channel)}`
      : `${quote(channel)} matches the token's channel checksum (006 tokens store only a CRC32 of the channel)`;
    return { ...base, status: 'pass', detail };
  }
  const crc = claims.grants[0]!.channel;
  const detail = tokenChannels
    ? `the token is for ${tokenChannels}, not ${quote(channel)}`
    : `the token was made for another channel: its channel checksum is ${hex((crc as { crc32: number }).crc32)}, ` +
      `and ${quote(channel)} has ${hex(crc32(channel))}`;
  const fix =
    named.length === 1
      ? `Join channel ${named[0]}, or get a token for ${quote(channel)}.`
      : `Get a token for ${quote(channel)}.`;
  return { ...base, status: 'fail', detail, sdkError: SDK_ERRORS.invalidToken, fix };
}

const describeTokenUid = (uid: string) => (/^[0-9]+$/.test(uid) ? `uid ${uid}` : `user account ${quote(uid)}`);
const describeIdentity = (identity: RtcIdentity) =>
  identity.kind === 'uid' ? `uid ${identity.uid}` : `user account ${quote(identity.account)}`;
/** The bytes a token holds for this identity: uid 0 is the empty string. */
const identityText = (identity: RtcIdentity) =>
  identity.kind === 'uid' ? (identity.uid === 0 ? '' : String(identity.uid)) : identity.account;

function uidCheck(grant: RtcGrant | undefined, identity: RtcIdentity | null): JoinCheck {
  const base = { id: 'uid', label: 'User (uid or account)' } as const;
  if (!grant) return { ...base, status: 'unchecked', detail: 'nothing to compare: the token has no RTC grant' };
  const { uid } = grant;
  if (uid === '' || (typeof uid !== 'string' && uid.crc32 === 0)) {
    return { ...base, status: 'pass', detail: 'the token lets any uid join (it was made for uid 0)' };
  }
  const tokenUid = typeof uid === 'string' ? describeTokenUid(uid) : `one uid (checksum ${hex(uid.crc32)})`;
  if (!identity)
    return {
      ...base,
      status: 'unchecked',
      detail: `the token is for ${tokenUid}; type the uid or account you join with to compare`,
    };
  const text = identityText(identity);
  if (typeof uid === 'string' ? uid === text : uid.crc32 === crc32(text)) {
    return { ...base, status: 'pass', detail: `the token is for ${describeIdentity(identity)}` };
  }
  const joining = describeIdentity(identity);
  const assigned = identity.kind === 'uid' && identity.uid === 0;
  const detail = assigned
    ? `the token is for ${tokenUid}, not uid 0: ` +
      "joining with uid 0 lets Agora assign a uid, which will not be the token's"
    : typeof uid === 'string'
      ? `the token is for ${tokenUid}, not ${joining}`
      : `the token was made for another uid: its uid checksum is ${hex(uid.crc32)}, ` +
        `and ${joining} has ${hex(crc32(text))}`;
  const fix =
    typeof uid === 'string'
      ? `Join with ${tokenUid}, or get a token for ${joining}${assigned ? ' (any uid)' : ''}.`
      : `Get a token for ${joining}.`;
  return { ...base, status: 'fail', detail, sdkError: SDK_ERRORS.invalidToken, fix };
}

function joinPrivilegeCheck(grant: RtcGrant | undefined, nowS: number): JoinCheck {
  const base = { id: 'join', label: 'Join privilege' } as const;
  if (!grant) return { ...base, status: 'unchecked', detail: 'nothing to check: the token has no RTC grant' };
  const end = grant.ends[RTC_PRIVILEGE.join];
  if (end === undefined) {
    return {
      ...base,
      status: 'fail',
      detail: 'the token carries no join privilege',
      sdkError: SDK_ERRORS.invalidToken,
      fix: 'Make the token with an RTC role (publisher or subscriber), which grants joining.',
    };
  }
  if (end <= nowS) {
    return {
      ...base,
      status: 'fail',
      detail: `the join privilege ended ${formatDuration(nowS - end)} ago`,
      sdkError: SDK_ERRORS.expired,
      fix:
        'Get a fresh token, and renew it before it expires ' +
        '(the SDK warns 30 s ahead with token-privilege-will-expire).',
    };
  }
  return { ...base, status: 'pass', detail: `the join privilege ${untilOrSince(end, nowS, ['ends', 'ended'])}` };
}

function publishCheck(grant: RtcGrant | undefined, attempt: JoinAttempt): JoinCheck {
  const base = { id: 'publish', label: 'Publish privileges' } as const;
  if (attempt.role === null) return { ...base, status: 'unchecked', detail: 'choose a role to check publishing' };
  if (attempt.role === 'subscriber')
    return {
      ...base,
      status: 'pass',
      detail: attempt.publishEnforced
        ? 'an audience member (subscriber) only joins and watches; no publish privilege needed'
        : 'an audience member (subscriber) only joins and watches; Agora stops it from publishing only ' +
          'when co-host authentication is enabled for the project in Agora Console',
    };
  if (!grant) return { ...base, status: 'unchecked', detail: 'nothing to check: the token has no RTC grant' };
  const { nowS } = attempt;
  const kinds = [
    ['audio', grant.ends[RTC_PRIVILEGE.publishAudio]],
    ['video', grant.ends[RTC_PRIVILEGE.publishVideo]],
  ] as const;
  const missing = kinds.filter(([, end]) => end === undefined).map(([kind]) => kind);
  const ended = kinds.filter(([, end]) => end !== undefined && end <= nowS);
  if (missing.length === 0 && ended.length === 0) {
    const end = Math.min(...kinds.map(([, end]) => end!));
    return {
      ...base,
      status: 'pass',
      detail: `publishing audio and video is allowed; it ${untilOrSince(end, nowS, ['ends', 'ended'])}`,
    };
  }
  const detail =
    missing.length > 0
      ? `the token has no publish ${missing.join(' or ')} privilege (a subscriber token)`
      : `the publish ${ended.map(([kind]) => kind).join(' and ')} privilege ended ` +
        `${formatDuration(nowS - ended[0]![1]!)} ago`;
  const fix = 'Get a publisher token (role publisher, or 1), or join as audience.';
  if (attempt.publishEnforced) return { ...base, status: 'fail', detail, sdkError: SDK_ERRORS.noPublish, fix };
  return {
    ...base,
    status: 'warn',
    detail,
    fix: `${fix} Agora refuses such a publish only when co-host authentication is enabled for the project.`,
  };
}

/** Every check, in the order Agora's edge applies them. */
export function joinChecks(claims: JoinClaims, attempt: JoinAttempt): JoinCheck[] {
  // Without a grant for this channel, the token's first still shows every other mismatch at once.
  const grant = grantFor(claims, attempt.channel) ?? claims.grants[0];
  return [
    appIdCheck(claims, attempt.appId),
    channelCheck(claims, attempt.channel),
    uidCheck(grant, attempt.identity),
    joinPrivilegeCheck(grant, attempt.nowS),
    publishCheck(grant, attempt),
  ];
}

/** Why Agora would refuse the join: the first failing check (publishing comes after joining). */
export function joinRefusal(checks: JoinCheck[]): (JoinCheck & { sdkError: SdkError }) | undefined {
  return checks.find(
    (check): check is JoinCheck & { sdkError: SdkError } =>
      check.status === 'fail' && check.id !== 'publish' && !!check.sdkError,
  );
}

export const privilegeOpen = (grant: RtcGrant, privilege: number, nowS: number) => (grant.ends[privilege] ?? 0) > nowS;
