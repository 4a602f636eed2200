// Connection-quality marks: this client's own quality and that of everyone it receives, described in
// words for the tooltips (read every 2 s by QualityMonitor in participant-signals.ts).
import type { NetworkQuality, RemoteMediaStats, RtcClient } from './engine/rtc';

export interface QualityMark {
  /** 0 unknown … 1 excellent … 6 down (Agora's scale). */
  level: number;
  /** "Connection: good (round trip 12 ms, 0 % loss)" */
  description: string;
}

const WORDS = ['unknown', 'excellent', 'good', 'poor', 'bad', 'very bad', 'down'];

export function describeQuality(quality: NetworkQuality | undefined, stats?: RemoteMediaStats): QualityMark {
  const level = Math.max(quality?.uplinkNetworkQuality ?? 0, quality?.downlinkNetworkQuality ?? 0);
  // A loss under 1 % gets one decimal (0.4 %, not 0 %).
  const lossDigits = stats && stats.packetLossRate > 0 && stats.packetLossRate < 0.01 ? 1 : 0;
  const facts = stats
    ? ` (round trip ${Math.round(stats.end2EndDelay)} ms, ${(stats.packetLossRate * 100).toFixed(lossDigits)} % loss)`
    : '';
  return {
    level,
    description:
      level === 0
        ? 'Connection: not measured yet'
        : `Connection: ${WORDS[level] ?? 'unknown'}${level > 0 ? facts : ''}`,
  };
}

export interface QualitySource {
  networkQuality(): {
    self: NetworkQuality | null;
    remote: Record<string, NetworkQuality>;
    stats: Record<string, RemoteMediaStats>;
  };
}

/** Connection quality of a client and of everyone it receives (Agora: updated every 2 s). */
export const qualitySourceOf = (client: RtcClient): QualitySource => ({
  networkQuality: () => ({
    self: client.getNetworkQuality?.() ?? null,
    remote: client.getRemoteNetworkQuality?.() ?? {},
    stats: client.getRemoteVideoStats?.() ?? {},
  }),
});
