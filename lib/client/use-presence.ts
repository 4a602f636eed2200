'use client';
// Names, hands and chat for React: one PresenceSession per stay in the call, started once the RTC
// join has succeeded (so Signaling never delays joining or the first frame) and stopped on leave.
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { SessionSlot } from './session-slot';
import type { CallPageConfig } from '../call-contract';
import type { CallEngine } from './call-engine';
import { PresenceSession, type PresenceSnapshot } from './presence/presence-session';
import { useSignalingToken, useTokenSource } from './use-token';

export function usePresence(engine: CallEngine | null, config: CallPageConfig, channel: string, name: string, active: boolean) {
  const userId = String(config.uid);
  const token = useSignalingToken(useTokenSource(config), userId, active && !config.configurationError);
  const [slot] = useState(() => new SessionSlot<PresenceSession, PresenceSnapshot | null>(null));
  const snapshot = useSyncExternalStore(slot.subscribe, slot.getSnapshot, () => null);
  const tokenSettled = Boolean(token.grant || token.error);
  const { refresh } = token;
  const initialGrant = token.grant;

  useEffect(() => {
    if (!active || !tokenSettled || !engine) return;
    const next = new PresenceSession({
      channel,
      userId,
      name,
      getToken: refresh,
      createClient: (grant) => engine.createSignalingClient(grant.appId, userId),
      loginTimeoutMs: config.joinTimeoutMs,
    });
    slot.set(next);
    void next.start(initialGrant);
    return () => {
      void next.stop();
      slot.set(null);
    };
    // A session lives for one stay in the call: a new token or name must not restart it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [active, tokenSettled]);

  const send = useCallback((text: string) => slot.get()?.send(text) ?? Promise.reject(new Error('Chat is not connected yet.')), [slot]);
  const setHand = useCallback((hand: boolean) => void slot.get()?.setHand(hand), [slot]);
  const setScreen = useCallback((screenUid: string | null) => void slot.get()?.setScreen(screenUid), [slot]);
  return { snapshot, send, setHand, setScreen };
}
