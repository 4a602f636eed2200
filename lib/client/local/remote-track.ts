// A track received from another browser, with the play/stop surface of the SDK's remote tracks.
import type { RemoteTrack } from '../../rtc-client';

type SinkElement = HTMLMediaElement & { setSinkId?(id: string): Promise<void> };

export class LocalRemoteTrack implements RemoteTrack {
  private element: SinkElement | null = null;
  private sinkId: string | null = null;

  constructor(
    readonly track: MediaStreamTrack,
    private readonly receiver?: RTCRtpReceiver,
  ) {}

  /** The level of the last audio packets, which the browser keeps per source (RFC 6464). */
  getVolumeLevel(): number {
    return this.receiver?.getSynchronizationSources?.()[0]?.audioLevel ?? 0;
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
