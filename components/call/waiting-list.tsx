'use client';
import { useId } from 'react';
import type { RoomView } from '@/lib/shared/room-contract';
import { useNowSeconds } from '@/lib/client/use-now';

type Waiting = RoomView['waiting'][number];

/** How long someone has waited, in words. */
export function waitedFor(since: number, nowMs: number): string {
  const minutes = Math.floor(Math.max(0, nowMs - since) / 60_000);
  if (minutes < 1) return 'Waiting less than a minute';
  return minutes === 1 ? 'Waiting 1 minute' : `Waiting ${minutes} minutes`;
}

const button =
  'shrink-0 rounded-md px-2 py-1 text-xs font-medium ring-1 focus:outline-2 focus:outline-sky-400 disabled:opacity-60';

/** For hosts, above People: who knocked in the waiting room, oldest first, to admit or deny. */
export function WaitingList({
  waiting,
  busy,
  onAdmit,
  onDeny,
}: {
  waiting: Waiting[];
  busy: boolean;
  onAdmit: (uid: number) => void;
  onDeny: (uid: number) => void;
}) {
  const headingId = useId();
  const now = useNowSeconds(waiting.length > 0) * 1000;
  if (waiting.length === 0) return null;
  return (
    <section aria-labelledby={headingId} className="mb-3 rounded-xl bg-amber-500/10 p-2 ring-1 ring-amber-400/30">
      <h3 id={headingId} className="px-1 pb-1 text-sm font-semibold text-amber-100">
        Waiting to join ({waiting.length})
      </h3>
      <ul className="flex flex-col gap-1">
        {waiting.map((person) => (
          <li key={person.uid} aria-label={person.name} className="flex items-center gap-2 px-1 py-1">
            <span className="flex min-w-0 flex-1 flex-col">
              <span className="truncate">{person.name}</span>
              <span className="text-xs text-amber-200/80">{waitedFor(person.since, now)}</span>
            </span>
            <button
              type="button"
              disabled={busy}
              aria-label={`Admit ${person.name}`}
              onClick={() => onAdmit(person.uid)}
              className={`${button} bg-emerald-500 text-slate-950 ring-emerald-400 hover:bg-emerald-400`}
            >
              Admit
            </button>
            <button
              type="button"
              disabled={busy}
              aria-label={`Deny ${person.name}`}
              onClick={() => onDeny(person.uid)}
              className={`${button} ring-slate-500 hover:bg-slate-700`}
            >
              Deny
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
