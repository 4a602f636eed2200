import 'server-only';
// What every local-mode request does first, and the fields they share.
import { getAgoraCredentials, type AgoraCredentials } from '../credentials';
import { readJsonObject } from '../http/json-body';
import { ApiError, badField } from '../http/api-error';
import { enforceRateLimit } from '../rate-limit';

/** Local mode must be on, and the client within its signaling rate limit. */
export async function localCredentials(request: Request) {
  await enforceRateLimit('signaling', request);
  const credentials = getAgoraCredentials();
  if (credentials.mode !== 'local') throw new ApiError('local_mode_off', 'local mode is off: this server uses Agora');
  return credentials;
}

/** A session id handed out by a join or login. */
export function sessionOf(body: Record<string, unknown>): string {
  if (typeof body.session !== 'string' || body.session.length === 0 || body.session.length > 64) {
    throw badField('session must be the string returned by /api/local/join or /api/local/rtm/login');
  }
  return body.session;
}

export function flag(body: Record<string, unknown>, name: string): boolean {
  if (typeof body[name] !== 'boolean') throw badField(`${name} must be true or false`);
  return body[name] as boolean;
}

export function text(body: Record<string, unknown>, name: string): string {
  if (typeof body[name] !== 'string') throw badField(`${name} must be a string`);
  return body[name] as string;
}

/** POST {session, token}: a fresh token for a session, RTC or Signaling. */
export const renewWith =
  (renew: (credentials: AgoraCredentials, session: string, token: unknown) => { expiresAt: number }) =>
  async (request: Request) => {
    const credentials = await localCredentials(request);
    const body = await readJsonObject(request);
    return renew(credentials, sessionOf(body), body.token);
  };

/** POST {session}: ends a session, RTC (leave) or Signaling (logout). */
export const endWith = (end: (session: string) => void) => async (request: Request) => {
  await localCredentials(request);
  const body = await readJsonObject(request);
  end(sessionOf(body));
  return { ok: true };
};
