// Agora mode's Signaling: agora-rtm-sdk 2.x (~435 kB gzipped), downloaded only when a call has
// joined, so it never delays joining or the first frame. It touches window on import.
import type { SignalingClient, SignalingEvents } from '../signaling';
import { Listeners } from '../listeners';

type AgoraRtm = typeof import('agora-rtm-sdk').default;
let loading: Promise<AgoraRtm> | null = null;

export function loadAgoraSignaling(): Promise<AgoraRtm> {
  loading ??= import('agora-rtm-sdk').then(({ default: AgoraRTM }) => AgoraRTM);
  loading.catch(() => {
    loading = null; // let a later attempt retry the download
  });
  return loading;
}

/**
 * RTMClient behind our SignalingClient. Its methods fit as they are; its events are a superset of
 * ours, typed per event, so each is forwarded by name: a change in the SDK's event types is a type
 * error here rather than a listener called with something else.
 */
export async function createAgoraSignalingClient(appId: string, userId: string): Promise<SignalingClient> {
  const AgoraRTM = await loadAgoraSignaling();
  // No log upload to Agora's log service; errors still reach the console.
  const rtm = new AgoraRTM.RTM(appId, userId, { logUpload: false, logLevel: 'error' });
  const listeners = new Listeners<SignalingEvents>();
  rtm.addEventListener('presence', (event) => listeners.emit('presence', event));
  rtm.addEventListener('message', (event) => listeners.emit('message', event));
  rtm.addEventListener('linkState', (event) => listeners.emit('linkState', event));
  rtm.addEventListener('tokenPrivilegeWillExpire', (channelName) =>
    listeners.emit('tokenPrivilegeWillExpire', channelName),
  );
  return {
    login: (options) => rtm.login(options),
    logout: () => rtm.logout(),
    subscribe: (channel, options) => rtm.subscribe(channel, options),
    publish: (channel, message) => rtm.publish(channel, message),
    renewToken: (token) => rtm.renewToken(token),
    presence: { setState: (channel, channelType, state) => rtm.presence.setState(channel, channelType, state) },
    addEventListener: (event, listener) => listeners.add(event, listener),
    removeEventListener: (event, listener) => listeners.remove(event, listener),
  };
}
