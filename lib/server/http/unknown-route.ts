import 'server-only';
// The answer for /api paths that match no route: a JSON 404 naming the route the caller probably meant.
import { ApiError } from './api-error';

/** The API's routes, for 404 answers that tell a client what it probably meant. */
export const API_ROUTES: Record<string, string> = {
  ping: 'GET /api/ping',
  health: 'GET /api/health',
  rtc: 'GET /api/rtc/:channelName/:role/:tokentype/:uid/?expiry=seconds',
  rte: 'GET /api/rte/:channelName/:role/:tokentype/:uid/[:rtmuid/]?expiry=seconds',
  rtm: 'GET /api/rtm/:uid/?expiry=seconds',
  chat: 'GET /api/chat/app/ or GET /api/chat/account/:chatid/',
  token: 'POST /api/token with a JSON body',
  getToken: 'POST /api/getToken with a JSON body',
  inspect: 'POST /api/inspect with {"token":"007…"}',
  rooms:
    'POST /api/rooms with {"channel","stage"}, GET /api/rooms/:channel, POST /api/rooms/:channel with {"action","uid"}',
};

export function unknownApiPath(request: Request, { pathname }: URL): never {
  const first = pathname.split('/')[2] ?? '';
  const usage = Object.hasOwn(API_ROUTES, first) ? API_ROUTES[first] : undefined;
  if (usage)
    throw new ApiError(
      'unknown_route',
      `${request.method} ${pathname.slice(0, 200)} does not match the route; use ${usage}`,
    );
  throw new ApiError(
    'unknown_route',
    `no API route at ${pathname.slice(0, 200)}; routes: ${Object.values(API_ROUTES).join(', ')}`,
  );
}
