import 'server-only';
import { ApiError, badRequest, valid } from '../http/api-error';
import { getAgoraCredentials } from '../credentials';
import { readJsonObject } from '../http/json-body';
import { localRooms, type RoomEvent } from './rooms';
import { enforceRateLimit } from '../rate-limit';
import { parseChannelName, parseUid } from '../../validation';

// HTTP face of local mode's signaling: POSTs in, one server-sent event stream out per participant.

export const MAX_SIGNAL_BYTES = 64 * 1024;
const HEARTBEAT_MS = 10_000;

/** Every signaling request: local mode must be on, and the client within its rate limit. */
async function localCredentials(request: Request) {
  await enforceRateLimit('signaling', request);
  const credentials = getAgoraCredentials();
  if (credentials.mode !== 'local') throw new ApiError(404, 'local mode is off: this server uses Agora');
  return credentials;
}

function sessionOf(body: Record<string, unknown>): string {
  if (typeof body.session !== 'string' || body.session.length === 0 || body.session.length > 64) {
    throw badRequest('session must be the string returned by /api/local/join');
  }
  return body.session;
}

function flag(body: Record<string, unknown>, name: string): boolean {
  if (typeof body[name] !== 'boolean') throw badRequest(`${name} must be true or false`);
  return body[name] as boolean;
}


/** POST /api/local/join {appId, channel, uid, token} */
export async function localJoin(request: Request) {
  const credentials = await localCredentials(request);
  const body = await readJsonObject(request);
  const channel = valid(parseChannelName(body.channel));
  const uid = valid(parseUid(body.uid));
  if (uid === 0) throw badRequest('uid must be from 1 to 4294967295 in local mode');
  if (typeof body.appId !== 'string') throw badRequest('appId must be a string');
  return localRooms().join(credentials, { appId: body.appId, channel, uid, token: body.token });
}

/** POST /api/local/signal {session, to, data}: relays WebRTC negotiation to one participant. */
export async function localSignal(request: Request) {
  await localCredentials(request);
  const body = await readJsonObject(request, MAX_SIGNAL_BYTES);
  if (typeof body.data !== 'object' || body.data === null) throw badRequest('data must be an object (an SDP description or ICE candidate)');
  localRooms().signal(sessionOf(body), body.to, body.data);
  return { ok: true };
}

/** POST /api/local/publish {session, audio, video} */
export async function localPublish(request: Request) {
  await localCredentials(request);
  const body = await readJsonObject(request);
  localRooms().publish(sessionOf(body), flag(body, 'audio'), flag(body, 'video'));
  return { ok: true };
}

/** POST /api/local/renew {session, token} */
export async function localRenew(request: Request) {
  const credentials = await localCredentials(request);
  const body = await readJsonObject(request);
  return localRooms().renew(credentials, sessionOf(body), body.token);
}

/** POST /api/local/leave {session} */
export async function localLeave(request: Request) {
  await localCredentials(request);
  const body = await readJsonObject(request);
  localRooms().leave(sessionOf(body));
  return { ok: true };
}

/** GET /api/local/events?session=… — the participant's server-sent event stream. */
export async function localEvents(request: Request): Promise<Response> {
  await localCredentials(request);
  const session = new URL(request.url).searchParams.get('session');
  const rooms = localRooms();
  const encoder = new TextEncoder();
  let detach = () => {};
  let heartbeat: ReturnType<typeof setInterval> | undefined;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const close = () => {
        clearInterval(heartbeat);
        detach();
        try {
          controller.close();
        } catch {
          // already closed
        }
      };
      detach = rooms.attach(session, (event: RoomEvent) => {
        controller.enqueue(encoder.encode(`event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`));
        if (event.type === 'token-privilege-did-expire') close();
      });
      controller.enqueue(encoder.encode(': connected\n\n'));
      heartbeat = setInterval(() => controller.enqueue(encoder.encode(': ping\n\n')), HEARTBEAT_MS);
      request.signal.addEventListener('abort', close);
    },
    cancel() {
      clearInterval(heartbeat);
      detach();
    },
  });
  return new Response(stream, {
    headers: {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    },
  });
}
