import 'server-only';
// HTTP face of local mode's RTC signaling: join, relay, publish, role, renew, leave. Events go out on
// the tab's event stream (event-stream.ts).
import { ApiError, badField, valid } from '../http/api-error';
import { readJsonObject } from '../http/json-body';
import { parseChannelName, parseUid } from '../../shared/validation';
import { localSignaling } from './registry';
import type { SdpOffer } from './rooms';
import { CLIENT_ROLES, type ClientRole } from './rtc-member';
import { endWith, flag, localCredentials, renewWith, sessionOf, text } from './request';

export const MAX_SIGNAL_BYTES = 64 * 1024;

/** The join's offer, checked, or undefined when none was sent. */
function offerOf(body: Record<string, unknown>): SdpOffer | undefined {
  const { offer } = body;
  if (offer === undefined) return undefined;
  const { type, sdp } = (offer ?? {}) as Record<string, unknown>;
  if (type !== 'offer' || typeof sdp !== 'string')
    throw badField('offer must be an SDP offer: {"type":"offer","sdp":"v=0…"}');
  return { type, sdp };
}

/** The live-mode role a request names; `fallback` when it names none (a join's default: audience). */
function roleOf(body: Record<string, unknown>, fallback?: ClientRole): ClientRole {
  if (body.role === undefined && fallback) return fallback;
  if (!CLIENT_ROLES.includes(body.role as ClientRole)) throw badField('role must be "host" or "audience"');
  return body.role as ClientRole;
}

/** POST /api/local/join {connection, appId, channel, uid, token, role?, offer?}; role defaults to audience. */
export async function localJoin(request: Request) {
  const credentials = await localCredentials(request);
  const body = await readJsonObject(request, MAX_SIGNAL_BYTES);
  const channel = valid(parseChannelName(body.channel));
  const uid = valid(parseUid(body.uid));
  if (uid === 0) throw new ApiError('invalid_uid', 'uid must be from 1 to 4294967295 in local mode');
  const appId = text(body, 'appId');
  return localSignaling().rooms.join(credentials, {
    connection: body.connection,
    appId,
    channel,
    uid,
    token: body.token,
    role: roleOf(body, 'audience'),
    offer: offerOf(body),
  });
}

/** POST /api/local/signal {session, to, data}: relays WebRTC negotiation to one participant. */
export async function localSignal(request: Request) {
  await localCredentials(request);
  const body = await readJsonObject(request, MAX_SIGNAL_BYTES);
  if (typeof body.data !== 'object' || body.data === null)
    throw badField('data must be an object (an SDP description or ICE candidate)');
  localSignaling().rooms.signal(sessionOf(body), body.to, body.data);
  return { ok: true };
}

/** POST /api/local/publish {session, audio, video} */
export async function localPublish(request: Request) {
  await localCredentials(request);
  const body = await readJsonObject(request);
  localSignaling().rooms.publish(sessionOf(body), flag(body, 'audio'), flag(body, 'video'));
  return { ok: true };
}

/** POST /api/local/role {session, role}: live mode's setClientRole after the join. */
export async function localRole(request: Request) {
  await localCredentials(request);
  const body = await readJsonObject(request);
  return localSignaling().rooms.setRole(sessionOf(body), roleOf(body));
}

/** POST /api/local/renew {session, token} */
export const localRenew = renewWith((credentials, session, token) =>
  localSignaling().rooms.renew(credentials, session, token),
);

/** POST /api/local/leave {session} */
export const localLeave = endWith((session) => localSignaling().rooms.leave(session));
