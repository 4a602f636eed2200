// This app's rooms API from the browser: start a room (the start page), read it, act on it. The page
// ticket says who is asking (its uid); the host key, when held, that they are a host.
import { PAGE_TICKET_HEADER } from '../../shared/call-contract';
import type { ErrorCode } from '../../shared/error-codes';
import { HOST_KEY_HEADER, type RoomAction, type RoomStart, type RoomView } from '../../shared/room-contract';
import { readApiAnswer } from '../api-answer';

export interface RoomAccess {
  pageTicket: string | null;
  hostKey: string | null;
}

/** A refusal or failure of the rooms API, in words for people, with the server's code. */
export class RoomApiError extends Error {
  constructor(
    message: string,
    readonly code: ErrorCode | null,
    readonly status?: number,
  ) {
    super(message);
  }
}

const roomUrl = (channel: string) => `/api/rooms/${encodeURIComponent(channel)}`;

function headers(access: RoomAccess | null): Record<string, string> {
  return {
    'Content-Type': 'application/json',
    ...(access?.pageTicket && { [PAGE_TICKET_HEADER]: access.pageTicket }),
    ...(access?.hostKey && { [HOST_KEY_HEADER]: access.hostKey }),
  };
}

async function call<T>(url: string, init: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { cache: 'no-store', ...init });
  } catch {
    throw new RoomApiError('The server could not be reached. Check your connection.', null);
  }
  const answer = await readApiAnswer(response);
  if (answer.error !== null) throw new RoomApiError(answer.error, answer.code, answer.status);
  return answer.body as T;
}

export const fetchRoom = (channel: string, access: RoomAccess) =>
  call<RoomView>(roomUrl(channel), { headers: headers(access) });

/** Who an action is about (a host's action on someone) and the name to go with it (a knock, a host's request). */
export interface ActionDetails {
  uid?: number;
  name?: string;
}

export const actOnRoom = (channel: string, access: RoomAccess, action: RoomAction, details: ActionDetails = {}) =>
  call<RoomView>(roomUrl(channel), {
    method: 'POST',
    headers: headers(access),
    body: JSON.stringify({ action, ...details }),
  });

/** Starts a room from the start page: its host if nobody started it yet, else a guest. */
export const startRoom = (channel: string, stage: boolean) =>
  call<RoomStart>('/api/rooms', { method: 'POST', headers: headers(null), body: JSON.stringify({ channel, stage }) });
