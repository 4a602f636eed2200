'use client';
// The waiting room from the newcomer's side: the page knocks with the person's name (hosts see who
// waits), knocks again when the name is changed, and once the room says they are let in (or the room
// is unlocked) asks for the token again — the token, not the page, is what lets anyone in.
import { useEffect, useRef } from 'react';
import type { ErrorCode } from '../../shared/error-codes';
import type { RoomView } from '../../shared/room-contract';
import type { RoomSession } from './room-session';

/** A pause after typing, so the hosts' list does not change with every letter of a name. */
const NAME_SETTLES_MS = 800;
const KNOCK_AGAIN_MS = 4_000;

export function useAdmission(
  session: RoomSession,
  view: RoomView | null,
  name: string,
  token: { code: ErrorCode | null; retry: () => void },
) {
  const knockedAs = useRef<string | null>(null);
  const admission = view?.you.admission;

  useEffect(() => {
    const waiting = admission === 'not-admitted' || admission === 'waiting';
    if (!waiting || !name || knockedAs.current === name) return;
    // The first knock goes at once; a changed name after a pause.
    const delay = knockedAs.current === null ? 0 : NAME_SETTLES_MS;
    const timer = setTimeout(() => {
      knockedAs.current = name;
      session.setName(name);
      // Not heard (no connection, store away): knock again on a read of the room a little later.
      void session.act('knock').then((heard) => {
        if (!heard) setTimeout(() => (knockedAs.current = null), KNOCK_AGAIN_MS);
      });
    }, delay);
    return () => clearTimeout(timer);
  }, [session, view, admission, name]);

  // Let in, unlocked, or the waiting room turned off: the refused token is asked for again, on each read
  // of the room that says so (a token server a moment behind the room is asked again 4 s later).
  const { code, retry } = token;
  const refusedForNow = code === 'waiting_for_host' || code === 'room_locked';
  const mayEnter = admission === 'in' && !(code === 'room_locked' && view?.locked);
  useEffect(() => {
    if (refusedForNow && mayEnter) retry();
  }, [refusedForNow, mayEnter, retry, view]);
}
