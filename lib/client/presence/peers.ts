// Who is online in the channel's Signaling presence, and every name seen: Agora's presence events
// (a snapshot on subscribe, then joins, state changes, leaves, or batched intervals) applied in turn.
import type { PresenceEvent, States } from '../engine/signaling';
import { decodeState, type PeerState } from './protocol';

export interface Peers {
  peers: Record<string, PeerState>;
  names: Record<string, string>;
}

export function applyPresence(current: Peers, event: PresenceEvent, selfId: string): Peers {
  const peers = { ...current.peers };
  const names = { ...current.names };
  const put = (userId: string, states: States | undefined) => {
    if (userId === selfId) return;
    const state = decodeState(states);
    peers[userId] = state;
    if (state.name) names[userId] = state.name;
  };
  switch (event.eventType) {
    case 'SNAPSHOT':
      for (const userId of Object.keys(peers)) delete peers[userId];
      event.snapshot?.forEach(({ userId, states }) => put(userId, states));
      break;
    case 'INTERVAL':
      event.interval?.join.users.forEach((userId) => put(userId, undefined));
      [...(event.interval?.leave.users ?? []), ...(event.interval?.timeout.users ?? [])].forEach(
        (userId) => delete peers[userId],
      );
      event.interval?.userStateList.forEach(({ userId, states }) => put(userId, states));
      break;
    case 'REMOTE_JOIN':
      // A join carries no state; keep what a state change may already have told.
      if (!peers[event.publisher]) put(event.publisher, event.stateChanged);
      break;
    case 'REMOTE_STATE_CHANGED':
      put(event.publisher, event.stateChanged);
      break;
    case 'REMOTE_LEAVE':
    case 'REMOTE_TIMEOUT':
      delete peers[event.publisher];
      break;
  }
  return { peers, names };
}
