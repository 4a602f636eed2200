'use client';
// Who arrived in the call just now: their name is still on its way over Signaling, so they show as
// "Joining…" rather than as a guest. After NAME_WAIT_MS without a name (their Signaling never came)
// they are a guest by uid.
import { useEffect, useMemo, useState } from 'react';

export const NAME_WAIT_MS = 10_000;

/** When each uid was first seen. Someone who leaves is forgotten, so a return is a new arrival. */
export class Arrivals {
  private readonly firstSeen = new Map<string, number>();

  note(uids: string[], now: number) {
    const present = new Set(uids);
    for (const uid of this.firstSeen.keys()) if (!present.has(uid)) this.firstSeen.delete(uid);
    for (const uid of uids) if (!this.firstSeen.has(uid)) this.firstSeen.set(uid, now);
  }

  /** The uids seen for less than `waitMs` at `now`; one not noted yet has only just arrived. */
  newcomers(uids: string[], now: number, waitMs: number): Set<string> {
    return new Set(uids.filter((uid) => now - (this.firstSeen.get(uid) ?? now) < waitMs));
  }

  /** When the next newcomer stops being one, or null when nobody is waiting. */
  nextChange(now: number, waitMs: number): number | null {
    const ends = [...this.firstSeen.values()].map((at) => at + waitMs).filter((end) => end > now);
    return ends.length > 0 ? Math.min(...ends) : null;
  }
}

/** The uids that arrived less than `waitMs` ago, rendered again when that changes. */
export function useNewcomers(uids: string[], waitMs = NAME_WAIT_MS): ReadonlySet<string> {
  const [arrivals] = useState(() => new Arrivals());
  const [now, setNow] = useState(() => Date.now());
  const key = uids.join(' ');
  useEffect(() => {
    const at = Date.now();
    arrivals.note(key ? key.split(' ') : [], at);
    const next = arrivals.nextChange(at, waitMs);
    if (next === null) return;
    const timer = setTimeout(() => setNow(Math.max(Date.now(), next)), next - at);
    return () => clearTimeout(timer);
  }, [arrivals, key, now, waitMs]);
  // The same Set while the same people are newcomers, so what is memoised on it stays put.
  const current = [...arrivals.newcomers(uids, now, waitMs)].join(' ');
  return useMemo(() => new Set(current ? current.split(' ') : []), [current]);
}
