// The part of the Agora Web SDK's client that the call session uses. agora-rtc-sdk-ng's
// IAgoraRTCClient satisfies it as is; local mode's engine implements the same surface.

export type Uid = number;

export type ConnectionState = 'DISCONNECTED' | 'CONNECTING' | 'RECONNECTING' | 'CONNECTED' | 'DISCONNECTING';

export interface LocalTrack {
  readonly trackMediaType: 'audio' | 'video';
  readonly enabled: boolean;
  setEnabled(enabled: boolean): Promise<void>;
  close(): void;
  getMediaStreamTrack(): MediaStreamTrack;
}

export interface RemoteTrack {
  play(element?: HTMLElement | string): void;
  stop(): void;
  /** Audio tracks: the output device (speaker), where the browser supports choosing it. */
  setPlaybackDevice?(deviceId: string): Promise<void>;
  /** Audio tracks: the current level, 0..1 (who is speaking). */
  getVolumeLevel?(): number;
}

/** Agora's last-mile quality: 0 unknown, 1 excellent, 2 good, 3 poor, 4 bad, 5 very bad, 6 down. */
export interface NetworkQuality {
  uplinkNetworkQuality: number;
  downlinkNetworkQuality: number;
}

/** What the tooltip can say about a remote user's media path, where known. */
export interface RemoteMediaStats {
  /** Agora: end-to-end delay; local mode: the peer connection's round trip. Milliseconds. */
  end2EndDelay: number;
  /** Lost packets' share of the received video, as a fraction 0..1. */
  packetLossRate: number;
}

export interface RemoteUser {
  uid: Uid | string;
  hasAudio: boolean;
  hasVideo: boolean;
  audioTrack?: RemoteTrack;
  videoTrack?: RemoteTrack;
}

export type MediaKind = 'audio' | 'video';

export type ClientRole = 'host' | 'audience';

export interface RtcClientEvents {
  'connection-state-change': (current: ConnectionState, previous: ConnectionState, reason?: string) => void;
  'user-joined': (user: RemoteUser) => void;
  'user-left': (user: RemoteUser, reason: string) => void;
  'user-published': (user: RemoteUser, mediaType: MediaKind | 'datachannel') => void;
  'user-unpublished': (user: RemoteUser, mediaType: MediaKind | 'datachannel') => void;
  'token-privilege-will-expire': () => void;
  'token-privilege-did-expire': () => void;
}

export interface RtcClient {
  join(appId: string, channel: string, token: string | null, uid?: Uid | null): Promise<Uid | string>;
  leave(): Promise<void>;
  publish(tracks: LocalTrack | LocalTrack[]): Promise<void>;
  unpublish(tracks?: LocalTrack | LocalTrack[]): Promise<void>;
  subscribe(user: RemoteUser, mediaType: MediaKind): Promise<RemoteTrack>;
  renewToken(token: string): Promise<void>;
  /**
   * Live mode's role, as Agora's: `audience` receives only (publish throws INVALID_OPERATION);
   * `host` may publish, if the token carries publish privileges (Agora checks that with co-host
   * authentication on; local mode always). Unpublish before going back to `audience`.
   */
  setClientRole(role: ClientRole): Promise<void>;
  /** The role it has now: the one it was made with, then the last setClientRole that succeeded. */
  readonly role: ClientRole;
  on<E extends keyof RtcClientEvents>(event: E, listener: RtcClientEvents[E]): void;
  off<E extends keyof RtcClientEvents>(event: E, listener: RtcClientEvents[E]): void;
  /** This client's own last-mile quality (Agora updates it every 2 s). */
  getNetworkQuality?(): NetworkQuality;
  /** The quality of every remote user this client receives, by uid. */
  getRemoteNetworkQuality?(): Record<string, NetworkQuality>;
  getRemoteVideoStats?(): Record<string, RemoteMediaStats>;
}

/** What the token endpoint gives the client: everything needed to join as this uid. */
export interface TokenGrant {
  token: string | null;
  appId: string;
  uid: Uid;
  channel: string;
  /** Unix seconds; null when unknown (a pasted token). */
  expiresAt: number | null;
  /**
   * Unix seconds when the publish privileges end, when sooner than the token (a stage room); null: no
   * publish privilege; undefined: as the token.
   */
  publishExpiresAt?: number | null;
}
