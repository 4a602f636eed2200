// Who is speaking and how good each connection is, read on timers outside React and kept per
// participant: a tile subscribes to its own key, so a level change re-renders that tile alone.
import { describeQuality, type QualityMark, type QualitySource } from './network-quality';

/** Values by key, each with its own listeners (for useSyncExternalStore). */
export class KeyedValues<V> {
  private readonly values = new Map<string, V>();
  private readonly listeners = new Map<string, Set<() => void>>();

  constructor(private readonly same: (a: V, b: V) => boolean = Object.is) {}

  get = (key: string): V | undefined => this.values.get(key);

  keys = () => [...this.values.keys()];

  set(key: string, value: V) {
    const previous = this.values.get(key);
    if (previous !== undefined && this.same(previous, value)) return;
    this.values.set(key, value);
    for (const listener of this.listeners.get(key) ?? []) listener();
  }

  subscribe = (key: string, listener: () => void) => {
    const set = this.listeners.get(key) ?? new Set();
    this.listeners.set(key, set.add(listener));
    return () => void set.delete(listener);
  };
}

interface Level {
  getVolumeLevel?(): number;
  getAverageLevel?(): number;
}

/** The one key of `SpeakingMonitor.active`. */
export const ACTIVE = 'active';
const SPEAKING_POLL_MS = 200;
const SPEAKING_LEVEL = 0.05;
const HOLD_MS = 800;
const QUALITY_POLL_MS = 2000;

/** Speaking marks from audio levels: lit while above a threshold, and briefly between words. */
export class SpeakingMonitor {
  readonly speaking = new KeyedValues<boolean>();
  /** The loudest remote speaker lately (the speaker view's stage); null before anyone spoke. */
  readonly active = new KeyedValues<string>();
  private readonly lastHeard = new Map<string, number>();
  private timer: ReturnType<typeof setInterval> | undefined;
  private sources: Record<string, Level | undefined> = {};

  constructor(private readonly self: string) {}

  /** The audio whose levels are read, by key: the call view sets it as people come and go. */
  listenTo(sources: Record<string, Level | undefined>) {
    this.sources = sources;
  }

  poll(now = Date.now()) {
    let loudest: { key: string; level: number } | null = null;
    for (const [key, source] of Object.entries(this.sources)) {
      // Since the last poll where the track can tell, so that a word between two polls is heard.
      const level = source?.getAverageLevel?.() ?? source?.getVolumeLevel?.() ?? 0;
      if (level < SPEAKING_LEVEL) continue;
      this.lastHeard.set(key, now);
      if (key !== this.self && (!loudest || level > loudest.level)) loudest = { key, level };
    }
    for (const [key, at] of this.lastHeard) this.speaking.set(key, now - at < HOLD_MS);
    if (loudest) this.active.set(ACTIVE, loudest.key);
  }

  start() {
    this.timer ??= setInterval(() => this.poll(), SPEAKING_POLL_MS);
  }

  stop() {
    clearInterval(this.timer);
    this.timer = undefined;
  }
}

const sameMark = (a: QualityMark, b: QualityMark) => a.level === b.level && a.description === b.description;

/** Connection-quality marks by uid (yours under `self`), read from the session every 2 s. */
export class QualityMonitor {
  readonly marks = new KeyedValues<QualityMark>(sameMark);
  private timer: ReturnType<typeof setInterval> | undefined;
  private source: QualitySource | null = null;

  /** Where quality is read: the call session, once there is one. */
  readFrom(source: QualitySource | null) {
    this.source = source;
  }

  poll() {
    const { source } = this;
    if (!source) return;
    const { self, remote, stats } = source.networkQuality();
    this.marks.set('self', describeQuality(self ?? undefined));
    for (const [uid, quality] of Object.entries(remote)) this.marks.set(uid, describeQuality(quality, stats[uid]));
  }

  start() {
    this.timer ??= setInterval(() => this.poll(), QUALITY_POLL_MS);
  }

  stop() {
    clearInterval(this.timer);
    this.timer = undefined;
  }
}
