'use client';
// The room of the call page, for React: one RoomSession per page (it outlasts Leave and Rejoin), the
// host key this browser holds for it, and the room's latest state.
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { CallPageConfig } from '../../shared/call-contract';
import { forgetHostKey, takeHostKey } from './host-key';
import { RoomSession } from './room-session';

export function useRoom(channel: string, config: CallPageConfig) {
  const hostKey = useRef<string | null>(null);
  const [heldKey, setHeldKey] = useState<string | null>(null);
  const [session] = useState(
    () =>
      new RoomSession({
        channel,
        // Rooms are this app's own API: not there with an external token server, or when misconfigured.
        enabled: config.tokenBaseUrl === '/api' && Boolean(config.pageTicket) && !config.configurationError,
        access: () => ({ pageTicket: config.pageTicket, hostKey: hostKey.current }),
        hostKeyRefused: () => {
          forgetHostKey(channel);
          hostKey.current = null;
          setHeldKey(null);
        },
      }),
  );
  useEffect(() => {
    // In the browser only: the key is in the address's fragment or this browser's storage.
    hostKey.current = takeHostKey(channel);
    setHeldKey(hostKey.current); // eslint-disable-line react-hooks/set-state-in-effect -- read from the browser
    session.start();
    return () => session.stop();
  }, [session, channel]);
  const snapshot = useSyncExternalStore(session.subscribe, session.getSnapshot, session.getSnapshot);
  return { session, snapshot, hostKey: heldKey };
}
