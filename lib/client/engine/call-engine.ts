// What the call needs from a media engine: clients to join with (camera, screen share, Signaling)
// and screen capture. Agora mode implements it with Agora's SDKs, local mode with WebRTC. The camera
// and microphone come from the browser in both modes (capture.ts).
import type { ClientRole, LocalTrack, RtcClient } from './rtc';
import type { SignalingClient } from './signaling';

export interface PreviewVideoTrack extends LocalTrack {
  play(element: HTMLElement): void;
  stop(): void;
  setDevice(deviceId: string): Promise<void>;
}

export interface PreviewAudioTrack extends LocalTrack {
  getVolumeLevel(): number;
  /** The level averaged over about one speaking poll, where the track can tell (else getVolumeLevel). */
  getAverageLevel?(): number;
  setDevice(deviceId: string): Promise<void>;
}

/** A shared screen: video only, ended by the person from the browser's own "Stop sharing" too. */
export interface ScreenTrack extends LocalTrack {
  play(element: HTMLElement): void;
  stop(): void;
  onEnded(listener: () => void): void;
}

export interface DeviceLists {
  cameras: MediaDeviceInfo[];
  microphones: MediaDeviceInfo[];
  /** Empty where the browser cannot choose the audio output. */
  speakers: MediaDeviceInfo[];
}

export interface CallEngine {
  readonly name: 'agora' | 'local';
  /**
   * `receive: false` for a screen share's client, which only sends. `role`: the live-mode role it
   * starts in (audience when not given), so a join needs no setClientRole first.
   */
  createClient(options?: { receive?: boolean; role?: ClientRole }): RtcClient;
  /** Called once the call page is open: gets ready so that Join has less to wait for. */
  prepare?(): void;
  /** Asks the browser to share a screen, window or tab (rejects if the person cancels). */
  createScreenTrack(): Promise<ScreenTrack>;
  /** Signaling (names, hands, chat) for this user id; Agora mode downloads its SDK on first use. */
  createSignalingClient(appId: string, userId: string): Promise<SignalingClient>;
}

/** Explains a getUserMedia / SDK device error in words, naming what still works. */
export function describeDeviceError(kind: 'camera' | 'microphone', error: unknown): string {
  const raw = error && typeof error === 'object' ? error : {};
  const { name, code, message } = raw as { name?: string; code?: string; message?: string };
  const text = `${name ?? ''} ${code ?? ''} ${message ?? ''}`;
  if (/NotAllowed|PERMISSION_DENIED|Permission denied/i.test(text)) {
    return (
      `The browser blocked the ${kind}. ` +
      'Allow it in the site settings (the icon left of the address bar), then reload.'
    );
  }
  if (/NotFound|DEVICE_NOT_FOUND|Requested device not found/i.test(text)) {
    return `No ${kind} was found. Plug one in, or join without it.`;
  }
  if (/NotReadable|NOT_READABLE|Could not start/i.test(text)) {
    return `The ${kind} is in use by another app or tab. Close it there, then try again.`;
  }
  if (/NOT_SUPPORTED|insecure|secure context/i.test(text)) {
    return `This browser cannot use the ${kind} here. Use HTTPS or localhost in a current browser.`;
  }
  return `The ${kind} could not be started (${text.trim() || 'unknown error'}).`;
}
