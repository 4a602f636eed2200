'use client';
import { useState, type ReactNode, type RefObject } from 'react';
import type { RoomView } from '@/lib/shared/room-contract';
import { useKnocks } from '@/lib/client/room/use-knocks';
import { ConfirmDialog } from '../ui/confirm-dialog';
import type { RoomOfCall } from './call-view';
import type { MenuItem } from './more-menu';
import type { HostPersonControls } from './person-actions';
import { WaitingList } from './waiting-list';

const NOBODY: RoomView['waiting'] = [];

/**
 * What a host gets in the call: actions on each person in People, who waits to be let in (with a
 * sound and a line in words when someone knocks), Mute everyone, and in More the room's lock, its
 * waiting room and End call for everyone (after a question). Each is a room action the server checks.
 */
export function useHostControls({
  room,
  isHost,
  others,
  moreButton,
  announce,
  onEndForEveryone,
}: {
  room: RoomOfCall;
  isHost: boolean;
  /** How many other people are in the call (Mute everyone needs someone to mute). */
  others: number;
  moreButton: RefObject<HTMLButtonElement | null>;
  announce: (text: string) => void;
  onEndForEveryone: () => void;
}) {
  const [confirmingEnd, setConfirmingEnd] = useState(false);
  const view = room.snapshot.view;
  const waiting = isHost && view ? view.waiting : NOBODY;
  useKnocks(waiting, announce);
  if (!isHost || !view) return { person: null, menu: [], peopleTop: null, waitingCount: 0, dialog: null };

  const act = room.session.act.bind(room.session);
  const busy = room.snapshot.busy !== null;
  const person: HostPersonControls = {
    onMute: (uid) => void act('mute', Number(uid)),
    onAskToUnmute: (uid) => void act('ask-unmute', Number(uid)),
    onAskForCamera: (uid) => void act('ask-camera', Number(uid)),
    onRemove: (uid) => void act('remove', Number(uid)),
  };
  const menu: MenuItem[] = [
    view.locked
      ? { label: 'Unlock room', onSelect: () => void act('unlock') }
      : { label: 'Lock room', onSelect: () => void act('lock') },
    view.waitingRoom
      ? { label: 'Turn off waiting room', onSelect: () => void act('waiting-room-off') }
      : { label: 'Turn on waiting room', onSelect: () => void act('waiting-room-on') },
    { label: 'End call for everyone', onSelect: () => setConfirmingEnd(true) },
  ];
  const peopleTop: ReactNode = (
    <>
      <WaitingList
        waiting={waiting}
        busy={busy}
        onAdmit={(uid) => void act('admit', uid)}
        onDeny={(uid) => void act('deny', uid)}
      />
      {others > 0 && (
        <button
          type="button"
          disabled={busy}
          onClick={() => void act('mute-everyone')}
          className={
            'mb-2 w-full rounded-lg px-3 py-1.5 text-sm font-medium ring-1 ring-slate-600 ' +
            'hover:bg-slate-800 focus:outline-2 focus:outline-sky-400 disabled:opacity-60'
          }
        >
          Mute everyone
        </button>
      )}
    </>
  );
  const dialog = confirmingEnd ? (
    <ConfirmDialog
      title="End the call for everyone?"
      confirmLabel="End call for everyone"
      returnFocus={moreButton}
      onCancel={() => setConfirmingEnd(false)}
      onConfirm={() => {
        setConfirmingEnd(false);
        onEndForEveryone();
      }}
    >
      Everyone leaves the call at once, and nobody can join this room again for a while.
    </ConfirmDialog>
  ) : null;
  return { person, menu, peopleTop, waitingCount: waiting.length, dialog };
}

/** For hosts, in words: what the room's lock and waiting room are doing now. */
export function HostRoomState({ view }: { view: RoomView }) {
  const lines = [
    view.locked && 'The room is locked: nobody new can join.',
    view.waitingRoom && 'The waiting room is on: newcomers wait until a host lets them in.',
  ].filter(Boolean);
  if (lines.length === 0) return null;
  return (
    <p role="status" className="rounded-lg bg-violet-500/10 px-3 py-2 text-sm text-violet-100">
      {lines.join(' ')}
    </p>
  );
}
