'use client';
// A debug surface for whoever debugs a call (and for the end-to-end tests): with `?debug` in the
// call page's address, `window.__callDebug` holds the call's and Signaling's token counters. Without
// it nothing is exposed, and the page's markup never carries them (README → Debugging a call).
import { useEffect } from 'react';
import type { Call } from './call/call';
import type { CallSnapshot } from './call-snapshot';
import type { PresenceSnapshot } from './presence/snapshot';

export interface CallDebug {
  call: { phase: CallSnapshot['phase']; renewals: number; rejoins: number; tokenExpiresAt: number | null };
  signaling: { status: PresenceSnapshot['status']; renewals: number; relogins: number };
}

declare global {
  interface Window {
    __callDebug?: CallDebug;
  }
}

export const debugRequested = (search: string) => new URLSearchParams(search).has('debug');

/** Keeps window.__callDebug up to date with this Call while the page was opened with ?debug. */
export function useCallDebug(call: Pick<Call, 'camera' | 'presence'>) {
  useEffect(() => {
    if (!debugRequested(window.location.search)) return;
    const write = () => {
      const camera = call.camera.getSnapshot();
      const signaling = call.presence.getSnapshot();
      window.__callDebug = {
        call: {
          phase: camera.phase,
          renewals: camera.renewals,
          rejoins: camera.rejoins,
          tokenExpiresAt: camera.tokenExpiresAt,
        },
        signaling: { status: signaling.status, renewals: signaling.renewals, relogins: signaling.relogins },
      };
    };
    write();
    const stops = [call.camera.subscribe(write), call.presence.subscribe(write)];
    return () => stops.forEach((stop) => stop());
  }, [call]);
}
