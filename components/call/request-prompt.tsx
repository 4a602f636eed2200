'use client';
import { useEffect, useId, useRef, type ReactNode } from 'react';

const yesButton =
  'rounded-lg bg-sky-500 px-4 py-2 font-medium text-slate-950 ' +
  'hover:bg-sky-400 focus:outline-2 focus:outline-offset-2 focus:outline-sky-300 disabled:opacity-60';
const noButton =
  'rounded-lg px-4 py-2 font-medium ring-1 ring-sky-300/50 hover:bg-sky-500/20 focus:outline-2 focus:outline-sky-300';

/**
 * A host asks, the person answers: a question with a yes (focused when a new question comes, named by
 * `requestKey`) and "Not now". Only the person's answer turns anything on.
 */
export function RequestPrompt({
  title,
  children,
  yesLabel,
  onYes,
  onNo,
  busy = false,
  requestKey,
}: {
  title: ReactNode;
  children?: ReactNode;
  yesLabel: string;
  onYes: () => void;
  onNo: () => void;
  busy?: boolean;
  requestKey?: string | number;
}) {
  const titleId = useId();
  const yes = useRef<HTMLButtonElement>(null);
  useEffect(() => yes.current?.focus(), [requestKey]);
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
          {title}
        </h2>
        {children}
      </div>
      <div className="flex gap-2">
        <button ref={yes} type="button" disabled={busy} onClick={onYes} className={yesButton}>
          {yesLabel}
        </button>
        <button type="button" disabled={busy} onClick={onNo} className={noButton}>
          Not now
        </button>
      </div>
    </section>
  );
}
