'use client';
// React's view of a Call: CallRoom provides the stay's Call once; components read what they need
// with these hooks. Selectors must return a part of the snapshot (or a primitive), never a new
// object, so that a change elsewhere does not re-render them.
import { createContext, useCallback, useContext, useSyncExternalStore } from 'react';
import type { CallSnapshot } from '../call-session';
import type { KeyedValues } from '../participant-signals';
import { ACTIVE } from '../participant-signals';
import type { QualityMark } from '../network-quality';
import type { PresenceSnapshot } from '../presence/presence-session';
import type { Call } from './call';
import type { ShareState } from './screen-share';

export const CallContext = createContext<Call | null>(null);

/** The Call of this stay; only components inside CallContext call it. */
export function useCall(): Call {
  const call = useContext(CallContext);
  if (!call) throw new Error('useCall() outside a CallContext');
  return call;
}

interface Readable<S> {
  subscribe(listener: () => void): () => void;
  getSnapshot(): S;
}

function useSelected<S, T>(store: Readable<S>, select: (snapshot: S) => T): T {
  const read = () => select(store.getSnapshot());
  return useSyncExternalStore(store.subscribe, read, read);
}

export const useCallSnapshot = <T>(select: (snapshot: CallSnapshot) => T) => useSelected(useCall().camera, select);

export const usePresence = <T>(select: (snapshot: PresenceSnapshot) => T) => useSelected(useCall().presence, select);

export const useShare = <T>(select: (state: ShareState) => T) => useSelected(useCall().share, select);

function useKeyed<V>(values: KeyedValues<V> | undefined, key: string | undefined): V | undefined {
  const subscribe = useCallback(
    (listener: () => void) => (values && key !== undefined ? values.subscribe(key, listener) : () => {}),
    [values, key],
  );
  const read = () => (values && key !== undefined ? values.get(key) : undefined);
  return useSyncExternalStore(subscribe, read, read);
}

/** Whether the participant under `key` ('self' for you) is speaking now; false outside a call. */
export const useIsSpeaking = (key: string | undefined) =>
  useKeyed(useContext(CallContext)?.speaking.speaking, key) ?? false;

/** The connection-quality mark of the participant under `key` ('self' for you). */
export const useQualityMark = (key: string | undefined): QualityMark | undefined =>
  useKeyed(useContext(CallContext)?.quality.marks, key);

/** The loudest remote speaker lately, for the speaker view (only it listens); null before anyone spoke. */
export const useActiveSpeaker = (listening: boolean) =>
  useKeyed(useContext(CallContext)?.speaking.active, listening ? ACTIVE : undefined) ?? null;
