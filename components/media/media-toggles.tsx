'use client';
import type { LocalMedia } from '@/lib/client/use-local-media';
import { useShortcutNames, useShortcuts } from '@/lib/client/use-shortcuts';
import { CameraIcon, CameraOffIcon, MicIcon, MicOffIcon } from '../ui/icons';
import { ToggleButton } from '../ui/toggle-button';

/** Ctrl/⌘+D for the microphone and Ctrl/⌘+E for the camera, as in Google Meet. */
export const MEDIA_SHORTCUTS = { audio: 'd', video: 'e' } as const;

const SWITCHES = [
  {
    kind: 'audio',
    onLabel: 'Mute microphone',
    offLabel: 'Unmute microphone',
    iconOn: <MicIcon />,
    iconOff: <MicOffIcon />,
  },
  {
    kind: 'video',
    onLabel: 'Turn camera off',
    offLabel: 'Turn camera on',
    iconOn: <CameraIcon />,
    iconOff: <CameraOffIcon />,
  },
] as const;

/** Microphone and camera on/off, the same in the preview and in the call, with keyboard shortcuts. */
export function MediaToggles({
  media,
  onToggle,
}: {
  media: LocalMedia;
  onToggle: (kind: 'audio' | 'video', on: boolean) => void;
}) {
  const names = { audio: useShortcutNames(MEDIA_SHORTCUTS.audio), video: useShortcutNames(MEDIA_SHORTCUTS.video) };
  const state = {
    audio: { track: media.audioTrack, on: media.micOn },
    video: { track: media.videoTrack, on: media.cameraOn },
  };
  useShortcuts({
    [MEDIA_SHORTCUTS.audio]: () => state.audio.track && onToggle('audio', !state.audio.on),
    [MEDIA_SHORTCUTS.video]: () => state.video.track && onToggle('video', !state.video.on),
  });
  return (
    <>
      {SWITCHES.map(({ kind, ...look }) => {
        const { track, on } = state[kind];
        return (
          <ToggleButton
            key={kind}
            {...look}
            on={on && !!track}
            disabled={!track}
            shortcut={names[kind]}
            onToggle={() => onToggle(kind, !on)}
          />
        );
      })}
    </>
  );
}
