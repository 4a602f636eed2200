import 'server-only';
// HTTP face of local mode's Signaling (what Agora RTM does in Agora mode): log in with an RTM
// token, subscribe to a channel with presence, set presence state, publish messages, renew, log out.
import { valid } from '../http/api-error';
import { readJsonObject } from '../http/json-body';
import { parseChannelName, parseRtmUserId } from '../../shared/validation';
import { MAX_MESSAGE_BYTES } from './presence';
import { localSignaling } from './registry';
import { endWith, localCredentials, renewWith, sessionOf, text } from './request';

const channelOf = (body: Record<string, unknown>) => valid(parseChannelName(body.channel));

/** POST /api/local/rtm/login {connection, appId, userId, token} */
export async function rtmLogin(request: Request) {
  const credentials = await localCredentials(request);
  const body = await readJsonObject(request);
  const userId = valid(parseRtmUserId(body.userId, 'userId'));
  return localSignaling().presence.login(credentials, {
    connection: body.connection,
    appId: text(body, 'appId'),
    userId,
    token: body.token,
  });
}

/** POST /api/local/rtm/subscribe {session, channel} → who is there, with their states */
export async function rtmSubscribe(request: Request) {
  await localCredentials(request);
  const body = await readJsonObject(request);
  return localSignaling().presence.subscribe(sessionOf(body), channelOf(body));
}

/** POST /api/local/rtm/state {session, channel, state} */
export async function rtmSetState(request: Request) {
  await localCredentials(request);
  const body = await readJsonObject(request);
  localSignaling().presence.setState(sessionOf(body), channelOf(body), body.state);
  return { ok: true };
}

/** POST /api/local/rtm/publish {session, channel, message} */
export async function rtmPublish(request: Request) {
  await localCredentials(request);
  const body = await readJsonObject(request, MAX_MESSAGE_BYTES * 2);
  localSignaling().presence.publish(sessionOf(body), channelOf(body), body.message);
  return { ok: true };
}

/** POST /api/local/rtm/renew {session, token} */
export const rtmRenew = renewWith((credentials, session, token) =>
  localSignaling().presence.renew(credentials, session, token),
);

/** POST /api/local/rtm/logout {session} */
export const rtmLogout = endWith((session) => localSignaling().presence.logout(session));
