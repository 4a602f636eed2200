// Agora mode's Signaling: agora-rtm-sdk 2.x (~435 kB gzipped), downloaded only when a call has
// joined, so it never delays joining or the first frame. It touches window on import.
import type { SignalingClient } from '../signaling';

type AgoraRtm = typeof import('agora-rtm-sdk').default;
let loading: Promise<AgoraRtm> | null = null;

export function loadAgoraSignaling(): Promise<AgoraRtm> {
  loading ??= import('agora-rtm-sdk').then(({ default: AgoraRTM }) => AgoraRTM);
  loading.catch(() => {
    loading = null; // let a later attempt retry the download
  });
  return loading;
}

export async function createAgoraSignalingClient(appId: string, userId: string): Promise<SignalingClient> {
  const AgoraRTM = await loadAgoraSignaling();
  // No log upload to Agora's log service; errors still reach the console.
  return new AgoraRTM.RTM(appId, userId, { logUpload: false, logLevel: 'error' }) as unknown as SignalingClient;
}
