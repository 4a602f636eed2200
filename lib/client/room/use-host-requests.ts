'use client';
// What hosts ask of this person, acted on once each (the RoomSession keeps which were handled): a
// "mute" mutes the microphone at once and says who did it; "Mute everyone" likewise; asking to
// unmute or to turn the camera on only asks — the person answers, a host never turns anything on.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { HostRequest } from '../../shared/room-contract';
import type { RoomSession } from './room-session';

export type HostAsk = HostRequest & { kind: 'ask-unmute' | 'ask-camera' };

export interface HostRequestHandlers {
  /** Turns this person's microphone off (as their own Mute button does). */
  mute: () => void;
  /** Tells the person what happened, in words. */
  say: (text: string) => void;
  /** Who pressed "Mute everyone" (the view carries no name: "A host" unless only one host is here). */
  muteEveryoneBy: () => string;
  /** In a stage room's audience nothing is published: there is nothing to turn on. */
  audience: boolean;
}

export function useHostRequests(session: RoomSession, handlers: HostRequestHandlers) {
  const [asks, setAsks] = useState<HostAsk[]>([]);
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });

  useEffect(() => {
    // Joining (or rejoining) does not act on what hosts asked before: only what comes from now on.
    session.catchUpHostRequests();
    const handle = () => {
      const { requests, muteEveryone } = session.takeHostRequests();
      const { mute, say, muteEveryoneBy, audience } = latest.current;
      for (const request of requests) {
        if (request.kind === 'mute') {
          mute();
          say(`${request.by} muted you`);
        } else if (!audience) {
          const ask = request as HostAsk;
          // One question of each kind at a time: the newest.
          setAsks((current) => [...current.filter((open) => open.kind !== ask.kind), ask]);
        }
      }
      if (muteEveryone) {
        mute();
        say(`${muteEveryoneBy()} muted everyone`);
      }
    };
    handle();
    const unsubscribe = session.subscribe(handle);
    return () => void unsubscribe();
  }, [session]);

  /** The person answered (either way): the question goes. */
  const answer = useCallback((ask: HostAsk) => setAsks((current) => current.filter((open) => open.id !== ask.id)), []);
  return { asks, answer };
}
