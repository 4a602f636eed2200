// A snapshot React reads with useSyncExternalStore, and the listeners to tell when it changes.
export class Store<S> {
  private readonly listeners = new Set<() => void>();

  constructor(protected snapshot: S) {}

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = () => this.snapshot;

  protected update(patch: Partial<S>) {
    this.snapshot = { ...this.snapshot, ...patch };
    for (const listener of this.listeners) listener();
  }
}
