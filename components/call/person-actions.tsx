'use client';
import { useRef, useState } from 'react';
import type { Person } from '@/lib/client/people';
import { ConfirmDialog } from '../ui/confirm-dialog';
import { MoreMenu, type MenuItem } from './more-menu';

/** What a host can do to someone else in the call: each is a room action the server checks (host key). */
export interface HostPersonControls {
  onMute: (uid: string) => void;
  onAskToUnmute: (uid: string) => void;
  onAskForCamera: (uid: string) => void;
  onRemove: (uid: string) => void;
}

const menuButton =
  'flex h-8 w-8 shrink-0 items-center justify-center rounded-full ' +
  'hover:bg-slate-700 focus-visible:outline-2 focus-visible:outline-sky-400 [&_svg]:h-4 [&_svg]:w-4';
/** On a tile, over the video: shown on hover or keyboard focus, like the pin. */
const tileMenuButton =
  'flex h-7 w-7 items-center justify-center rounded-full bg-slate-950/70 opacity-0 group-hover:opacity-100 ' +
  'focus:opacity-100 focus-visible:outline-2 focus-visible:outline-sky-400 [&_svg]:h-4 [&_svg]:w-4';

/**
 * A host's menu for one person: mute their microphone (only off: a host asks, never turns anything
 * on), ask them to unmute or to turn on their camera, remove them from the call (after a question).
 */
export function PersonActions({
  person,
  controls,
  onTile = false,
}: {
  person: Person;
  controls: HostPersonControls;
  /** On the person's tile rather than in People. */
  onTile?: boolean;
}) {
  const [confirming, setConfirming] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  // The audience of a stage room publishes nothing: there is nothing to mute or to ask for.
  const publishes = person.role !== 'audience';
  const items: MenuItem[] = [
    ...(publishes && person.hasAudio ? [{ label: 'Mute', onSelect: () => controls.onMute(person.uid) }] : []),
    ...(publishes && !person.hasAudio
      ? [{ label: 'Ask to unmute', onSelect: () => controls.onAskToUnmute(person.uid) }]
      : []),
    ...(publishes && !person.hasVideo
      ? [{ label: 'Ask to turn on camera', onSelect: () => controls.onAskForCamera(person.uid) }]
      : []),
    // Another host can always come back with the host link: removing one would not hold.
    ...(person.role !== 'host' ? [{ label: 'Remove from the call', onSelect: () => setConfirming(true) }] : []),
  ];
  if (items.length === 0) return null;
  return (
    <>
      <MoreMenu
        items={items}
        label={`Actions for ${person.name}`}
        className={onTile ? tileMenuButton : menuButton}
        buttonRef={button}
        below
      />
      {confirming && (
        <ConfirmDialog
          title={`Remove ${person.name} from the call?`}
          confirmLabel="Remove"
          returnFocus={button}
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            controls.onRemove(person.uid);
          }}
        >
          They leave the call at once and cannot join this room again from this browser for a while.
        </ConfirmDialog>
      )}
    </>
  );
}
