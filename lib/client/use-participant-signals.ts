'use client';
// React's side of participant-signals.ts: the call view makes the monitors once and provides them;
// each tile reads its own speaking and quality mark, so a change re-renders that tile alone.
import { createContext, useCallback, useContext, useEffect, useState, useSyncExternalStore } from 'react';
import type { QualityMark, QualitySource } from './network-quality';
import { ACTIVE, type KeyedValues, QualityMonitor, SpeakingMonitor } from './participant-signals';

export interface ParticipantSignals {
  speaking: SpeakingMonitor;
  quality: QualityMonitor;
}

export const ParticipantSignalsContext = createContext<ParticipantSignals | null>(null);

type Level = { getVolumeLevel?(): number } | undefined;

/** Makes and runs the monitors for one call view; `levels` and `quality` are read on each poll. */
export function useParticipantSignalsSource(levels: Record<string, Level>, quality: QualitySource | null): ParticipantSignals {
  const [signals] = useState<ParticipantSignals>(() => ({ speaking: new SpeakingMonitor('self'), quality: new QualityMonitor() }));
  useEffect(() => {
    signals.speaking.listenTo(levels);
    signals.quality.readFrom(quality);
  });
  useEffect(() => {
    signals.speaking.start();
    signals.quality.start();
    return () => {
      signals.speaking.stop();
      signals.quality.stop();
    };
  }, [signals]);
  return signals;
}

function useKeyed<V>(values: KeyedValues<V> | undefined, key: string | undefined): V | undefined {
  const subscribe = useCallback((listener: () => void) => (values && key !== undefined ? values.subscribe(key, listener) : () => {}), [values, key]);
  const read = () => (values && key !== undefined ? values.get(key) : undefined);
  return useSyncExternalStore(subscribe, read, read);
}

/** Whether the participant under `key` ('self' for you) is speaking now. */
export const useIsSpeaking = (key: string | undefined) => useKeyed(useContext(ParticipantSignalsContext)?.speaking.speaking, key) ?? false;

/** The connection-quality mark of the participant under `key` ('self' for you). */
export const useQualityMark = (key: string | undefined): QualityMark | undefined => useKeyed(useContext(ParticipantSignalsContext)?.quality.marks, key);

/** The loudest remote speaker lately, for the speaker view (only it listens); null before anyone spoke. */
export const useActiveSpeaker = (listening: boolean) =>
  useKeyed(useContext(ParticipantSignalsContext)?.speaking.active, listening ? ACTIVE : undefined) ?? null;
