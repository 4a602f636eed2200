// Local mode's connection to this server's signaling routes: POSTs to /api/local/* and one
// server-sent event stream per participant. Errors carry the Agora SDK's codes, so the call
// session and the UI treat both engines alike.
import { readApiAnswer } from '../api-answer';

/** An error shaped like the SDK's: the code, then the message ("CAN_NOT_GET_GATEWAY_SERVER: …"). */
export class LocalRtcError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'AgoraRTCError';
  }
}

export const aborted = () => new LocalRtcError('OPERATION_ABORTED', 'OPERATION_ABORTED: join aborted');

/** POST /api/local/<path>; a refusal becomes a LocalRtcError with the server's code and reason. */
export async function postSignaling(path: string, body: unknown, signal?: AbortSignal): Promise<Record<string, unknown>> {
  let response: Response;
  try {
    response = await fetch(`/api/local/${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
      signal,
      keepalive: path === 'leave',
    });
  } catch (error) {
    if (signal?.aborted) throw new LocalRtcError('OPERATION_ABORTED', 'OPERATION_ABORTED: cancel token canceled');
    throw new LocalRtcError('NETWORK_ERROR', `NETWORK_ERROR: ${(error as Error).message}`);
  }
  const answer = await readApiAnswer(response);
  if (answer.error !== null) throw new LocalRtcError(answer.error.split(':')[0] ?? 'UNEXPECTED_ERROR', answer.error);
  return answer.body;
}

/** What the server pushes down a participant's event stream (lib/server/local/rooms.ts). */
export interface ServerEvent {
  type: string;
  uid?: number;
  from?: number;
  reason?: string;
  audio?: boolean;
  video?: boolean;
  data?: { description?: RTCSessionDescriptionInit; candidate?: RTCIceCandidateInit };
}

const EVENT_TYPES = ['user-joined', 'user-left', 'user-published', 'signal', 'token-privilege-will-expire', 'token-privilege-did-expire'];

export interface EventStreamHandlers {
  onEvent(event: ServerEvent): void;
  /** The stream dropped and the browser is reconnecting it. */
  onReconnecting(): void;
  /** The stream is open again after a drop. */
  onReopened(): void;
  /** The server no longer knows this session (restarted, or removed it). */
  onClosed(): void;
}

/** Opens the session's event stream; resolves once it is open, rejects if it never opens. */
export function openEventStream(session: string, signal: AbortSignal, handlers: EventStreamHandlers): Promise<EventSource> {
  return new Promise((resolve, reject) => {
    const events = new EventSource(`/api/local/events?session=${encodeURIComponent(session)}`);
    let opened = false;
    const abort = () => {
      events.close();
      reject(aborted());
    };
    if (signal.aborted) return abort();
    signal.addEventListener('abort', abort, { once: true });
    events.onopen = () => {
      if (opened) return handlers.onReopened();
      opened = true;
      signal.removeEventListener('abort', abort);
      resolve(events);
    };
    events.onerror = () => {
      if (!opened) {
        events.close();
        reject(new LocalRtcError('NETWORK_ERROR', 'NETWORK_ERROR: the signaling stream did not open'));
      } else if (events.readyState === EventSource.CLOSED) {
        handlers.onClosed();
      } else {
        handlers.onReconnecting();
      }
    };
    for (const type of EVENT_TYPES) {
      events.addEventListener(type, (message) => handlers.onEvent(JSON.parse((message as MessageEvent).data)));
    }
  });
}
