import { LOCAL_DEV_APP_ID, localCertificate, type AgoraCredentials } from '@/lib/server/credentials';
import { createLocalSignaling } from '@/lib/server/local/registry';
import type { SdpOffer } from '@/lib/server/local/rooms';
import type { ClientRole } from '@/lib/server/local/rtc-member';
import { mintRtcToken } from '@/lib/server/mint';
import { openTab as openLocalTab, sessionEvents, type Tab } from './local-tab';

export const local: AgoraCredentials = { mode: 'local', appId: LOCAL_DEV_APP_ID, appCertificate: localCertificate() };

export const token = (channel: string, uid: number, role: 'publisher' | 'subscriber' = 'publisher', expiry = 120) =>
  mintRtcToken(local, channel, { kind: 'uid', uid }, role, expiry).token;

export interface JoinOptions {
  /** Default: a publisher token for this channel and uid, 120 s. */
  token?: unknown;
  /** Default: a tab of its own. */
  tab?: Tab;
  offer?: SdpOffer;
  /** Default: none sent (the server's default, audience). */
  role?: ClientRole;
}

/** A local-mode server in memory, and browser tabs on it: each tab has one event stream. */
export function localServer() {
  const signaling = createLocalSignaling();
  const openTab = (resume: string | null = null) => openLocalTab(signaling.connections, resume);
  const join = (channel: string, uid: number, options: JoinOptions = {}) => {
    const tab = options.tab ?? openTab();
    const joined = signaling.rooms.join(local, {
      connection: tab.id,
      appId: LOCAL_DEV_APP_ID,
      channel,
      uid,
      token: 'token' in options ? options.token : token(channel, uid),
      offer: options.offer,
      role: options.role,
    });
    // What this session has received so far.
    const events = () => sessionEvents(tab, joined.sessionId);
    return { ...joined, tab, events };
  };
  return { ...signaling, openTab, join };
}
