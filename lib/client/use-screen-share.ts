'use client';
// Sharing a screen: the Agora SDK sends one video track per client, so the screen goes out through
// a second client with the page's second uid, its own token (fetched with SWR, renewed on its own
// will-expire, rejoined after expiry — a CallSession like the camera's) and nothing received.
// Signaling tells the others whose screen that uid is.
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { CallPageConfig } from '../shared/call-contract';
import type { CallEngine, ScreenTrack } from './engine/call-engine';
import { CallSession } from './call-session';
import { IDLE_SNAPSHOT, type CallSnapshot } from './call-snapshot';
import { SessionSlot } from './session-slot';
import { useRtcToken, useTokenSource } from './use-token';

export type ShareStatus = 'idle' | 'starting' | 'sharing';

/** Browsers that can share a screen (not phones: they have no getDisplayMedia). */
export const canShareScreen = () => typeof navigator !== 'undefined' && typeof navigator.mediaDevices?.getDisplayMedia === 'function';

const cancelled = (error: unknown) => /NotAllowed|Permission denied|PERMISSION_DENIED|AbortError/i.test(`${(error as Error)?.name} ${(error as Error)?.message}`);

export function useScreenShare(engine: CallEngine | null, channel: string, config: CallPageConfig, announce: (screenUid: string | null) => void) {
  const token = useRtcToken(useTokenSource(config), channel, config.screenUid, false);
  const [slot] = useState(() => new SessionSlot<CallSession, CallSnapshot>(IDLE_SNAPSHOT));
  const snapshot = useSyncExternalStore(slot.subscribe, slot.getSnapshot, () => IDLE_SNAPSHOT);
  const [status, setStatus] = useState<ShareStatus>('idle');
  const [error, setError] = useState<string | null>(null);
  const track = useRef<ScreenTrack | null>(null);
  const { refresh } = token;

  const stop = useCallback(async () => {
    const session = slot.get();
    slot.set(null);
    track.current = null;
    announce(null);
    setStatus('idle');
    await session?.leave(); // closes the screen track too
  }, [slot, announce]);

  const start = useCallback(async () => {
    if (!engine || slot.get() || track.current) return;
    setError(null);
    setStatus('starting');
    let screen: ScreenTrack;
    try {
      screen = await engine.createScreenTrack();
    } catch (failure) {
      setStatus('idle');
      if (!cancelled(failure)) setError(`The screen could not be shared (${(failure as Error).message}).`);
      return;
    }
    track.current = screen;
    const session = new CallSession({ client: engine.createClient({ receive: false }), channel, getToken: refresh, joinTimeoutMs: config.joinTimeoutMs, receive: false });
    slot.set(session);
    screen.onEnded(() => void stop()); // the browser's own "Stop sharing"
    await session.join([screen]);
    if (session.getSnapshot().phase !== 'joined') {
      setError(`The screen could not be shared: ${session.getSnapshot().problem?.detail ?? 'the share did not connect.'}`);
      await stop();
      return;
    }
    announce(String(config.screenUid));
    setStatus('sharing');
  }, [engine, slot, channel, refresh, config.joinTimeoutMs, config.screenUid, announce, stop]);

  // Leaving the page (or the call) ends the share.
  useEffect(() => () => void slot.get()?.leave(), [slot]);

  return { status, error, snapshot, start, stop, clearError: () => setError(null) };
}
