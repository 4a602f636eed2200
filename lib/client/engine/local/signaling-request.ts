// Local mode's requests to this server's signaling routes (POST /api/local/*), and the events that
// come back on the tab's stream (connection.ts). Errors carry the Agora SDK's codes, so the call
// session and the UI treat both engines alike.
import { readApiAnswer } from '../../api-answer';

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
      // A leave or logout may be sent as the page goes away: it must outlive the page.
      keepalive: path === 'leave' || path === 'rtm/logout',
    });
  } catch (error) {
    if (signal?.aborted) throw new LocalRtcError('OPERATION_ABORTED', 'OPERATION_ABORTED: cancel token canceled');
    throw new LocalRtcError('NETWORK_ERROR', `NETWORK_ERROR: ${(error as Error).message}`);
  }
  const answer = await readApiAnswer(response);
  if (answer.error !== null) throw new LocalRtcError(answer.error.split(':')[0] ?? 'UNEXPECTED_ERROR', answer.error);
  return answer.body;
}

/** What the server pushes down a tab's event stream (lib/server/local/rooms.ts, presence.ts). */
export interface ServerEvent {
  type: string;
  /** The session (a join or a Signaling login) the event is for. */
  session?: string;
  uid?: number;
  from?: number;
  reason?: string;
  audio?: boolean;
  video?: boolean;
  data?: { description?: RTCSessionDescriptionInit; candidates?: RTCIceCandidateInit[] };
  [field: string]: unknown;
}
