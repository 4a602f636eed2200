import 'server-only';
// Mints Agora tokens with agora-token: RTC, RTM (Signaling) and Chat, each with its lifetime.
// agora-token is CommonJS whose named exports Node cannot detect: use the default import.
import agoraToken from 'agora-token';
import type { AgoraCredentials } from './credentials';
import type { RtcIdentity, Role } from '../shared/validation';

const { ChatTokenBuilder, RtcRole, RtcTokenBuilder, RtmTokenBuilder } = agoraToken;

export interface Minted {
  token: string;
  /** Unix seconds; never later than the expiry encoded in the token. */
  expiresAt: number;
}

/** An RTC token; `publishExpiresAt` (Unix seconds) only when its publish privileges end before the token. */
export interface MintedRtc extends Minted {
  publishExpiresAt?: number;
}

function mint(build: () => string, expiry: number): Minted {
  const issuedAt = Math.floor(Date.now() / 1000);
  const token = build();
  // The builders return "" instead of throwing on bad credentials; config validation should
  // make that impossible, so treat it as a server fault rather than hand out a useless token.
  if (!token) throw new Error('agora-token returned an empty token');
  return { token, expiresAt: issuedAt + expiry };
}

/**
 * Token and join privilege expire after `expiry` seconds. A publisher's publish privileges (audio,
 * video, data) last `publishExpiry` seconds when that is shorter (someone on a stage), else as long
 * as the token. A subscriber token carries the join privilege only.
 */
export function mintRtcToken(
  credentials: AgoraCredentials,
  channel: string,
  identity: RtcIdentity,
  role: Role,
  expiry: number,
  publishExpiry = expiry,
): MintedRtc {
  const { appId, appCertificate } = credentials;
  if (role === 'publisher' && publishExpiry < expiry) {
    const publish = Math.max(1, publishExpiry);
    const privileges = [expiry, expiry, publish, publish, publish] as const;
    const minted = mint(
      () =>
        identity.kind === 'uid'
          ? RtcTokenBuilder.buildTokenWithUidAndPrivilege(appId, appCertificate, channel, identity.uid, ...privileges)
          : RtcTokenBuilder.BuildTokenWithUserAccountAndPrivilege(
              appId,
              appCertificate,
              channel,
              identity.account,
              ...privileges,
            ),
      expiry,
    );
    return { ...minted, publishExpiresAt: minted.expiresAt - expiry + publish };
  }
  const agoraRole = role === 'publisher' ? RtcRole.PUBLISHER : RtcRole.SUBSCRIBER;
  return mint(
    () =>
      identity.kind === 'uid'
        ? RtcTokenBuilder.buildTokenWithUid(appId, appCertificate, channel, identity.uid, agoraRole, expiry, expiry)
        : RtcTokenBuilder.buildTokenWithUserAccount(
            appId,
            appCertificate,
            channel,
            identity.account,
            agoraRole,
            expiry,
            expiry,
          ),
    expiry,
  );
}

export function mintRtmToken(credentials: AgoraCredentials, userId: string, expiry: number): Minted {
  const { appId, appCertificate } = credentials;
  return mint(() => RtmTokenBuilder.buildToken(appId, appCertificate, userId, expiry), expiry);
}

export function mintChatAppToken(credentials: AgoraCredentials, expiry: number): Minted {
  const { appId, appCertificate } = credentials;
  return mint(() => ChatTokenBuilder.buildAppToken(appId, appCertificate, expiry), expiry);
}

export function mintChatUserToken(credentials: AgoraCredentials, userId: string, expiry: number): Minted {
  const { appId, appCertificate } = credentials;
  return mint(() => ChatTokenBuilder.buildUserToken(appId, appCertificate, userId, expiry), expiry);
}
