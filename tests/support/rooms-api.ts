import * as rooms from '@/app/api/rooms/route';
import * as room from '@/app/api/rooms/[channel]/route';
import * as rtc from '@/app/api/rtc/[...segments]/route';
import * as rtm from '@/app/api/rtm/[uid]/route';

// Calls the rooms API and the RTC token route the way a browser would, by status and JSON.

type Handler = (request: Request) => Response | Promise<Response>;
let address = 0;

export async function call(
  handler: Handler,
  path: string,
  { method = 'GET', body, headers = {} }: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
) {
  const response = await handler(
    new Request(`http://localhost${path}`, {
      method,
      headers: { 'x-forwarded-for': `10.9.0.${++address % 250}`, ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    }),
  );
  return { status: response.status, headers: response.headers, body: await response.json() };
}

/** Headers of a caller: its page ticket and/or the room's host key. */
export const as = (ticket?: string | null, hostKey?: string | null) => ({
  ...(ticket ? { 'x-call-ticket': ticket } : {}),
  ...(hostKey ? { 'x-host-key': hostKey } : {}),
});

export const startRoom = (body: unknown, headers: Record<string, string> = {}) =>
  call(rooms.POST, '/api/rooms', { method: 'POST', body, headers });

export const readRoom = (channel: string, headers: Record<string, string> = {}) =>
  call(room.GET, `/api/rooms/${encodeURIComponent(channel)}`, { headers });

export const act = (channel: string, body: unknown, headers: Record<string, string> = {}) =>
  call(room.POST, `/api/rooms/${encodeURIComponent(channel)}`, { method: 'POST', body, headers });

export const rtcToken = (channel: string, role: string, uid: number, headers: Record<string, string> = {}) =>
  call(rtc.GET, `/api/rtc/${encodeURIComponent(channel)}/${role}/uid/${uid}/?expiry=600`, { headers });

export const rtmToken = (uid: number | string, headers: Record<string, string> = {}) =>
  call(rtm.GET, `/api/rtm/${encodeURIComponent(String(uid))}/?expiry=600`, { headers });
