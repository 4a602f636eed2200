'use client';
// Who is speaking, from the audio levels of the tracks (Agora's remote audio tracks report them;
// local mode reads the levels the browser keeps per received stream). Polled a few times a second:
// a tile lights up while its level is above a threshold, and stays lit briefly between words.
import { useEffect, useRef, useState } from 'react';

interface Level {
  getVolumeLevel?(): number;
}

const POLL_MS = 200;
const SPEAKING_LEVEL = 0.05;
const HOLD_MS = 800;

export interface Speaking {
  /** Keys whose audio is above the threshold now (or was, within the hold time). */
  speaking: Set<string>;
  /** The loudest remote speaker lately, for the speaker view; null before anyone spoke. */
  active: string | null;
}

export function useSpeaking(sources: Record<string, Level | undefined>, self: string): Speaking {
  const latest = useRef(sources);
  useEffect(() => {
    latest.current = sources;
  });
  const [state, setState] = useState<Speaking>({ speaking: new Set(), active: null });
  const lastHeard = useRef(new Map<string, number>());

  useEffect(() => {
    const timer = setInterval(() => {
      const now = Date.now();
      let loudest: { key: string; level: number } | null = null;
      for (const [key, source] of Object.entries(latest.current)) {
        const level = source?.getVolumeLevel?.() ?? 0;
        if (level >= SPEAKING_LEVEL) {
          lastHeard.current.set(key, now);
          if (key !== self && (!loudest || level > loudest.level)) loudest = { key, level };
        }
      }
      const speaking = new Set([...lastHeard.current].filter(([, at]) => now - at < HOLD_MS).map(([key]) => key));
      setState((previous) => {
        const active = loudest?.key ?? previous.active;
        const same = active === previous.active && speaking.size === previous.speaking.size && [...speaking].every((key) => previous.speaking.has(key));
        return same ? previous : { speaking, active };
      });
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [self]);
  return state;
}
