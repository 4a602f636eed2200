'use client';
// Names, hands and chat for React: one PresenceSession per stay in the call, made at Join (a hand
// raised while joining is kept), logged in once the RTC join has succeeded (so Signaling never
// delays joining or the first frame) and stopped on leave.
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { SessionSlot } from './session-slot';
import type { CallPageConfig } from '../shared/call-contract';
import type { CallEngine } from './engine/call-engine';
import { PresenceSession, type PresenceSnapshot } from './presence/presence-session';
import { useSignalingToken, useTokenSource } from './use-token';

/** `inCall`: this stay has begun (Join pressed); `joined`: its RTC join has succeeded. */
export function usePresence(engine: CallEngine | null, config: CallPageConfig, channel: string, name: string, inCall: boolean, joined: boolean) {
  const userId = String(config.uid);
  const token = useSignalingToken(useTokenSource(config), userId, joined && !config.configurationError);
  const [slot] = useState(() => new SessionSlot<PresenceSession, PresenceSnapshot | null>(null));
  const snapshot = useSyncExternalStore(slot.subscribe, slot.getSnapshot, () => null);
  const tokenSettled = Boolean(token.grant || token.error);
  const { refresh } = token;
  const initialGrant = token.grant;

  useEffect(() => {
    if (!inCall || !engine) return;
    const next = new PresenceSession({
      channel,
      userId,
      name,
      getToken: refresh,
      createClient: (grant) => engine.createSignalingClient(grant.appId, userId),
      loginTimeoutMs: config.joinTimeoutMs,
    });
    slot.set(next);
    return () => {
      void next.stop();
      slot.set(null);
    };
    // A session lives for one stay in the call: a new token or name must not restart it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [inCall, engine]);

  useEffect(() => {
    if (joined && tokenSettled) void slot.get()?.start(initialGrant);
    // After the effect above (a new session for a new stay or engine); start() logs in once per session.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [inCall, engine, joined, tokenSettled]);

  const send = useCallback((text: string) => slot.get()?.send(text) ?? Promise.reject(new Error('Chat is not connected yet.')), [slot]);
  const setHand = useCallback((hand: boolean) => void slot.get()?.setHand(hand), [slot]);
  const setScreen = useCallback((screenUid: string | null) => void slot.get()?.setScreen(screenUid), [slot]);
  return { snapshot, send, setHand, setScreen };
}
