// Adds a map of event handlers to an SDK-style emitter once, and removes them all again.

interface Emitter {
  on?(event: string, listener: never): void;
  off?(event: string, listener: never): void;
  addEventListener?(event: string, listener: never): void;
  removeEventListener?(event: string, listener: never): void;
}

export class EventBinding<H extends object> {
  private bound = false;

  constructor(
    private readonly target: Emitter,
    private readonly handlers: H,
  ) {}

  bind() {
    if (this.bound) return;
    this.bound = true;
    for (const [event, handler] of Object.entries(this.handlers)) {
      if (this.target.on) this.target.on(event, handler as never);
      else this.target.addEventListener?.(event, handler as never);
    }
  }

  unbind() {
    if (!this.bound) return;
    this.bound = false;
    for (const [event, handler] of Object.entries(this.handlers)) {
      if (this.target.off) this.target.off(event, handler as never);
      else this.target.removeEventListener?.(event, handler as never);
    }
  }
}
