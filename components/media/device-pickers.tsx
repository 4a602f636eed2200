'use client';
import type { LocalMedia } from '@/lib/client/use-local-media';
import { DeviceSelect } from './device-select';

export type DeviceKind = 'camera' | 'microphone' | 'speaker';

/** Camera, microphone and (where the browser can choose it) speaker pickers. */
export function DevicePickers({
  media,
  onSelect,
}: {
  media: LocalMedia;
  onSelect: (kind: DeviceKind, deviceId: string) => void;
}) {
  return (
    <>
      <DeviceSelect
        label="Camera"
        devices={media.devices.cameras}
        value={media.cameraId}
        onChange={(id) => onSelect('camera', id)}
      />
      <DeviceSelect
        label="Microphone"
        devices={media.devices.microphones}
        value={media.microphoneId}
        onChange={(id) => onSelect('microphone', id)}
      />
      <DeviceSelect
        label="Speaker"
        devices={media.devices.speakers}
        value={media.speakerId}
        onChange={(id) => onSelect('speaker', id)}
      />
    </>
  );
}
