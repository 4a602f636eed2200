// Camera, microphone and the device lists, straight from the browser, the same in both modes: the
// preview starts at once, without waiting for the Agora SDK (Agora mode hands these tracks to the
// SDK when the call publishes them, lib/client/agora-client.ts).
import type { DeviceLists, PreviewAudioTrack, PreviewVideoTrack } from './engine/call-engine';
import { claimEarlyCapture } from '../shared/early-capture';
import { LocalMediaTrack } from './engine/media-track';

export interface Capture {
  createCameraTrack(deviceId?: string): Promise<PreviewVideoTrack>;
  createMicrophoneTrack(deviceId?: string): Promise<PreviewAudioTrack>;
  listDevices(): Promise<DeviceLists>;
}

/** The call page's early capture (lib/shared/early-capture.ts) if it is unclaimed and no device was chosen. */
async function capture(kind: 'video' | 'audio', deviceId?: string) {
  const early = deviceId ? null : claimEarlyCapture(kind);
  return early ? LocalMediaTrack.adopt(kind, await early) : LocalMediaTrack.create(kind, deviceId);
}

export const browserCapture: Capture = {
  createCameraTrack: (deviceId) => capture('video', deviceId),
  createMicrophoneTrack: (deviceId) => capture('audio', deviceId),
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
