import 'server-only';
// Local mode's event streams: one per browser tab, shared by everything that tab runs (its camera
// client, its screen-share client, its Signaling client), so a tab holds one long-lived HTTP
// connection however many sessions it has. A stream that drops keeps its connection for a grace
// period (the browser reconnects with Last-Event-ID); after that, its sessions are removed.
import { randomBytes } from 'node:crypto';
import { ApiError } from '../http/api-error';
import { outsideRequest } from '../root-context';

/**
 * A connection whose stream is gone this long is closed (tab crashed, network lost). A tab that
 * closes says so itself (its leave requests), and a browser reconnects within RECONNECT_MS.
 */
export const STREAM_GRACE_MS = 2000;
/** How soon a browser reopens a dropped stream (sent as the stream's SSE `retry`). */
export const RECONNECT_MS = 500;
const MAX_QUEUED = 200;

/** An event for one session on a connection; the browser routes it by `session`. */
export type Outgoing = { type: string; session?: string } & Record<string, unknown>;

type Send = (event: Outgoing, connectionId: string) => void;

interface Connection {
  id: string;
  send: Send | null;
  queue: Outgoing[];
  graceTimer: ReturnType<typeof setTimeout> | null;
  onClose: Set<() => void>;
}

/** Timers outlive the request that sets them: keep them out of its async context. */
export const later = (work: () => void, ms: number) => outsideRequest(() => setTimeout(work, ms));

export const WILL_EXPIRE_LEAD_S = 30;

/**
 * A token's two moments, as Agora keeps them: `warn` 30 s before it ends, `expire` when it ends.
 * A token already inside those 30 s (a renewal that reached an overloaded server late, with a token
 * minted long before) is warned at once: without it the client would never renew again and be
 * dropped at expiry. Replaces the timers a previous token (before a renewal) had set.
 */
export function scheduleTokenExpiry(
  timers: Set<ReturnType<typeof setTimeout>>,
  expiresAtS: number,
  nowMs: number,
  warn: () => void,
  expire: () => void,
) {
  timers.forEach(clearTimeout);
  timers.clear();
  const msLeft = expiresAtS * 1000 - nowMs;
  if (msLeft > 0) timers.add(later(warn, Math.max(0, msLeft - WILL_EXPIRE_LEAD_S * 1000)));
  timers.add(later(expire, Math.max(0, msLeft)));
}

export class LocalConnections {
  private readonly connections = new Map<string, Connection>();

  /**
   * Attaches an event stream: to the connection it last used (`resumeId`, from Last-Event-ID) if
   * that still exists, else to a new one. The stream first gets `connected` with the connection's
   * id (a new id tells the browser its old sessions are gone), then what was queued meanwhile.
   * Returns the function to call when the stream ends.
   */
  attach(resumeId: string | null, send: Send): () => void {
    let connection = resumeId ? this.connections.get(resumeId) : undefined;
    if (!connection) {
      connection = {
        id: randomBytes(18).toString('base64url'),
        send: null,
        queue: [],
        graceTimer: null,
        onClose: new Set(),
      };
      this.connections.set(connection.id, connection);
    }
    const attached = connection;
    if (attached.graceTimer) clearTimeout(attached.graceTimer);
    attached.graceTimer = null;
    attached.send = send;
    send({ type: 'connected', connection: attached.id }, attached.id);
    for (const event of attached.queue.splice(0)) send(event, attached.id);
    const detach = () => {
      if (attached.send !== send) return;
      attached.send = null;
      attached.graceTimer = later(() => this.close(attached.id), STREAM_GRACE_MS);
    };
    return detach;
  }

  /** Runs `onClose` when the connection closes; throws a 404 for an unknown connection. */
  bind(connectionId: unknown, onClose: () => void): () => void {
    const connection = typeof connectionId === 'string' ? this.connections.get(connectionId) : undefined;
    if (!connection)
      throw new ApiError('unknown_connection', 'unknown connection: open the event stream (/api/local/events) first');
    connection.onClose.add(onClose);
    return () => connection.onClose.delete(onClose);
  }

  deliver(connectionId: string, event: Outgoing) {
    const connection = this.connections.get(connectionId);
    if (!connection) return;
    if (connection.send) connection.send(event, connection.id);
    else if (connection.queue.length < MAX_QUEUED) connection.queue.push(event);
  }

  private close(id: string) {
    const connection = this.connections.get(id);
    if (!connection) return;
    this.connections.delete(id);
    connection.onClose.forEach((onClose) => onClose());
  }
}
