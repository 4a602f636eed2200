// The camera and microphone in both modes (and local mode's screen share): getUserMedia wrapped in
// the shape of the Agora SDK's local tracks. Disabling stops capture (the camera light goes off);
// enabling captures anew.
import type { PreviewAudioTrack, PreviewVideoTrack } from './call-engine';

type Kind = 'audio' | 'video';

async function capture(kind: Kind, deviceId?: string): Promise<MediaStreamTrack> {
  const constraints = deviceId ? { deviceId: { exact: deviceId } } : true;
  const stream = await navigator.mediaDevices.getUserMedia(
    kind === 'video' ? { video: constraints } : { audio: constraints },
  );
  return stream.getTracks()[0]!;
}

const captureScreen = async () =>
  (await navigator.mediaDevices.getDisplayMedia({ video: true, audio: false })).getVideoTracks()[0]!;

/** Samples the analyser keeps (~170 ms at 48 kHz), and the latest of them the meter reads (~10 ms). */
const ANALYSER_SAMPLES = 8192;
const METER_SAMPLES = 512;

export class LocalMediaTrack implements PreviewVideoTrack, PreviewAudioTrack {
  enabled = true;
  private closed = false;
  private readonly changeListeners = new Set<(track: MediaStreamTrack | null) => void>();
  private container: HTMLElement | null = null;
  private element: HTMLVideoElement | null = null;
  private analyser: { context: AudioContext; node: AnalyserNode; data: Float32Array<ArrayBuffer> } | null = null;

  private constructor(
    readonly trackMediaType: Kind,
    private track: MediaStreamTrack | null,
    private deviceId?: string,
    private readonly recapture: (deviceId?: string) => Promise<MediaStreamTrack> = (id) => capture(trackMediaType, id),
  ) {}

  static async create(kind: Kind, deviceId?: string) {
    return new LocalMediaTrack(kind, await capture(kind, deviceId), deviceId);
  }

  /** Wraps a capture that is already running (the call page starts the camera before React is up). */
  static adopt(kind: Kind, track: MediaStreamTrack) {
    return new LocalMediaTrack(kind, track);
  }

  /** A shared screen (getDisplayMedia); `onEnded` hears the browser's own "Stop sharing". */
  static async createScreen() {
    return new LocalMediaTrack('video', await captureScreen(), undefined, captureScreen);
  }

  onEnded(listener: () => void) {
    this.track?.addEventListener('ended', listener, { once: true });
  }

  getMediaStreamTrack(): MediaStreamTrack {
    if (!this.track) throw new Error(`the ${this.trackMediaType} track is disabled`);
    return this.track;
  }

  /** The live capture, or null while disabled or restarting. */
  currentTrack(): MediaStreamTrack | null {
    return this.track;
  }

  /** Called with the new MediaStreamTrack whenever capture restarts (enable, device switch). */
  onTrackChanged(listener: (track: MediaStreamTrack | null) => void) {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  private replace(next: MediaStreamTrack | null) {
    this.track?.stop();
    this.track = next;
    this.analyser?.context.close().catch(() => undefined);
    this.analyser = null;
    this.changeListeners.forEach((listener) => listener(next));
    if (this.container) this.play(this.container);
  }

  async setEnabled(enabled: boolean) {
    if (enabled === this.enabled || this.closed) return;
    this.enabled = enabled;
    if (!enabled) return this.replace(null);
    this.adopt(await this.recapture(this.deviceId));
  }

  async setDevice(deviceId: string) {
    this.deviceId = deviceId;
    if (this.enabled && !this.closed) this.adopt(await this.recapture(deviceId));
  }

  /** A capture that finished after the track was turned off or closed must not go live. */
  private adopt(track: MediaStreamTrack) {
    if (!this.enabled || this.closed) track.stop();
    else this.replace(track);
  }

  /** Plays into `container`: a <video> the page already has (the prejoin's), or a new one inside it. */
  play(container: HTMLElement) {
    this.stop();
    this.container = container;
    if (this.trackMediaType !== 'video') return;
    if (!this.track) {
      if (container instanceof HTMLVideoElement) container.srcObject = null;
      return;
    }
    if (container instanceof HTMLVideoElement) {
      if ((container.srcObject as MediaStream | null)?.getVideoTracks()[0] !== this.track)
        container.srcObject = new MediaStream([this.track]);
      void container.play().catch(() => undefined);
      return;
    }
    const video = document.createElement('video');
    Object.assign(video, { autoplay: true, muted: true, playsInline: true });
    video.style.cssText = 'width:100%;height:100%;object-fit:cover';
    video.srcObject = new MediaStream([this.track]);
    container.appendChild(video);
    this.element = video;
  }

  stop() {
    this.element?.remove();
    this.element = null;
    this.container = null;
  }

  /**
   * Input level 0..1 now (the last ~10 ms, from an analyser on the live microphone): what the level
   * meter shows.
   */
  getVolumeLevel(): number {
    return this.level(METER_SAMPLES);
  }

  /**
   * Input level 0..1 over the last ~170 ms, about the time between two readings of who is speaking:
   * like a remote speaker's average since the last read (engine/local/remote-track.ts), it does not
   * miss a short sound between two reads, as the level now would.
   */
  getAverageLevel(): number {
    return this.level(ANALYSER_SAMPLES);
  }

  /** RMS of the last `samples` samples, scaled so that speech reads well above silence. */
  private level(samples: number): number {
    if (this.trackMediaType !== 'audio' || !this.track) return 0;
    if (!this.analyser) {
      const context = new AudioContext();
      const node = context.createAnalyser();
      node.fftSize = ANALYSER_SAMPLES;
      context.createMediaStreamSource(new MediaStream([this.track])).connect(node);
      this.analyser = { context, node, data: new Float32Array(new ArrayBuffer(ANALYSER_SAMPLES * 4)) };
    }
    const { node, data } = this.analyser;
    node.getFloatTimeDomainData(data);
    let sum = 0;
    for (let index = data.length - samples; index < data.length; index++) sum += data[index]! ** 2;
    return Math.min(1, Math.sqrt(sum / samples) * 4);
  }

  close() {
    this.stop();
    this.closed = true;
    this.enabled = false;
    this.replace(null);
    this.changeListeners.clear();
  }
}
