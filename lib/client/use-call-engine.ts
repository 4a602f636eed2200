'use client';
// Picks and loads the media engine for the page's mode (the Agora SDK download starts at once).
import { useEffect, useState } from 'react';
import { createAgoraEngine, loadAgoraSdk } from './engine/agora/engine';
import type { CallEngine } from './engine/call-engine';
import type { Mode } from '../shared/call-contract';
import { prepareClockTime } from './clock-time';
import { createLocalEngine } from './engine/local/engine';

/**
 * The media engine for this mode. Agora mode starts downloading the SDK as soon as the call page
 * mounts, so Join is not delayed; local mode needs no download at all.
 */
export function useCallEngine(mode: Mode, override?: CallEngine) {
  // The local engine touches no browser API until used, so it can exist from the first render.
  const [engine, setEngine] = useState<CallEngine | null>(
    () => override ?? (mode === 'local' ? createLocalEngine() : null),
  );
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (override || mode === 'local') return;
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
  }, [mode, override, attempt]);

  // As soon as the page is up: the preview started before React did, and the browser does most of
  // the preparing (a certificate, ICE gathering) off the main thread, so it is ready when Join is;
  // so is the formatter of the times the call view shows.
  useEffect(() => {
    engine?.prepare?.();
    prepareClockTime();
  }, [engine]);

  const retry = () => {
    setError(null);
    setAttempt((value) => value + 1);
  };
  return { engine, error, retry };
}
