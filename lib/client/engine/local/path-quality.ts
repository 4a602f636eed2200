// Local mode's connection-quality marks: the peer connections' round trip and loss, mapped onto
// Agora's 0–6 scale so the UI describes both engines alike.
import type { NetworkQuality, RemoteMediaStats } from '../rtc';
import type { PathStats } from './peer-mesh';

/** 0 unknown, 1 excellent, 2 good, 3 poor, 4 bad, 5 very bad (Agora's scale; 6 = down is not seen here). */
export function qualityLevel({ roundTripMs, loss }: PathStats): number {
  if (roundTripMs === null && loss === null) return 0;
  const rtt = roundTripMs ?? 0;
  const lost = loss ?? 0;
  if (lost < 0.01 && rtt < 100) return 1;
  if (lost < 0.03 && rtt < 200) return 2;
  if (lost < 0.08 && rtt < 400) return 3;
  if (lost < 0.15 && rtt < 800) return 4;
  return 5;
}

export interface PathQuality {
  self: NetworkQuality;
  remote: Record<string, NetworkQuality>;
  stats: Record<string, RemoteMediaStats>;
}

export function pathQuality(paths: Map<number, PathStats>): PathQuality {
  const remote: Record<string, NetworkQuality> = {};
  const stats: Record<string, RemoteMediaStats> = {};
  let worst = 0;
  for (const [uid, path] of paths) {
    const level = qualityLevel(path);
    remote[uid] = { uplinkNetworkQuality: level, downlinkNetworkQuality: level };
    stats[uid] = { end2EndDelay: Math.round(path.roundTripMs ?? 0), packetLossRate: path.loss ?? 0 };
    worst = Math.max(worst, level);
  }
  return { self: { uplinkNetworkQuality: worst, downlinkNetworkQuality: worst }, remote, stats };
}

/** Measures the paths every 2 s while started, as Agora reports quality; `current` is the latest. */
export class QualityMeter {
  current: PathQuality = pathQuality(new Map());
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(private readonly measure: () => Promise<Map<number, PathStats>>) {}

  start() {
    this.stop();
    this.timer = setInterval(() => {
      void this.measure().then(
        (paths) => (this.current = pathQuality(paths)),
        () => undefined,
      );
    }, 2000);
  }

  stop() {
    clearInterval(this.timer);
    this.current = pathQuality(new Map());
  }
}
