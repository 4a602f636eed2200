// A track received from another browser, with the play/stop surface of the SDK's remote tracks.
import type { RemoteTrack } from '../rtc';

type SinkElement = HTMLMediaElement & { setSinkId?(id: string): Promise<void> };

/** Statistics reads for the level, at most this often however often the level is asked for. */
const MIN_STATS_INTERVAL_MS = 150;

export class LocalRemoteTrack implements RemoteTrack {
  private element: SinkElement | null = null;
  private sinkId: string | null = null;

  constructor(
    readonly track: MediaStreamTrack,
    private readonly receiver?: RTCRtpReceiver,
  ) {}

  /** Level over the interval between the last two statistics reads (see getVolumeLevel). */
  private energy = { total: 0, duration: 0, level: 0, readAt: -Infinity };

  /**
   * The louder of the last packet's level (RFC 6464, kept per source) and the average level since
   * the previous read, from the received audio's energy. The last packet alone misses a short sound
   * between two reads; the energy counts it. Statistics are read in the background, so the average
   * lags one read behind.
   */
  getVolumeLevel(): number {
    const receiver = this.receiver;
    if (!receiver) return 0;
    const now = performance.now();
    if (now - this.energy.readAt >= MIN_STATS_INTERVAL_MS) {
      this.energy.readAt = now;
      void receiver.getStats().then(
        (stats) => this.updateEnergy(stats),
        () => undefined,
      );
    }
    return Math.max(receiver.getSynchronizationSources?.()[0]?.audioLevel ?? 0, this.energy.level);
  }

  private updateEnergy(stats: RTCStatsReport) {
    stats.forEach((report) => {
      if (
        report.type !== 'inbound-rtp' ||
        typeof report.totalAudioEnergy !== 'number' ||
        typeof report.totalSamplesDuration !== 'number'
      )
        return;
      const energy = report.totalAudioEnergy - this.energy.total;
      const duration = report.totalSamplesDuration - this.energy.duration;
      // The average level over an interval, as the statistics specification defines it.
      this.energy = {
        ...this.energy,
        total: report.totalAudioEnergy,
        duration: report.totalSamplesDuration,
        level: duration > 0 ? Math.sqrt(energy / duration) : 0,
      };
    });
  }

  play(container?: HTMLElement | string) {
    this.stop();
    const element: SinkElement = document.createElement(this.track.kind === 'video' ? 'video' : 'audio');
    Object.assign(element, { autoplay: true, playsInline: true });
    element.srcObject = new MediaStream([this.track]);
    if (this.track.kind === 'video') {
      element.muted = true;
      element.style.cssText = 'width:100%;height:100%;object-fit:cover';
    }
    if (this.sinkId) void element.setSinkId?.(this.sinkId);
    const parent = typeof container === 'string' ? document.getElementById(container) : container;
    (parent ?? document.body).appendChild(element);
    this.element = element;
  }

  stop() {
    this.element?.remove();
    this.element = null;
  }

  async setPlaybackDevice(deviceId: string) {
    this.sinkId = deviceId;
    await this.element?.setSinkId?.(deviceId);
  }
}
