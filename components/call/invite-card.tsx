'use client';
import { LinkIcon } from '../ui/icons';

/**
 * Shown while nobody else is in the call: the link to share, ready to copy. Until the join has
 * succeeded it says the call is still connecting instead (joined, you would not be alone yet).
 */
export function InviteCard({
  link,
  hostLink,
  onCopy,
  connecting,
}: {
  link: string;
  hostLink?: string | null;
  onCopy: () => void;
  connecting: boolean;
}) {
  if (connecting) {
    return (
      <section
        aria-label="Connecting"
        className={
          'flex h-full w-full flex-col justify-center gap-3 overflow-auto ' +
          'rounded-2xl bg-slate-900 p-5 ring-1 ring-slate-800'
        }
      >
        <h2 className="flex items-center gap-3 text-lg font-semibold">
          <span
            aria-hidden="true"
            className="h-4 w-4 shrink-0 animate-spin rounded-full border-2 border-slate-600 border-t-sky-400"
          />
          Connecting to the call…
        </h2>
        <p className="text-sm text-slate-400">
          You are not in the call yet: nobody sees or hears you until it connects.
        </p>
      </section>
    );
  }
  return (
    <section
      aria-label="Invite others"
      className={
        'flex h-full w-full flex-col justify-center gap-3 overflow-auto ' +
        'rounded-2xl bg-slate-900 p-5 ring-1 ring-slate-800 ring-inset'
      }
    >
      <h2 className="text-lg font-semibold">Waiting for others to join</h2>
      <p className="text-sm text-slate-400">Share this link: whoever opens it joins you here.</p>
      <p className="rounded-lg bg-slate-950 px-3 py-2 font-mono text-sm break-all text-slate-200 select-all">{link}</p>
      <button
        type="button"
        onClick={onCopy}
        className={
          'flex w-fit items-center gap-2 rounded-lg bg-sky-500 px-4 py-2 font-medium text-slate-950 ' +
          'hover:bg-sky-400 focus:outline-2 focus:outline-offset-2 focus:outline-sky-300'
        }
      >
        <LinkIcon />
        Copy link
      </button>
      {hostLink && (
        <details className="text-sm text-slate-400">
          <summary className="cursor-pointer hover:text-slate-200">Host link, for co-hosts</summary>
          <p className="mt-2">Whoever opens this link is a host of this room: share it only with co-hosts.</p>
          <p className="mt-2 rounded-lg bg-slate-950 px-3 py-2 font-mono break-all text-slate-200 select-all">
            {hostLink}
          </p>
        </details>
      )}
    </section>
  );
}

/** Shown to the audience while nobody is on the stage. */
export function EmptyStageCard({ connecting }: { connecting: boolean }) {
  return (
    <section
      aria-label="Stage"
      className={
        'flex h-full w-full flex-col justify-center gap-3 overflow-auto ' +
        'rounded-2xl bg-slate-900 p-5 ring-1 ring-slate-800 ring-inset'
      }
    >
      <h2 className="text-lg font-semibold">{connecting ? 'Connecting to the event…' : 'Nobody is on stage yet'}</h2>
      <p className="text-sm text-slate-400">
        The hosts and the people they invite appear here. You are in the audience: nobody sees or hears you.
      </p>
    </section>
  );
}
