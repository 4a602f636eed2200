'use client';
import { useEffect, useState } from 'react';

/** Unix seconds, ticking every second while `active`, so "expires in …" stays true on screen. */
export function useNowSeconds(active: boolean): number {
  const [now, setNow] = useState(() => Math.floor(Date.now() / 1000));
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setNow(Math.floor(Date.now() / 1000)), 1000);
    return () => clearInterval(timer);
  }, [active]);
  return now;
}
