// Work that can wait while something more urgent is under way: queued in order while a hold is
// open, run when the last hold closes (each closes itself after its time limit at the latest).
export class EventGate {
  private holds = 0;
  private queued: (() => void)[] = [];
  /** Aborted and replaced by clear(): holds opened before it no longer count, and their time limits end. */
  private cleared = new AbortController();

  /** Opens a hold; call the returned function to close it (closing twice does nothing). */
  hold(maxMs: number): () => void {
    const { signal } = this.cleared;
    this.holds++;
    let open = true;
    const close = () => {
      if (!open) return;
      open = false;
      clearTimeout(timer);
      signal.removeEventListener('abort', close);
      if (signal.aborted) return;
      this.holds--;
      if (this.holds === 0) this.flush();
    };
    const timer = setTimeout(close, maxMs);
    signal.addEventListener('abort', close);
    return close;
  }

  /** Runs `work` now, or when the open holds have closed, after what was queued before it. */
  run(work: () => void) {
    if (this.holds > 0) this.queued.push(work);
    else work();
  }

  /** Forgets the queued work and the open holds (their owner has gone). */
  clear() {
    this.cleared.abort();
    this.cleared = new AbortController();
    this.holds = 0;
    this.queued = [];
  }

  private flush() {
    const queued = this.queued;
    this.queued = [];
    queued.forEach((work) => work());
  }
}
