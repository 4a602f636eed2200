'use client';
import type { LocalMedia } from '@/lib/client/use-local-media';
import { CameraIcon, CameraOffIcon, MicIcon, MicOffIcon } from './icons';
import { ToggleButton } from './toggle-button';

const SWITCHES = [
  { kind: 'audio', onLabel: 'Mute microphone', offLabel: 'Unmute microphone', iconOn: <MicIcon />, iconOff: <MicOffIcon /> },
  { kind: 'video', onLabel: 'Turn camera off', offLabel: 'Turn camera on', iconOn: <CameraIcon />, iconOff: <CameraOffIcon /> },
] as const;

/** Microphone and camera on/off, the same in the preview and in the call. */
export function MediaToggles({ media, onToggle }: { media: LocalMedia; onToggle: (kind: 'audio' | 'video', on: boolean) => void }) {
  return (
    <>
      {SWITCHES.map(({ kind, ...look }) => {
        const track = kind === 'audio' ? media.audioTrack : media.videoTrack;
        const on = kind === 'audio' ? media.micOn : media.cameraOn;
        return <ToggleButton key={kind} {...look} on={on && !!track} disabled={!track} onToggle={() => onToggle(kind, !on)} />;
      })}
    </>
  );
}
