// Agora mode's engine: agora-rtc-sdk-ng, loaded in the browser only (it touches window on import).
// The camera and microphone are not the SDK's: they come from the browser (capture.ts).
import type { IAgoraRTC } from 'agora-rtc-sdk-ng';
import { adaptAgoraClient, sdkTrack } from './rtc-adapter';
import type { CallEngine, ScreenTrack } from '../call-engine';
import { createAgoraSignalingClient } from './signaling-adapter';

let loading: Promise<IAgoraRTC> | null = null;

/** Starts downloading the SDK once; call it as soon as the call page opens. */
export function loadAgoraSdk(): Promise<IAgoraRTC> {
  loading ??= import('agora-rtc-sdk-ng').then(({ default: AgoraRTC }) => {
    AgoraRTC.setLogLevel(2); // warnings and errors only
    AgoraRTC.disableLogUpload();
    return AgoraRTC;
  });
  loading.catch(() => {
    loading = null; // let a later attempt retry the download
  });
  return loading;
}

export function createAgoraEngine(AgoraRTC: IAgoraRTC): CallEngine {
  return {
    name: 'agora',
    // Live mode, always: an rtc-mode client cannot change role, and a stage room needs an audience.
    // It starts in the role the call joins with (audience unless asked), so the join waits for no setClientRole.
    createClient: ({ role = 'audience' } = {}) =>
      adaptAgoraClient(AgoraRTC, AgoraRTC.createClient({ mode: 'live', codec: 'vp8', role })),
    createSignalingClient: createAgoraSignalingClient,
    createScreenTrack: async () => {
      const track = await AgoraRTC.createScreenVideoTrack(
        { encoderConfig: '1080p_1', optimizationMode: 'detail' },
        'disable',
      );
      return sdkTrack(
        Object.assign(track, {
          onEnded: (listener: () => void) => track.on('track-ended', listener),
        }) satisfies ScreenTrack,
      );
    },
  };
}
