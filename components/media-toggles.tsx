'use client';
import type { LocalMedia } from '@/lib/use-local-media';
import { CameraIcon, CameraOffIcon, MicIcon, MicOffIcon } from './icons';
import { ToggleButton } from './toggle-button';

/** Microphone and camera on/off, the same in the preview and in the call. */
export function MediaToggles({ media, onToggle }: { media: LocalMedia; onToggle: (kind: 'audio' | 'video', on: boolean) => void }) {
  return (
    <>
      <ToggleButton
        on={media.micOn && !!media.audioTrack}
        onLabel="Mute microphone"
        offLabel="Unmute microphone"
        iconOn={<MicIcon />}
        iconOff={<MicOffIcon />}
        disabled={!media.audioTrack}
        onToggle={() => onToggle('audio', !media.micOn)}
      />
      <ToggleButton
        on={media.cameraOn && !!media.videoTrack}
        onLabel="Turn camera off"
        offLabel="Turn camera on"
        iconOn={<CameraIcon />}
        iconOff={<CameraOffIcon />}
        disabled={!media.videoTrack}
        onToggle={() => onToggle('video', !media.cameraOn)}
      />
    </>
  );
}
