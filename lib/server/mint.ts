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

function mint(build: () => string, expiry: number): Minted {
  const issuedAt = Math.floor(Date.now() / 1000);
  const token = build();
  // The builders return "" instead of throwing on bad credentials; config validation should
  // make that impossible, so treat it as a server fault rather than hand out a useless token.
  if (!token) throw new Error('agora-token returned an empty token');
  return { token, expiresAt: issuedAt + expiry };
}

/** Token and privilege expiry both equal `expiry` (seconds from now). */
export function mintRtcToken(
  credentials: AgoraCredentials,
  channel: string,
  identity: RtcIdentity,
  role: Role,
  expiry: number,
): Minted {
  const { appId, appCertificate } = credentials;
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
