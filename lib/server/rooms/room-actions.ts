import 'server-only';
// What each room action does to the store, once the handler has checked who asks: host actions
// (the host key) act on the room or on a person by uid; self actions act on the caller's own camera
// uid from its page ticket, so nobody can accept, leave or knock for someone else.
import type { RoomAction } from '../../shared/room-contract';
import { ApiError } from '../http/api-error';
import { roomControls } from '../settings';
import { cleanName } from './person-name';
import { isRemoved } from './room-policy';
import type { RoomCaller } from './room-caller';
import type { RoomStore } from './room-store';

/** Host actions that act on the room itself, not on one person. */
export const ROOM_WIDE = [
  'stage-on',
  'stage-off',
  'end',
  'lock',
  'unlock',
  'waiting-room-on',
  'waiting-room-off',
  'mute-everyone',
];

export async function hostAction(store: RoomStore, channel: string, action: RoomAction, uid: number, by: unknown) {
  if (action === 'end') return store.end(channel, roomControls().endSeconds);
  // A host link works on a room nobody started (or one that expired): it takes the room over.
  await store.claim(channel, action === 'stage-on');
  switch (action) {
    case 'stage-on':
    case 'stage-off':
      return store.setStage(channel, action === 'stage-on');
    case 'lock':
    case 'unlock':
      return store.setLocked(channel, action === 'lock');
    case 'waiting-room-on':
    case 'waiting-room-off':
      return store.setWaitingRoom(channel, action === 'waiting-room-on');
    case 'mute-everyone':
      return store.muteEveryone(channel);
    case 'invite':
      return store.invite(channel, uid);
    case 'move-to-audience':
      return store.toAudience(channel, uid);
    case 'remove':
      return store.remove(channel, uid, roomControls().removalSeconds);
    case 'admit':
      return store.admit(channel, uid);
    case 'deny':
      return store.deny(channel, uid);
    case 'mute':
    case 'ask-unmute':
    case 'ask-camera':
      return store.request(channel, uid, action, cleanName(by, 'A host'));
  }
}

/** Knocking: onto the waiting list when the room has one and the caller is not let in (or refused) yet. */
async function knock(store: RoomStore, channel: string, caller: RoomCaller, uid: number, name: unknown) {
  const cleaned = cleanName(name, `Guest ${String(uid).slice(-4)}`);
  const room = await store.read(channel);
  if (room?.ended) throw new ApiError('room_ended', 'a host ended this call for everyone');
  if (room && isRemoved(room, { uids: caller.ticketUids ?? [uid], browser: caller.browser })) {
    throw new ApiError('removed', 'a host removed you from this call');
  }
  // Nothing to wait for (no waiting room, already in, or refused): the answer's view says which.
  if (!room?.waitingRoom || room.admitted.includes(uid) || room.denied.includes(uid)) return;
  await store.knock(channel, uid, cleaned, caller.browser);
}

export async function selfAction(
  store: RoomStore,
  channel: string,
  action: RoomAction,
  caller: RoomCaller,
  body: Record<string, unknown>,
) {
  const uid = caller.ticketUids![0]!;
  if (action === 'knock') return knock(store, channel, caller, uid, body.name);
  if (action !== 'accept-invitation' && !(await store.read(channel))) {
    throw new ApiError('not_invited', 'nobody started this room: it has no stage and no invitations');
  }
  if (action === 'decline-invitation') return store.decline(channel, uid);
  if (action === 'leave-stage') return store.toAudience(channel, uid);
  if (!(await store.accept(channel, uid))) {
    throw new ApiError('not_invited', 'you have no invitation to this stage (a host may have withdrawn it)');
  }
}
