'use client';
import { useEffect, useId, useRef } from 'react';

/** A host's invitation to the stage: the person decides. Joining keeps the camera and microphone as they are now. */
export function StageInvitation({
  busy,
  micOn,
  cameraOn,
  onAccept,
  onDecline,
}: {
  busy: boolean;
  micOn: boolean;
  cameraOn: boolean;
  onAccept: () => void;
  onDecline: () => void;
}) {
  const titleId = useId();
  const join = useRef<HTMLButtonElement>(null);
  useEffect(() => join.current?.focus(), []);
  const devices = [micOn ? 'microphone on' : 'microphone off', cameraOn ? 'camera on' : 'camera off'].join(', ');
  return (
    <section
      role="alertdialog"
      aria-labelledby={titleId}
      className={
        'flex flex-wrap items-center justify-between gap-3 ' +
        'rounded-xl bg-sky-500/15 px-4 py-3 text-sky-50 ring-1 ring-sky-400/40'
      }
    >
      <div className="min-w-0">
        <h2 id={titleId} className="font-semibold">
          A host invited you to the stage
        </h2>
        <p className="text-sm text-sky-100/80">
          Everyone will see and hear you ({devices}). You can leave the stage at any time.
        </p>
      </div>
      <div className="flex gap-2">
        <button
          ref={join}
          type="button"
          disabled={busy}
          onClick={onAccept}
          className={
            'rounded-lg bg-sky-500 px-4 py-2 font-medium text-slate-950 ' +
            'hover:bg-sky-400 focus:outline-2 focus:outline-offset-2 focus:outline-sky-300 disabled:opacity-60'
          }
        >
          {busy ? 'Joining the stage…' : 'Join the stage'}
        </button>
        <button
          type="button"
          disabled={busy}
          onClick={onDecline}
          className={
            'rounded-lg px-4 py-2 font-medium ring-1 ring-sky-300/50 ' +
            'hover:bg-sky-500/20 focus:outline-2 focus:outline-sky-300'
          }
        >
          Not now
        </button>
      </div>
    </section>
  );
}
