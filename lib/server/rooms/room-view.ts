import 'server-only';
// A room as one caller sees it (GET /api/rooms/:channel and every action's answer): the room's
// switches for everyone; the waiting list for hosts only; the caller's own role, admission and the
// requests hosts made of them.
import type { RoomView } from '../../shared/room-contract';
import type { RoomCaller } from './room-caller';
import { admissionOf } from './room-policy';
import { emptyRoom, MAX_REQUESTS_EACH, REQUEST_MS, type RoomState } from './room-store';

export function roomView(
  channel: string,
  caller: RoomCaller,
  state: RoomState | null,
  store: 'memory' | 'redis',
  now = Date.now(),
): RoomView {
  const room = state ?? emptyRoom();
  const uid = caller.ticketUids?.[0] ?? null;
  const onStage = uid !== null && room.onStage.includes(uid);
  const role = caller.hostKey ? 'host' : !room.stage ? 'guest' : onStage ? 'stage' : 'audience';
  const person = { uids: caller.ticketUids ?? [], browser: caller.browser };
  const requests = room.requests
    .filter((request) => request.uid === uid && request.at > now - REQUEST_MS)
    .sort((a, b) => a.id - b.id)
    .slice(-MAX_REQUESTS_EACH)
    .map(({ id, kind, by }) => ({ id, kind, by }));
  return {
    channel,
    hosted: room.hosted,
    stage: room.stage,
    hosts: room.hosts,
    onStage: room.onStage,
    invited: room.invited,
    locked: room.locked,
    waitingRoom: room.waitingRoom,
    waiting: caller.hostKey ? room.waiting : [],
    ended: room.ended,
    muteAll: room.muteAll,
    you: {
      uid,
      role,
      invited: uid !== null && room.invited.includes(uid),
      admission: admissionOf(state, person, caller.hostKey),
      requests,
    },
    store,
  };
}
