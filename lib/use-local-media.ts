'use client';
import { useCallback, useEffect, useRef, useState } from 'react';
import { describeDeviceError, type CallEngine, type DeviceLists, type PreviewAudioTrack, type PreviewVideoTrack } from './call-engine';
import type { CallSession } from './call-session';

export interface LocalMedia {
  audioTrack: PreviewAudioTrack | null;
  videoTrack: PreviewVideoTrack | null;
  audioError: string | null;
  videoError: string | null;
  micOn: boolean;
  cameraOn: boolean;
  devices: DeviceLists;
  cameraId: string | null;
  microphoneId: string | null;
  speakerId: string | null;
  starting: boolean;
}

const NO_DEVICES: DeviceLists = { cameras: [], microphones: [], speakers: [] };

/**
 * Camera and microphone for the preview and the call. Each device is started on its own, so a
 * denied or missing camera still leaves the microphone working (and the other way round).
 */
export function useLocalMedia(engine: CallEngine | null) {
  const [media, setMedia] = useState<LocalMedia>({
    audioTrack: null,
    videoTrack: null,
    audioError: null,
    videoError: null,
    micOn: true,
    cameraOn: true,
    devices: NO_DEVICES,
    cameraId: null,
    microphoneId: null,
    speakerId: null,
    // Until the first start settles, so Join never goes ahead without the devices that will work.
    starting: true,
  });
  const current = useRef(media);
  useEffect(() => {
    current.current = media;
  });
  const generation = useRef(0);

  const release = useCallback(() => {
    generation.current++;
    current.current.audioTrack?.close();
    current.current.videoTrack?.close();
    setMedia((state) => ({ ...state, audioTrack: null, videoTrack: null }));
  }, []);

  const start = useCallback(async () => {
    if (!engine) return;
    const mine = ++generation.current;
    setMedia((state) => ({ ...state, starting: true, audioError: null, videoError: null }));
    const { cameraId, microphoneId } = current.current;
    const [audio, video] = await Promise.allSettled([
      engine.createMicrophoneTrack(microphoneId ?? undefined),
      engine.createCameraTrack(cameraId ?? undefined),
    ]);
    if (mine !== generation.current) {
      if (audio.status === 'fulfilled') audio.value.close();
      if (video.status === 'fulfilled') video.value.close();
      return;
    }
    const audioTrack = audio.status === 'fulfilled' ? audio.value : null;
    const videoTrack = video.status === 'fulfilled' ? video.value : null;
    // Read the switches now: the person may have turned one off while the devices were starting.
    const { micOn, cameraOn } = current.current;
    if (audioTrack && !micOn) await audioTrack.setEnabled(false);
    if (videoTrack && !cameraOn) await videoTrack.setEnabled(false);
    const devices = await engine.listDevices().catch(() => NO_DEVICES);
    if (mine !== generation.current) return;
    setMedia((state) => ({
      ...state,
      audioTrack,
      videoTrack,
      audioError: audio.status === 'rejected' ? describeDeviceError('microphone', audio.reason) : null,
      videoError: video.status === 'rejected' ? describeDeviceError('camera', video.reason) : null,
      devices,
      starting: false,
    }));
  }, [engine]);

  useEffect(() => release, [release]);

  /** Through the session while in a call (so publish state follows), directly in the preview. */
  const setEnabled = useCallback(async (kind: 'audio' | 'video', enabled: boolean, session?: CallSession | null) => {
    const track = kind === 'audio' ? current.current.audioTrack : current.current.videoTrack;
    setMedia((state) => (kind === 'audio' ? { ...state, micOn: enabled } : { ...state, cameraOn: enabled }));
    if (!track) return;
    if (session) await session.setTrackEnabled(track, enabled);
    else await track.setEnabled(enabled);
  }, []);

  const selectDevice = useCallback(async (kind: 'camera' | 'microphone' | 'speaker', deviceId: string, session?: CallSession | null) => {
    const key = kind === 'camera' ? 'cameraId' : kind === 'microphone' ? 'microphoneId' : 'speakerId';
    setMedia((state) => ({ ...state, [key]: deviceId }));
    if (kind === 'camera') await current.current.videoTrack?.setDevice(deviceId);
    else if (kind === 'microphone') await current.current.audioTrack?.setDevice(deviceId);
    else await session?.setSpeaker(deviceId);
  }, []);

  return { media, start, release, setEnabled, selectDevice };
}
