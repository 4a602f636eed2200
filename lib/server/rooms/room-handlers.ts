import 'server-only';
// The rooms API: start a room (the first to start it is its host), read a room as the caller sees
// it (room-view.ts), and change it (room-actions.ts): hosts (holding the host key) run the stage, the
// lock, the waiting room, remove people, end the call and ask people to mute or turn things on; a
// person (by their page ticket) answers an invitation, leaves the stage or knocks. The token routes
// read the same state (room-gate.ts).
import {
  HOST_ACTIONS,
  HOST_KEY_HEADER,
  SELF_ACTIONS,
  type RoomAction,
  type RoomStart,
  type RoomView,
} from '../../shared/room-contract';
import { parseChannelName, parseUid } from '../../shared/validation';
import { ApiError, badField, valid } from '../http/api-error';
import { readJsonObject } from '../http/json-body';
import { pathSegments } from '../http/route';
import { getAgoraCredentials } from '../credentials';
import { enforceRateLimit } from '../rate-limit';
import { tokenPolicy } from '../settings';
import { hostKey } from './host-key';
import { hostAction, ROOM_WIDE, selfAction } from './room-actions';
import { roomCaller, roomPerson, type RoomCaller } from './room-caller';
import { roomStore, type RoomStore } from './room-store';
import { roomView } from './room-view';

/** A channel name the token routes would also accept (the channel rules, TOKEN_CHANNEL_PATTERN). */
function roomChannel(raw: unknown): string {
  const channel = valid(parseChannelName(raw));
  const pattern = tokenPolicy().channelPattern;
  if (pattern && !pattern.test(channel)) {
    throw new ApiError(
      'channel_not_allowed',
      `channel "${channel}" is not allowed by this server's policy (TOKEN_CHANNEL_PATTERN)`,
    );
  }
  return channel;
}

/** POST /api/rooms {channel, stage?}: claims the room; the first caller gets the host key. */
export async function startRoom(request: Request): Promise<RoomStart> {
  await enforceRateLimit('token', request);
  const { appCertificate } = getAgoraCredentials();
  await roomPerson(request); // with sign-in on: signed-in and allowed people only
  const body = await readJsonObject(request);
  const channel = roomChannel(body.channel);
  if (body.stage !== undefined && typeof body.stage !== 'boolean') throw badField('stage must be true or false');
  const stage = body.stage === true;
  const store = roomStore();
  if (await store.claim(channel, stage))
    return { channel, host: true, hostKey: hostKey(channel, appCertificate), stage };
  return { channel, host: false, stage: (await store.read(channel))?.stage ?? stage };
}

/** What every /api/rooms/:channel request starts with: limit, channel, caller, store. */
async function roomRequest(request: Request, url: URL) {
  await enforceRateLimit('signaling', request);
  const { appCertificate } = getAgoraCredentials();
  const [, name] = pathSegments(url);
  const channel = roomChannel(name);
  return { channel, caller: await roomCaller(request, channel, appCertificate), store: roomStore() };
}

/** A host is seen when it reads or acts; in a room that ended there is nothing to be seen in. */
async function hostSeen(store: RoomStore, channel: string, caller: RoomCaller) {
  if (!caller.hostKey || !caller.ticketUids) return;
  await store.hostSeen(channel, caller.ticketUids[0]!).catch((error: unknown) => {
    if (!(error instanceof ApiError && error.code === 'room_ended')) throw error;
  });
}

/** GET /api/rooms/:channel: the room as the caller sees it; a host with a page ticket is recorded as present. */
export async function readRoom(request: Request, url: URL): Promise<RoomView> {
  const { channel, caller, store } = await roomRequest(request, url);
  await hostSeen(store, channel, caller);
  return roomView(channel, caller, await store.read(channel), store.kind);
}

const ACTIONS: readonly string[] = [...HOST_ACTIONS, ...SELF_ACTIONS];
const isHostAction = (action: RoomAction) => (HOST_ACTIONS as readonly string[]).includes(action);

function parseAction(raw: unknown): RoomAction {
  if (typeof raw === 'string' && ACTIONS.includes(raw)) return raw as RoomAction;
  const given = typeof raw === 'string' ? `"${raw.slice(0, 40)}" is not a room action` : 'action is missing';
  throw new ApiError('invalid_room_action', `${given}; use one of ${ACTIONS.join(', ')}`);
}

/** The person a host acts on: a camera uid from 1 to 4294967295 (0 means anyone, not a person). */
function targetUid(raw: unknown): number {
  if (raw === undefined || raw === null) throw new ApiError('invalid_uid', 'uid is required: the person to act on');
  const uid = valid(parseUid(raw));
  if (uid === 0) throw new ApiError('invalid_uid', 'uid 0 means anyone; give the uid of the person to act on');
  return uid;
}

/** The person a host acts on, never the host's own camera (a host leaves; removing yourself would lock you out). */
function personActedOn(action: RoomAction, raw: unknown, caller: RoomCaller): number {
  const uid = targetUid(raw);
  if (action === 'remove' && uid === caller.ticketUids?.[0]) {
    throw new ApiError('invalid_uid', 'a host cannot remove themselves: leave the call instead');
  }
  return uid;
}

/** POST /api/rooms/:channel {action, uid?, name?}: changes the room; answers the room as the caller now sees it. */
export async function changeRoom(request: Request, url: URL): Promise<RoomView> {
  const { channel, caller, store } = await roomRequest(request, url);
  const body = await readJsonObject(request);
  const action = parseAction(body.action);
  const camera = caller.ticketUids?.[0];
  if (isHostAction(action)) {
    if (!caller.hostKey) {
      const sent = request.headers.has(HOST_KEY_HEADER);
      throw new ApiError(
        'host_key_invalid',
        sent
          ? `the host key sent is not this room's; ${action} is for its hosts`
          : `${action} is for this room's hosts: send the room's host key (${HOST_KEY_HEADER})`,
      );
    }
    const uid = ROOM_WIDE.includes(action) ? 0 : personActedOn(action, body.uid, caller);
    await hostAction(store, channel, action, uid, body.name);
    await hostSeen(store, channel, caller);
  } else {
    if (camera === undefined) {
      throw new ApiError(
        'not_invited',
        `${action} acts on your own place in the call: send it from the call page (its ticket)`,
      );
    }
    await selfAction(store, channel, action, caller, body);
  }
  return roomView(channel, caller, await store.read(channel), store.kind);
}
