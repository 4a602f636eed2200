'use client';
// The person's own camera and microphone, from the preview through the call.
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  describeDeviceError,
  type DeviceLists,
  type PreviewAudioTrack,
  type PreviewVideoTrack,
} from './engine/call-engine';
import type { Capture } from './capture';
import { mark } from './timing-marks';
import type { LocalTrack } from './engine/rtc';

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

/** Browsers hide cameras and microphones from pages opened over plain http (other than localhost). */
export const INSECURE_CONTEXT_ERROR =
  'Camera and microphone need a secure connection: this page was opened over plain http. ' +
  'Open it over HTTPS, or as localhost on this computer.';

/**
 * Camera and microphone for the preview and the call. Each device is started on its own, so a
 * denied or missing camera still leaves the microphone working (and the other way round).
 */
export function useLocalMedia(capture: Capture) {
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
  /** The latest start: aborted by release() and by the next start, so tracks it gets late are closed. */
  const lastStart = useRef<AbortController | null>(null);

  const release = useCallback(() => {
    lastStart.current?.abort();
    current.current.audioTrack?.close();
    current.current.videoTrack?.close();
    setMedia((state) => ({ ...state, audioTrack: null, videoTrack: null }));
  }, []);

  /**
   * Starts (or restarts) both devices; resolves to the tracks that work, none if superseded. Each
   * device shows as soon as it is ready: the camera preview does not wait for the microphone.
   */
  const start = useCallback(async (): Promise<LocalTrack[]> => {
    lastStart.current?.abort();
    const { signal } = (lastStart.current = new AbortController());
    if (window.isSecureContext === false) {
      setMedia((state) => ({
        ...state,
        audioError: INSECURE_CONTEXT_ERROR,
        videoError: INSECURE_CONTEXT_ERROR,
        starting: false,
      }));
      return [];
    }
    mark('preview-start');
    setMedia((state) => ({ ...state, starting: true, audioError: null, videoError: null }));
    const { cameraId, microphoneId } = current.current;
    const ready = async <T extends LocalTrack>(kind: 'audio' | 'video', creating: Promise<T>): Promise<T | null> => {
      const device = kind === 'audio' ? 'microphone' : 'camera';
      try {
        const track = await creating;
        mark(`${device}-ready`);
        if (signal.aborted) {
          track.close();
          return null;
        }
        // Read the switch now: the person may have turned it off while the device was starting.
        if (!(kind === 'audio' ? current.current.micOn : current.current.cameraOn)) await track.setEnabled(false);
        setMedia((state) => ({ ...state, [`${kind}Track`]: track }));
        return track;
      } catch (error) {
        if (!signal.aborted) setMedia((state) => ({ ...state, [`${kind}Error`]: describeDeviceError(device, error) }));
        return null;
      }
    };
    const tracks = await Promise.all([
      ready('audio', capture.createMicrophoneTrack(microphoneId ?? undefined)),
      ready('video', capture.createCameraTrack(cameraId ?? undefined)),
    ]);
    const devices = await capture.listDevices().catch(() => NO_DEVICES);
    if (signal.aborted) return [];
    setMedia((state) => ({ ...state, devices, starting: false }));
    return tracks.filter((track): track is NonNullable<typeof track> => track !== null);
  }, [capture]);

  useEffect(() => release, [release]);

  /** Flips a switch; `apply` turns the track on or off (in a call it also publishes or unpublishes). */
  const setEnabled = useCallback(
    async (
      kind: 'audio' | 'video',
      enabled: boolean,
      apply: (track: LocalTrack, enabled: boolean) => Promise<void>,
    ) => {
      const track = kind === 'audio' ? current.current.audioTrack : current.current.videoTrack;
      setMedia((state) => (kind === 'audio' ? { ...state, micOn: enabled } : { ...state, cameraOn: enabled }));
      if (track) await apply(track, enabled);
    },
    [],
  );

  /** Switches the camera or microphone track to another device; a speaker choice is only recorded here. */
  const selectDevice = useCallback(async (kind: 'camera' | 'microphone' | 'speaker', deviceId: string) => {
    const key = kind === 'camera' ? 'cameraId' : kind === 'microphone' ? 'microphoneId' : 'speakerId';
    setMedia((state) => ({ ...state, [key]: deviceId }));
    if (kind === 'camera') await current.current.videoTrack?.setDevice(deviceId);
    else if (kind === 'microphone') await current.current.audioTrack?.setDevice(deviceId);
  }, []);

  return { media, start, release, setEnabled, selectDevice };
}
