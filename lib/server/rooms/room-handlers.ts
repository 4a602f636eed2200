import 'server-only';
// The rooms API: start a room (the first to start it is its host), read a room as the caller sees
// it, and change it: hosts (holding the host key) turn the stage on and off, invite people onto it
// and move them back to the audience; a person (by their page ticket) accepts or declines an
// invitation or leaves the stage. The token routes read the same state (stage-gate.ts).
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
import { roomCaller, type RoomCaller } from './room-caller';
import { roomStore, type RoomState, type RoomStore } from './room-store';

const NO_ROOM: RoomState = { hosted: false, stage: false, onStage: [], invited: [], hosts: [] };

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

function view(channel: string, caller: RoomCaller, state: RoomState | null, store: RoomStore): RoomView {
  const room = state ?? NO_ROOM;
  const uid = caller.ticketUids?.[0] ?? null;
  const onStage = uid !== null && room.onStage.includes(uid);
  const role = caller.hostKey ? 'host' : !room.stage ? 'guest' : onStage ? 'stage' : 'audience';
  return {
    channel,
    hosted: room.hosted,
    stage: room.stage,
    hosts: room.hosts,
    onStage: room.onStage,
    invited: room.invited,
    // Host controls (#25) are not built yet: no room is locked, waits or ends, and nobody is asked anything.
    locked: false,
    waitingRoom: false,
    waiting: [],
    ended: false,
    muteAll: 0,
    you: { uid, role, invited: uid !== null && room.invited.includes(uid), admission: 'in', requests: [] },
    store: store.kind,
  };
}

/** POST /api/rooms {channel, stage?}: claims the room; the first caller gets the host key. */
export async function startRoom(request: Request): Promise<RoomStart> {
  await enforceRateLimit('token', request);
  const { appCertificate } = getAgoraCredentials();
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
  return { channel, caller: roomCaller(request, channel, appCertificate), store: roomStore() };
}

/** GET /api/rooms/:channel: the room as the caller sees it; a host with a page ticket is recorded as present. */
export async function readRoom(request: Request, url: URL): Promise<RoomView> {
  const { channel, caller, store } = await roomRequest(request, url);
  if (caller.hostKey && caller.ticketUids) await store.hostSeen(channel, caller.ticketUids[0]!);
  return view(channel, caller, await store.read(channel), store);
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

async function hostAction(store: RoomStore, channel: string, action: RoomAction, uid: number | null) {
  // A host link works on a room nobody started (or one that expired): it takes the room over.
  await store.claim(channel, action === 'stage-on');
  if (action === 'stage-on' || action === 'stage-off') return store.setStage(channel, action === 'stage-on');
  if (action === 'invite') return store.invite(channel, uid!);
  return store.toAudience(channel, uid!);
}

async function selfAction(store: RoomStore, channel: string, action: RoomAction, uid: number) {
  if (action !== 'accept-invitation' && !(await store.read(channel))) {
    throw new ApiError('not_invited', 'nobody started this room: it has no stage and no invitations');
  }
  if (action === 'decline-invitation') return store.decline(channel, uid);
  if (action === 'leave-stage') return store.toAudience(channel, uid);
  if (!(await store.accept(channel, uid))) {
    throw new ApiError('not_invited', 'you have no invitation to this stage (a host may have withdrawn it)');
  }
}

/** POST /api/rooms/:channel {action, uid?}: changes the room; answers the room as the caller now sees it. */
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
    const stageSwitch = action === 'stage-on' || action === 'stage-off';
    await hostAction(store, channel, action, stageSwitch ? null : targetUid(body.uid));
    if (camera !== undefined) await store.hostSeen(channel, camera);
  } else {
    if (camera === undefined) {
      throw new ApiError(
        'not_invited',
        `${action} acts on your own place in the call: send it from the call page (its ticket)`,
      );
    }
    await selfAction(store, channel, action, camera);
  }
  return view(channel, caller, await store.read(channel), store);
}
