// Local mode's engine: browser WebRTC and this app's signaling routes, no Agora SDK download.
import type { CallEngine } from '../call-engine';
import { LocalMediaTrack } from '../media-track';
import { LocalConnection } from './connection';
import { warmUpWebRtc } from './spare-offer';
import { LocalRtcClient } from './local-rtc-client';
import { LocalSignalingClient } from './local-signaling-client';

export function createLocalEngine(): CallEngine {
  return {
    name: 'local',
    createClient: (options) => new LocalRtcClient(options),
    // The tab's event stream opens, and WebRTC warms up, while the person looks at the preview.
    prepare: () => {
      void LocalConnection.shared()
        .id()
        .catch(() => undefined);
      void warmUpWebRtc();
    },
    createScreenTrack: () => LocalMediaTrack.createScreen(),
    createSignalingClient: async (appId, userId) => new LocalSignalingClient(appId, userId),
  };
}
