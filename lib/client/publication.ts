// What this client publishes: its enabled tracks, while it is in the channel. Changes run one after
// another: a toggle made while the join's publish is in flight (mute right after Join) would
// otherwise see the track as unpublished and be overtaken by the publish: muted here, heard there.
import type { LocalTrack, RtcClient } from './engine/rtc';

export class Publication {
  private readonly published = new Set<LocalTrack>();
  private inChannel = false;
  /** The change under way; the next one starts after it. */
  private current: Promise<unknown> = Promise.resolve();
  /** Aborted and replaced by stop(): a publish still under way then (the token expired meanwhile) does not count. */
  private stay = new AbortController();

  constructor(private readonly client: RtcClient) {}

  /** In the channel (the join succeeded): publishes the enabled tracks, and each track turned on from now on. */
  start(tracks: LocalTrack[]): Promise<void> {
    this.inChannel = true;
    return this.serially(async () => {
      const toPublish = tracks.filter((track) => track.enabled && !this.published.has(track));
      if (toPublish.length > 0) await this.publish(toPublish);
    });
  }

  /** Mic or camera on/off: a disabled track is unpublished and stops capturing. */
  setEnabled(track: LocalTrack, enabled: boolean): Promise<void> {
    return this.serially(async () => {
      if (!enabled && this.published.has(track)) {
        await this.client.unpublish(track);
        this.published.delete(track);
      }
      await track.setEnabled(enabled);
      if (enabled && this.inChannel && !this.published.has(track)) await this.publish(track);
    });
  }

  /** Out of the channel (a failed join, an expired token): nothing is published, and nothing will be until start(). */
  stop() {
    this.stay.abort();
    this.stay = new AbortController();
    this.inChannel = false;
    this.published.clear();
  }

  /** Leaving: unpublishes what is published (a failure there changes nothing: leaving follows), then stop(). */
  async unpublishAll() {
    const any = this.published.size > 0;
    this.stop();
    if (any) await this.client.unpublish().catch(() => undefined);
  }

  private async publish(tracks: LocalTrack | LocalTrack[]) {
    const { signal } = this.stay;
    await this.client.publish(tracks);
    if (!signal.aborted) ([] as LocalTrack[]).concat(tracks).forEach((track) => this.published.add(track));
  }

  private serially(change: () => Promise<void>): Promise<void> {
    const run = this.current.then(change);
    this.current = run.catch(() => undefined);
    return run;
  }
}
