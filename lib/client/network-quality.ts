'use client';
// Connection-quality marks: this client's own quality and that of everyone it receives, polled
// from the session every 2 s, described in words for the tooltips.
import { useEffect, useState } from 'react';
import type { NetworkQuality, RemoteMediaStats } from './engine/rtc';

export interface QualityMark {
  /** 0 unknown … 1 excellent … 6 down (Agora's scale). */
  level: number;
  /** "Connection: good (round trip 12 ms, 0 % loss)" */
  description: string;
}

const WORDS = ['unknown', 'excellent', 'good', 'poor', 'bad', 'very bad', 'down'];

export function describeQuality(quality: NetworkQuality | undefined, stats?: RemoteMediaStats): QualityMark {
  const level = Math.max(quality?.uplinkNetworkQuality ?? 0, quality?.downlinkNetworkQuality ?? 0);
  const facts = stats
    ? ` (round trip ${Math.round(stats.end2EndDelay)} ms, ${(stats.packetLossRate * 100).toFixed(stats.packetLossRate > 0 && stats.packetLossRate < 0.01 ? 1 : 0)} % loss)`
    : '';
  return { level, description: level === 0 ? 'Connection: not measured yet' : `Connection: ${WORDS[level] ?? 'unknown'}${level > 0 ? facts : ''}` };
}

export interface QualitySource {
  networkQuality(): { self: NetworkQuality | null; remote: Record<string, NetworkQuality>; stats: Record<string, RemoteMediaStats> };
}

/** Quality marks by uid, and your own under `self`; refreshed every 2 s while in a call. */
export function useNetworkQuality(source: QualitySource | null): Record<string, QualityMark> {
  const [marks, setMarks] = useState<Record<string, QualityMark>>({});
  useEffect(() => {
    if (!source) return;
    const read = () => {
      const { self, remote, stats } = source.networkQuality();
      const next: Record<string, QualityMark> = { self: describeQuality(self ?? undefined) };
      for (const [uid, quality] of Object.entries(remote)) next[uid] = describeQuality(quality, stats[uid]);
      setMarks(next);
    };
    const timer = setInterval(read, 2000);
    return () => clearInterval(timer);
  }, [source]);
  return marks;
}
