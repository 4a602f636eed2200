'use client';
import { useEffect, useRef } from 'react';
import type { PreviewAudioTrack } from '@/lib/client/engine/call-engine';
import { meterPercent } from '@/lib/client/meter-steps';

/**
 * How often the bar follows the microphone. Rendered through React every animation frame, with a
 * width transition, it cost a quarter of a CPU core per tab (layout and paint 60 times a second),
 * taken from the camera, the encoder and the join; ~16 updates a second look the same.
 */
const LEVEL_UPDATE_MS = 60;

/** A live input level bar, so people can see their microphone works before joining. */
export function MicLevel({
  track,
  active,
  compact = false,
}: {
  track: PreviewAudioTrack | null;
  active: boolean;
  compact?: boolean;
}) {
  const meter = useRef<HTMLDivElement>(null);
  const bar = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const show = (level: number) => {
      if (!meter.current || !bar.current) return;
      // Whole steps: a level that stays within one touches neither the style nor the accessibility tree.
      const shown = Number(meter.current.getAttribute('aria-valuenow'));
      const percent = level === 0 ? 0 : meterPercent(shown, level);
      if (percent === shown) return;
      meter.current.setAttribute('aria-valuenow', String(percent));
      bar.current.style.transform = `scaleX(${percent / 100})`;
    };
    if (!track || !active) return show(0);
    const timer = setInterval(() => show(Math.min(1, track.getVolumeLevel() * 1.5)), LEVEL_UPDATE_MS);
    return () => {
      clearInterval(timer);
      show(0);
    };
  }, [track, active]);
  return (
    <div
      ref={meter}
      className={`w-full overflow-hidden rounded-full bg-slate-800 ${compact ? 'h-1' : 'h-2'}`}
      role="meter"
      aria-label={compact ? 'Your microphone level' : 'Microphone level'}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={0}
    >
      <div ref={bar} className="h-full origin-left rounded-full bg-emerald-400" style={{ transform: 'scaleX(0)' }} />
    </div>
  );
}
