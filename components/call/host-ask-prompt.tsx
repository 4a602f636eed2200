'use client';
import { useEffect, useId, useRef } from 'react';
import type { HostAsk } from '@/lib/client/room/use-host-requests';

const WORDS = {
  'ask-unmute': { question: 'asks you to unmute', yes: 'Unmute' },
  'ask-camera': { question: 'asks you to turn on your camera', yes: 'Turn on camera' },
} as const;

/** A host asked this person to turn something on: only the person can, by answering here. */
export function HostAskPrompt({ ask, onYes, onNo }: { ask: HostAsk; onYes: () => void; onNo: () => void }) {
  const titleId = useId();
  const yes = useRef<HTMLButtonElement>(null);
  useEffect(() => yes.current?.focus(), [ask.id]);
  const words = WORDS[ask.kind];
  return (
    <section
      role="alertdialog"
      aria-labelledby={titleId}
      className={
        'flex flex-wrap items-center justify-between gap-3 ' +
        'rounded-xl bg-sky-500/15 px-4 py-3 text-sky-50 ring-1 ring-sky-400/40'
      }
    >
      <h2 id={titleId} className="min-w-0 font-semibold">
        {ask.by} {words.question}
      </h2>
      <div className="flex gap-2">
        <button
          ref={yes}
          type="button"
          onClick={onYes}
          className={
            'rounded-lg bg-sky-500 px-4 py-2 font-medium text-slate-950 ' +
            'hover:bg-sky-400 focus:outline-2 focus:outline-offset-2 focus:outline-sky-300'
          }
        >
          {words.yes}
        </button>
        <button
          type="button"
          onClick={onNo}
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
