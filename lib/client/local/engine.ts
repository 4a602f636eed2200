// Local mode's engine: browser WebRTC and this app's signaling routes, no Agora SDK download.
import type { CallEngine } from '../call-engine';
import { LocalMediaTrack } from './media-track';
import { LocalRtcClient } from './rtc-client';
import { LocalSignalingClient } from './signaling-client';

export function createLocalEngine(): CallEngine {
  return {
    name: 'local',
    createClient: (options) => new LocalRtcClient(options),
    createScreenTrack: () => LocalMediaTrack.createScreen(),
    createSignalingClient: async (appId, userId) => new LocalSignalingClient(appId, userId),
    createCameraTrack: (deviceId) => LocalMediaTrack.create('video', deviceId),
    createMicrophoneTrack: (deviceId) => LocalMediaTrack.create('audio', deviceId),
    listDevices: async () => {
      const devices = await navigator.mediaDevices.enumerateDevices();
      const canPickSpeaker = 'setSinkId' in HTMLMediaElement.prototype;
      return {
        cameras: devices.filter((device) => device.kind === 'videoinput'),
        microphones: devices.filter((device) => device.kind === 'audioinput'),
        speakers: canPickSpeaker ? devices.filter((device) => device.kind === 'audiooutput') : [],
      };
    },
  };
}
