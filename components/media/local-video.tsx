'use client';
import { useEffect, useRef } from 'react';
import type { PreviewVideoTrack } from '@/lib/client/engine/call-engine';

/**
 * The person's own camera, mirrored, in a <video> this component owns (the prejoin's may already be
 * playing the call page's early capture before React is up: lib/shared/early-capture.ts).
 */
export function LocalVideo({
  track,
  id,
  className = '',
}: {
  track: PreviewVideoTrack | null;
  id?: string;
  className?: string;
}) {
  const video = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    const element = video.current;
    if (!element) return;
    if (!track) {
      element.srcObject = null;
      return;
    }
    track.play(element);
    return () => track.stop();
  }, [track]);
  return (
    <div className={`h-full w-full -scale-x-100 ${className}`}>
      <video ref={video} id={id} autoPlay muted playsInline className="h-full w-full object-cover" />
    </div>
  );
}
