// A token refused because of what a host decided about the room, in words: retrying changes nothing
// until a host changes it (unlocks the room, lets the person in).
import type { ErrorCode } from '../../shared/error-codes';
import type { CallProblem } from '../call-problems';
import { isRoomRefusal, type RoomRefusal } from './room-gate';

export type RoomProblemId = 'removed' | 'room-ended' | 'room-locked' | 'waiting-for-host' | 'admission-denied';

export const ROOM_PROBLEMS: Record<RoomRefusal, CallProblem & { id: RoomProblemId }> = {
  removed: {
    id: 'removed',
    title: 'A host removed you from this call',
    detail: 'You cannot join this call again for a while.',
    retryable: false,
  },
  room_ended: {
    id: 'room-ended',
    title: 'The host ended the call',
    detail: 'Nobody can join this call for a while.',
    retryable: false,
  },
  room_locked: {
    id: 'room-locked',
    title: 'This room is locked',
    detail: 'Nobody new can join. Ask a host to unlock it, then try again.',
    retryable: true,
  },
  waiting_for_host: {
    id: 'waiting-for-host',
    title: 'Waiting for a host to let you in',
    detail: 'This room has a waiting room: a host lets each newcomer in.',
    retryable: true,
  },
  admission_denied: {
    id: 'admission-denied',
    title: 'A host did not let you in',
    detail: 'You cannot join this call.',
    retryable: false,
  },
};

export const roomProblemFor = (code: ErrorCode | null): CallProblem | null =>
  isRoomRefusal(code) ? ROOM_PROBLEMS[code] : null;
