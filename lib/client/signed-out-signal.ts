// Signing out in one tab tells this browser's other tabs at once (BroadcastChannel), so a call in
// progress says so right away instead of at its next renewal (which the server refuses anyway).
import { useEffect, useState } from 'react';

const CHANNEL = 'agora-calls.sign-in';

/** Sent by the page that confirms the sign-out. */
export function announceSignedOut() {
  if (typeof BroadcastChannel === 'undefined') return;
  const channel = new BroadcastChannel(CHANNEL);
  channel.postMessage('signed-out');
  channel.close();
}

/** Whether another tab of this browser signed out since this page opened (`listen`: the page is signed in). */
export function useSignedOutElsewhere(listen: boolean): boolean {
  const [signedOut, setSignedOut] = useState(false);
  useEffect(() => {
    if (!listen || typeof BroadcastChannel === 'undefined') return;
    const channel = new BroadcastChannel(CHANNEL);
    channel.onmessage = (event) => {
      if (event.data === 'signed-out') setSignedOut(true);
    };
    return () => channel.close();
  }, [listen]);
  return signedOut;
}
