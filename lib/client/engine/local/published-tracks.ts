// What local mode's client publishes: one capture per kind, kept on every peer connection (also
// when the capture is swapped, e.g. another camera) and announced to the server for the roster.
import type { LocalTrack, MediaKind } from '../rtc';
import type { LocalMediaTrack } from '../media-track';
import { postSignaling } from './signaling-request';

export class PublishedTracks {
  private readonly published: Partial<Record<MediaKind, LocalMediaTrack>> = {};
  private readonly unwatch = new Map<LocalMediaTrack, () => void>();

  constructor(
    /** Puts the current captures on every peer connection. */
    private readonly refreshOutgoing: () => Promise<void>,
    /** The session to announce them in; null outside a channel. */
    private readonly session: () => string | null,
  ) {}

  /** The live capture currently published for a kind, or null. */
  current(kind: MediaKind): MediaStreamTrack | null {
    return this.published[kind]?.currentTrack() ?? null;
  }

  /** Whether anything is published now. */
  any(): boolean {
    return Boolean(this.published.audio || this.published.video);
  }

  async publish(tracks: LocalTrack | LocalTrack[]) {
    for (const track of ([] as LocalTrack[]).concat(tracks) as LocalMediaTrack[]) {
      this.published[track.trackMediaType] = track;
      if (!this.unwatch.has(track)) {
        const resend = () =>
          void this.refreshOutgoing().catch((error) =>
            console.warn(`local mode: sending the new ${track.trackMediaType} failed: ${(error as Error).message}`),
          );
        this.unwatch.set(track, track.onTrackChanged(resend));
      }
    }
    await this.sync();
  }

  async unpublish(tracks?: LocalTrack | LocalTrack[]) {
    const targets = tracks ? ([] as LocalTrack[]).concat(tracks) : Object.values(this.published);
    for (const track of targets as LocalMediaTrack[]) {
      if (this.published[track.trackMediaType] === track) delete this.published[track.trackMediaType];
      this.unwatch.get(track)?.();
      this.unwatch.delete(track);
    }
    await this.sync();
  }

  /** Out of the channel nothing is published; a later join publishes afresh. */
  clear() {
    this.unwatch.forEach((stop) => stop());
    this.unwatch.clear();
    delete this.published.audio;
    delete this.published.video;
  }

  /** The server has stopped this client's publishing (its publish privilege ended): stop sending too. */
  async stopSending() {
    this.clear();
    await this.refreshOutgoing();
  }

  private async sync() {
    await this.refreshOutgoing();
    const session = this.session();
    if (!session) return;
    try {
      await postSignaling('publish', {
        session,
        audio: Boolean(this.published.audio),
        video: Boolean(this.published.video),
      });
    } catch (error) {
      delete this.published.audio;
      delete this.published.video;
      await this.refreshOutgoing();
      throw error;
    }
  }
}
