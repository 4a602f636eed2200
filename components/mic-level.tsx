'use client';
import { useEffect, useState } from 'react';
import type { PreviewAudioTrack } from '@/lib/client/call-engine';

/** A live input level bar, so people can see their microphone works before joining. */
export function MicLevel({ track, active, compact = false }: { track: PreviewAudioTrack | null; active: boolean; compact?: boolean }) {
  const [level, setLevel] = useState(0);
  useEffect(() => {
    if (!track || !active) return;
    let frame = 0;
    const tick = () => {
      setLevel(Math.min(1, track.getVolumeLevel() * 1.5));
      frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [track, active]);
  const shown = track && active ? level : 0;
  return (
    <div
      className={`w-full overflow-hidden rounded-full bg-slate-800 ${compact ? 'h-1' : 'h-2'}`}
      role="meter"
      aria-label={compact ? 'Your microphone level' : 'Microphone level'}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={Math.round(shown * 100)}
    >
      <div className="h-full rounded-full bg-emerald-400 transition-[width] duration-75" style={{ width: `${shown * 100}%` }} />
    </div>
  );
}
