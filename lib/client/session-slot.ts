// Holds the current session of a kind (it changes when someone leaves and rejoins) as one external
// store for React: subscribers hear both about a new session and about the session's own changes.

interface Store<S> {
  subscribe(listener: () => void): () => void;
  getSnapshot(): S;
}

export class SessionSlot<T extends Store<S>, S> {
  private current: T | null = null;
  private readonly listeners = new Set<() => void>();
  private unsubscribeCurrent: (() => void) | null = null;

  constructor(private readonly empty: S) {}

  get(): T | null {
    return this.current;
  }

  set(session: T | null) {
    this.unsubscribeCurrent?.();
    this.current = session;
    this.unsubscribeCurrent = session ? session.subscribe(() => this.notify()) : null;
    this.notify();
  }

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): S => (this.current ? this.current.getSnapshot() : this.empty);

  private notify() {
    for (const listener of this.listeners) listener();
  }
}
