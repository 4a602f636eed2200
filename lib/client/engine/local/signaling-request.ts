// Local mode's requests to this server's signaling routes (POST /api/local/*), and the events that
// come back on the tab's stream (connection.ts). Errors look like the Agora SDK's (its code words, so
// both engines read alike) and carry the API's code, which is what the call decides by.
import { readApiAnswer } from '../../api-answer';
import type { ErrorCode } from '../../../shared/error-codes';

/** An error shaped like the SDK's: its code, then the message ("CAN_NOT_GET_GATEWAY_SERVER: …"). */
export class LocalRtcError extends Error {
  constructor(
    readonly code: string,
    message: string,
    /** The API's code when the server refused (lib/shared/error-codes.ts). */
    readonly apiCode: ErrorCode | null = null,
  ) {
    super(message);
    this.name = 'AgoraRTCError';
  }
}

/** The Agora SDK's code for a refusal, so local mode's errors read like Agora's. */
function sdkCode(code: ErrorCode | null): string {
  switch (code) {
    case 'invalid_token':
    case 'token_required':
    case 'invalid_app_id':
      return 'CAN_NOT_GET_GATEWAY_SERVER';
    case 'token_expired':
      return 'TOKEN_EXPIRE';
    case 'uid_conflict':
      return 'UID_CONFLICT';
    case 'room_full':
      return 'ROOM_FULL';
    case 'no_publish_privilege':
      return 'NO_PUBLISH_PRIVILEGE';
    case 'session_gone':
    case 'unknown_connection':
    case 'not_in_channel':
      return 'INVALID_OPERATION';
    default:
      return 'UNEXPECTED_RESPONSE';
  }
}

export const aborted = () => new LocalRtcError('OPERATION_ABORTED', 'OPERATION_ABORTED: join aborted');

/** POST /api/local/<path>; a refusal becomes a LocalRtcError with the server's code and reason. */
export async function postSignaling(
  path: string,
  body: unknown,
  signal?: AbortSignal,
): Promise<Record<string, unknown>> {
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
  if (answer.error !== null) throw new LocalRtcError(sdkCode(answer.code), answer.error, answer.code);
  return answer.body;
}

/** Relays WebRTC negotiation to one participant (outside a channel there is nobody to tell). */
export async function relaySignal(session: string | null, to: number, data: unknown) {
  if (!session) return;
  await postSignaling('signal', { session, to, data }).catch((error: LocalRtcError) => {
    // A peer that just left (tab closed, rejoined) is routine: its user-left event is on its way.
    // So is this session ending: the server's word for it (or the stream's) is on its way too.
    if (error.apiCode !== 'not_in_channel' && error.apiCode !== 'session_gone')
      console.warn(`local mode: signaling to uid ${to} failed: ${error.message}`);
  });
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
