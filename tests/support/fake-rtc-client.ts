import { vi } from 'vitest';
import type {
  ClientRole,
  LocalTrack,
  RemoteUser,
  RtcClient,
  RtcClientEvents,
  TokenGrant,
} from '@/lib/client/engine/rtc';

/** An in-memory stand-in for the SDK client in live mode: records calls and lets a test fire SDK events. */
export class FakeRtcClient implements RtcClient {
  /** As Agora's live mode: audience unless made or told otherwise; an audience cannot publish. */
  constructor(public role: ClientRole = 'audience') {}
  setClientRole = vi.fn(async (role: ClientRole) => {
    if (role === 'audience' && this.publishedTracks.size > 0)
      throw new Error('INVALID_OPERATION: unpublish before switching to audience');
    this.role = role;
  });
  listeners = new Map<string, Set<(...args: unknown[]) => void>>();
  joinImpl: (...args: unknown[]) => Promise<number> = async (...args) => args[3] as number;
  join = vi.fn((...args: Parameters<RtcClient['join']>) => this.joinImpl(...args));
  leave = vi.fn(async () => {});
  /** What the others would see: the tracks published now. */
  publishedTracks = new Set<LocalTrack>();
  private publishHold: Promise<void> = Promise.resolve();
  publish = vi.fn(async (tracks: LocalTrack | LocalTrack[]) => {
    if (this.role !== 'host') throw new Error('INVALID_OPERATION: audience can not publish');
    await this.publishHold;
    ([] as LocalTrack[]).concat(tracks).forEach((track) => this.publishedTracks.add(track));
  });
  unpublish = vi.fn(async (tracks?: LocalTrack | LocalTrack[]) => {
    (tracks ? ([] as LocalTrack[]).concat(tracks) : [...this.publishedTracks]).forEach((track) =>
      this.publishedTracks.delete(track),
    );
  });
  renewToken = vi.fn((token: string): Promise<void> => Promise.resolve(void token));
  subscribe = vi.fn(async (user: RemoteUser, mediaType: 'audio' | 'video') => {
    const track = { play: vi.fn(), stop: vi.fn() };
    if (mediaType === 'audio') user.audioTrack = track;
    else user.videoTrack = track;
    return track;
  });

  /** Publishes from now on wait until the returned function is called: a test acts while one is in flight. */
  holdPublishing(): () => void {
    let finish = () => {};
    this.publishHold = new Promise((resolve) => (finish = resolve));
    return finish;
  }

  on<E extends keyof RtcClientEvents>(event: E, listener: RtcClientEvents[E]) {
    if (!this.listeners.has(event)) this.listeners.set(event, new Set());
    this.listeners.get(event)!.add(listener as never);
  }

  off<E extends keyof RtcClientEvents>(event: E, listener: RtcClientEvents[E]) {
    this.listeners.get(event)?.delete(listener as never);
  }

  emit<E extends keyof RtcClientEvents>(event: E, ...args: Parameters<RtcClientEvents[E]>) {
    for (const listener of this.listeners.get(event) ?? []) listener(...args);
  }

  listenerCount() {
    return [...this.listeners.values()].reduce((sum, set) => sum + set.size, 0);
  }
}

export class FakeTrack implements LocalTrack {
  enabled = true;
  closed = false;
  constructor(readonly trackMediaType: 'audio' | 'video') {}
  setEnabled = vi.fn(async (enabled: boolean) => {
    this.enabled = enabled;
  });
  close = vi.fn(() => {
    this.closed = true;
  });
  getMediaStreamTrack(): MediaStreamTrack {
    throw new Error('not in tests');
  }
}

let counter = 0;
export function grant(overrides: Partial<TokenGrant> = {}): TokenGrant {
  counter++;
  return {
    token: `007token-${counter}`,
    appId: 'a'.repeat(32),
    uid: 42,
    channel: 'room',
    expiresAt: Math.floor(Date.now() / 1000) + 300,
    ...overrides,
  };
}
