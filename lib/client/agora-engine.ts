// Agora mode's engine: agora-rtc-sdk-ng, loaded in the browser only (it touches window on import).
import type { IAgoraRTC } from 'agora-rtc-sdk-ng';
import type { CallEngine, PreviewAudioTrack, PreviewVideoTrack, ScreenTrack } from './call-engine';
import type { RtcClient } from '../rtc-client';
import { createAgoraSignalingClient } from './agora-signaling';

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
    createClient: () => AgoraRTC.createClient({ mode: 'rtc', codec: 'vp8' }) as unknown as RtcClient,
    createSignalingClient: createAgoraSignalingClient,
    createScreenTrack: async () => {
      const track = await AgoraRTC.createScreenVideoTrack({ encoderConfig: '1080p_1', optimizationMode: 'detail' }, 'disable');
      return Object.assign(track, { onEnded: (listener: () => void) => track.on('track-ended', listener) }) as unknown as ScreenTrack;
    },
    createCameraTrack: async (cameraId) =>
      (await AgoraRTC.createCameraVideoTrack(cameraId ? { cameraId } : undefined)) as unknown as PreviewVideoTrack,
    createMicrophoneTrack: async (microphoneId) =>
      (await AgoraRTC.createMicrophoneAudioTrack(microphoneId ? { microphoneId } : undefined)) as unknown as PreviewAudioTrack,
    listDevices: async () => {
      const devices = await AgoraRTC.getDevices(true);
      const canPickSpeaker = typeof HTMLMediaElement !== 'undefined' && 'setSinkId' in HTMLMediaElement.prototype;
      return {
        cameras: devices.filter((device) => device.kind === 'videoinput'),
        microphones: devices.filter((device) => device.kind === 'audioinput'),
        speakers: canPickSpeaker ? devices.filter((device) => device.kind === 'audiooutput') : [],
      };
    },
  };
}
