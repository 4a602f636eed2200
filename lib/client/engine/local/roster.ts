// Local mode's other people as the UI hears of them: who joined, left, published what. Their
// events pass a gate, so the negotiation of a join or an answer runs before the render they cause.
import type { RemoteUser, RtcClientEvents } from '../rtc';
import { EventGate } from './event-gate';
import type { Listeners } from '../listeners';

export class Roster {
  private readonly users = new Map<number, RemoteUser>();
  private readonly gate = new EventGate();

  constructor(private readonly listeners: Listeners<RtcClientEvents>) {}

  /** Holds the UI's events (kept in order) until the returned function is called, `maxMs` at most. */
  hold(maxMs: number): () => void {
    return this.gate.hold(maxMs);
  }

  joined(uid: number) {
    const user = this.userFor(uid);
    this.gate.run(() => this.listeners.emit('user-joined', user));
  }

  left(uid: number, reason: string) {
    const user = this.users.get(uid);
    this.users.delete(uid);
    if (user) this.gate.run(() => this.listeners.emit('user-left', user, reason));
  }

  /** What a participant now publishes; each change becomes user-published or user-unpublished. */
  published(uid: number, audio: boolean, video: boolean) {
    const user = this.userFor(uid);
    for (const [kind, now] of [
      ['audio', audio],
      ['video', video],
    ] as const) {
      const trackKey = kind === 'audio' ? 'audioTrack' : 'videoTrack';
      const flagKey = kind === 'audio' ? 'hasAudio' : 'hasVideo';
      if (user[flagKey] === now) continue;
      user[flagKey] = now;
      if (!now) user[trackKey] = undefined;
      this.gate.run(() => this.listeners.emit(now ? 'user-published' : 'user-unpublished', user, kind));
    }
  }

  /** Out of the channel: nobody is left, and nothing held reaches the UI. */
  clear() {
    this.users.clear();
    this.gate.clear();
  }

  private userFor(uid: number): RemoteUser {
    let user = this.users.get(uid);
    if (!user) {
      user = { uid, hasAudio: false, hasVideo: false };
      this.users.set(uid, user);
    }
    return user;
  }
}
