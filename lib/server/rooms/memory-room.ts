import 'server-only';
// One room as the memory room store keeps it, and what a read of it answers.
import { HOST_SEEN_MS, type Knock, type RoomState, type StoredRequest } from './room-store';

export interface Room {
  stage: boolean;
  onStage: Set<number>;
  invited: Set<number>;
  /** uid → when last seen (ms). */
  hosts: Map<number, number>;
  locked: boolean;
  waitingRoom: boolean;
  muteAll: number;
  requestSeq: number;
  members: Set<number>;
  memberBrowsers: Set<string>;
  admitted: Set<number>;
  denied: Set<number>;
  waiting: Map<number, Knock>;
  /** uid → the browser id last seen with it. */
  browsers: Map<number, string>;
  /** `u:<uid>` or `b:<browser>` → until when (ms). */
  removed: Map<string, number>;
  requests: StoredRequest[];
  expiresAt: number;
}

export const newRoom = (stage: boolean): Room => ({
  stage,
  onStage: new Set(),
  invited: new Set(),
  hosts: new Map(),
  locked: false,
  waitingRoom: false,
  muteAll: 0,
  requestSeq: 0,
  members: new Set(),
  memberBrowsers: new Set(),
  admitted: new Set(),
  denied: new Set(),
  waiting: new Map(),
  browsers: new Map(),
  removed: new Map(),
  requests: [],
  expiresAt: 0,
});

/** The room as read now: hosts seen in the last minute, removals still in force. */
export function snapshot(room: Room): RoomState {
  const now = Date.now();
  const removed = [...room.removed].filter(([, until]) => until > now).map(([key]) => key);
  return {
    hosted: true,
    stage: room.stage,
    onStage: [...room.onStage],
    invited: [...room.invited],
    hosts: [...room.hosts].filter(([, seen]) => seen > now - HOST_SEEN_MS).map(([uid]) => uid),
    ended: false,
    locked: room.locked,
    waitingRoom: room.waitingRoom,
    muteAll: room.muteAll,
    members: [...room.members],
    memberBrowsers: [...room.memberBrowsers],
    admitted: [...room.admitted],
    denied: [...room.denied],
    waiting: [...room.waiting.values()].sort((a, b) => a.since - b.since),
    removedUids: removed.filter((key) => key.startsWith('u:')).map((key) => Number(key.slice(2))),
    removedBrowsers: removed.filter((key) => key.startsWith('b:')).map((key) => key.slice(2)),
    requests: [...room.requests],
  };
}
