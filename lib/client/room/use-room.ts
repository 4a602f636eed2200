'use client';
// The room of the call page, for React: one RoomSession per page (it outlasts Leave and Rejoin),
// started in the browser with the host key this browser holds for the room, and its latest state.
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { CallPageConfig } from '../../shared/call-contract';
import { forgetHostKey, takeHostKey } from './host-key';
import { RoomSession } from './room-session';

export function useRoom(channel: string, config: CallPageConfig) {
  const [session] = useState(
    () =>
      new RoomSession({
        channel,
        // Rooms are this app's own API: not there with an external token server, or when misconfigured.
        enabled: config.tokenBaseUrl === '/api' && Boolean(config.pageTicket) && !config.configurationError,
        pageTicket: config.pageTicket,
        forgetHostKey: () => forgetHostKey(channel),
      }),
  );
  useEffect(() => {
    // The key is in the address's fragment or this browser's storage: known in the browser only.
    session.start(takeHostKey(channel));
    // A tab in the background is read rarely (browsers slow its timers): read the room when it comes back,
    // so someone let in while they looked elsewhere goes in at once.
    const onVisible = () => {
      if (document.visibilityState === 'visible') void session.refresh();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      document.removeEventListener('visibilitychange', onVisible);
      session.stop();
    };
  }, [session, channel]);
  const snapshot = useSyncExternalStore(session.subscribe, session.getSnapshot, session.getSnapshot);
  return { session, snapshot, hostKey: snapshot.hostKey };
}
