'use client';
// The call as React sees it: one CallSession per join, its snapshot, and its token.
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { CallPageConfig } from '../shared/call-contract';
import type { LocalTrack, TokenGrant, Uid } from './engine/rtc';
import type { CallEngine } from './engine/call-engine';
import { CallSession } from './call-session';
import { IDLE_SNAPSHOT } from './call-snapshot';
import { useRtcToken, useTokenSource } from './use-token';

/** An App ID and token pasted from Agora Console instead of fetching one (not renewable). */
export interface PastedToken {
  appId: string;
  token: string;
}

const noSession = { subscribe: () => () => {}, getSnapshot: () => IDLE_SNAPSHOT };

/**
 * The call for one channel and uid: fetches its token while the person looks at the preview, makes
 * one CallSession per join (StrictMode-safe), and leaves when the page is hidden or unmounted.
 */
export function useCallSession(engine: CallEngine | null, channel: string, uid: Uid, config: CallPageConfig, active: boolean) {
  const token = useRtcToken(useTokenSource(config), channel, uid, active && !config.configurationError);
  const [session, setSession] = useState<CallSession | null>(null);
  const current = useRef<CallSession | null>(null);
  const source = session ?? noSession;
  const snapshot = useSyncExternalStore(source.subscribe, source.getSnapshot, () => IDLE_SNAPSHOT);

  // Navigating away or closing the tab leaves the call and turns the camera off.
  useEffect(() => {
    const leave = () => void current.current?.leave();
    window.addEventListener('pagehide', leave);
    return () => {
      window.removeEventListener('pagehide', leave);
      leave();
    };
  }, []);

  const join = useCallback(
    (tracks: LocalTrack[], options: { pasted?: PastedToken | null; speakerId?: string | null } = {}) => {
      if (!engine || current.current) return;
      const { pasted, speakerId } = options;
      const pastedGrant: TokenGrant | null = pasted ? { token: pasted.token, appId: pasted.appId, uid: 0, channel, expiresAt: null } : null;
      const next = new CallSession({
        client: engine.createClient(),
        channel,
        getToken: pastedGrant ? async () => pastedGrant : token.refresh,
        joinTimeoutMs: config.joinTimeoutMs,
        renewable: !pastedGrant,
        // This page's own screen share is its second client: shown as "Your screen", not received.
        ignoreUids: [String(config.screenUid)],
      });
      current.current = next;
      setSession(next);
      if (speakerId) void next.setSpeaker(speakerId);
      void next.join(tracks, pastedGrant ?? token.grant);
    },
    [engine, channel, token.refresh, token.grant, config.joinTimeoutMs, config.screenUid],
  );

  /** Leaves and forgets the session, so the next join starts a new one. */
  const leave = useCallback(async () => {
    const leaving = current.current;
    current.current = null;
    await leaving?.leave();
    setSession(null);
  }, []);

  const retry = useCallback(() => void current.current?.retry(), []);

  /** In a call a switch also publishes or unpublishes; outside one it only turns the device on or off. */
  const setTrackEnabled = useCallback(async (track: LocalTrack, enabled: boolean) => {
    if (current.current) await current.current.setTrackEnabled(track, enabled);
    else await track.setEnabled(enabled);
  }, []);

  const setSpeaker = useCallback((deviceId: string) => current.current?.setSpeaker(deviceId), []);

  return {
    snapshot,
    inCall: session !== null,
    /** The session itself, for its connection-quality readings. */
    session,
    token: { ready: Boolean(token.grant), error: token.error ? token.error.message : null },
    join,
    leave,
    retry,
    setTrackEnabled,
    setSpeaker,
  };
}
