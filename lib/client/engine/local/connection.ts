// Local mode's one event stream per tab (GET /api/local/events), shared by the tab's camera client,
// screen-share client and Signaling client, so a tab holds one long-lived HTTP connection. Events
// are routed by session; events for a session that is not listening yet (its join answer is still
// on the way) wait here. The browser's EventSource reconnects by itself and resumes the same
// connection via Last-Event-ID; a new connection id means the server forgot the old sessions.
import { LocalRtcError } from './signaling-request';
import type { ServerEvent } from './signaling-request';

export interface SessionHandlers {
  onEvent(event: ServerEvent): void;
  /** The stream dropped; the browser is reconnecting it. */
  onReconnecting(): void;
  /** The stream is open again after a drop. */
  onReopened(): void;
  /** The server no longer knows this session (it restarted, or the connection closed). */
  onClosed(): void;
}

const OPEN_TIMEOUT_MS = 10_000;
const MAX_WAITING_PER_SESSION = 200;

export class LocalConnection {
  private static current: LocalConnection | null = null;

  /** The tab's connection, opened on first use (and again after it closed). */
  static shared(): LocalConnection {
    if (!LocalConnection.current || LocalConnection.current.closed) LocalConnection.current = new LocalConnection();
    return LocalConnection.current;
  }

  private readonly source: EventSource;
  private readonly sessions = new Map<string, SessionHandlers>();
  private readonly waiting = new Map<string, ServerEvent[]>();
  private connectionId: string | null = null;
  private closed = false;
  private dropped = false;
  private readonly ready: Promise<string>;

  private constructor() {
    this.source = new EventSource('/api/local/events');
    this.ready = new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.close();
        reject(new LocalRtcError('NETWORK_ERROR', 'NETWORK_ERROR: the signaling stream did not open'));
      }, OPEN_TIMEOUT_MS);
      this.source.onmessage = (message) => {
        const event = JSON.parse(message.data) as ServerEvent & { connection?: string };
        if (event.type === 'connected') {
          clearTimeout(timer);
          this.onConnected(event.connection!);
          resolve(event.connection!);
        } else {
          this.route(event);
        }
      };
      this.source.onerror = () => {
        if (this.source.readyState === EventSource.CLOSED) {
          // The server refused the stream (local mode off, rate limited): nothing to resume.
          clearTimeout(timer);
          reject(new LocalRtcError('NETWORK_ERROR', 'NETWORK_ERROR: the signaling stream was refused'));
          this.close();
          return;
        }
        this.dropped = true;
        this.sessions.forEach((handlers) => handlers.onReconnecting());
      };
    });
    this.ready.catch(() => undefined);
  }

  /** The connection id to send with a join or login; waits for the stream to open. */
  id(): Promise<string> {
    return this.ready;
  }

  /** The id if the stream is open already (then a join need not wait even a microtask). */
  currentId(): string | null {
    return this.closed ? null : this.connectionId;
  }

  /** Delivers this session's events (those that arrived before it listened first). */
  listen(session: string, handlers: SessionHandlers): () => void {
    this.sessions.set(session, handlers);
    for (const event of this.waiting.get(session) ?? []) handlers.onEvent(event);
    this.waiting.delete(session);
    return () => {
      if (this.sessions.get(session) === handlers) this.sessions.delete(session);
    };
  }

  private onConnected(id: string) {
    const previous = this.connectionId;
    this.connectionId = id;
    if (previous && previous !== id) {
      // The server has forgotten this tab (restarted, or the connection timed out): sessions are gone.
      const gone = [...this.sessions.values()];
      this.sessions.clear();
      this.waiting.clear();
      gone.forEach((handlers) => handlers.onClosed());
    } else if (this.dropped) {
      this.sessions.forEach((handlers) => handlers.onReopened());
    }
    this.dropped = false;
  }

  private route(event: ServerEvent) {
    if (!event.session) return;
    const handlers = this.sessions.get(event.session);
    if (handlers) return handlers.onEvent(event);
    const waiting = this.waiting.get(event.session) ?? [];
    if (waiting.length < MAX_WAITING_PER_SESSION) waiting.push(event);
    this.waiting.set(event.session, waiting);
  }

  private close() {
    if (this.closed) return;
    this.closed = true;
    this.source.close();
    const gone = [...this.sessions.values()];
    this.sessions.clear();
    gone.forEach((handlers) => handlers.onClosed());
  }
}
