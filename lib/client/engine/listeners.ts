// The SDKs' event surface (on/off, addEventListener/removeEventListener), shared by local mode's clients.
type AnyListener = (...args: never[]) => void;

export class Listeners<Events extends { [E in keyof Events]: AnyListener }> {
  private readonly byEvent = new Map<keyof Events, Set<AnyListener>>();

  add<E extends keyof Events>(event: E, listener: Events[E]) {
    if (!this.byEvent.has(event)) this.byEvent.set(event, new Set());
    this.byEvent.get(event)!.add(listener);
  }

  remove<E extends keyof Events>(event: E, listener: Events[E]) {
    this.byEvent.get(event)?.delete(listener);
  }

  /** Copies the set first: a listener may remove itself (or others) while being called. */
  emit<E extends keyof Events>(event: E, ...args: Parameters<Events[E]>) {
    for (const listener of [...(this.byEvent.get(event) ?? [])])
      (listener as (...values: Parameters<Events[E]>) => void)(...args);
  }
}
