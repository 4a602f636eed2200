'use client';
import { useEffect, useState } from 'react';
import { createAgoraEngine, loadAgoraSdk } from './agora-engine';
import type { CallEngine } from './call-engine';

/** Starts loading the media engine as soon as the call page mounts, so Join is not delayed. */
export function useCallEngine(override?: CallEngine) {
  const [engine, setEngine] = useState<CallEngine | null>(override ?? null);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (override) return;
    let cancelled = false;
    loadAgoraSdk()
      .then((sdk) => {
        if (!cancelled) setEngine(createAgoraEngine(sdk));
      })
      .catch(() => {
        if (!cancelled) setError('The video SDK could not be downloaded. Check your connection and retry.');
      });
    return () => {
      cancelled = true;
    };
  }, [override, attempt]);

  const retry = () => {
    setError(null);
    setAttempt((value) => value + 1);
  };
  return { engine, error, retry };
}
