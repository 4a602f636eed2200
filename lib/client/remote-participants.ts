// The other people in the call as the RTC client reports them: who is there, what they publish,
// and their subscribed tracks. Audio plays as soon as it is subscribed, on the chosen speaker.
import type { MediaKind, RemoteTrack, RemoteUser, RtcClient } from './engine/rtc';

export interface Participant {
  uid: string;
  hasAudio: boolean;
  hasVideo: boolean;
  videoTrack?: RemoteTrack;
  audioTrack?: RemoteTrack;
}

export class RemoteParticipants {
  private readonly users = new Map<string, RemoteUser>();
  private speakerId: string | null = null;
  /** Aborted and replaced by clear(): subscriptions under way then are dropped when they finish. */
  private subscriptions = new AbortController();

  constructor(
    private readonly client: RtcClient,
    private readonly onChange: (participants: Participant[]) => void,
  ) {}

  joined(user: RemoteUser) {
    this.users.set(String(user.uid), user);
    this.changed();
  }

  left(user: RemoteUser) {
    this.users.delete(String(user.uid));
    this.changed();
  }

  published(user: RemoteUser, mediaType: MediaKind) {
    this.users.set(String(user.uid), user);
    void this.subscribe(user, mediaType);
  }

  unpublished(user: RemoteUser) {
    this.joined(user);
  }

  clear() {
    this.subscriptions.abort();
    this.subscriptions = new AbortController();
    this.users.clear();
    this.changed();
  }

  /** Plays remote audio through this output device, now and for people who join later. */
  async setSpeaker(deviceId: string) {
    this.speakerId = deviceId;
    await Promise.all(
      [...this.users.values()].map((user) => user.audioTrack?.setPlaybackDevice?.(deviceId).catch(() => undefined)),
    );
  }

  private async subscribe(user: RemoteUser, mediaType: MediaKind) {
    const { signal } = this.subscriptions;
    try {
      const track = await this.client.subscribe(user, mediaType);
      if (signal.aborted) return;
      if (mediaType === 'audio') {
        if (this.speakerId) await track.setPlaybackDevice?.(this.speakerId).catch(() => undefined);
        track.play();
      }
    } catch (error) {
      console.warn(`Could not subscribe to ${mediaType} of user ${user.uid}: ${(error as Error).message}`);
    }
    if (!signal.aborted) this.changed();
  }

  private changed() {
    this.onChange(
      [...this.users.values()].map((user) => ({
        uid: String(user.uid),
        hasAudio: user.hasAudio,
        hasVideo: user.hasVideo,
        videoTrack: user.hasVideo ? user.videoTrack : undefined,
        audioTrack: user.hasAudio ? user.audioTrack : undefined,
      })),
    );
  }
}
