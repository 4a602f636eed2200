'use client';
import { useEffect, useRef } from 'react';
import type { PreviewVideoTrack } from '@/lib/client/call-engine';

/** Plays the local camera track into a mirrored box. */
export function LocalVideo({ track, className = '' }: { track: PreviewVideoTrack | null; className?: string }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!track || !box.current) return;
    track.play(box.current);
    return () => track.stop();
  }, [track]);
  return <div ref={box} data-testid="local-video" className={`h-full w-full -scale-x-100 ${className}`} />;
}
