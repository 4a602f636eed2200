import type { RoomView } from '@/lib/shared/room-contract';
import { RoomSession } from '@/lib/client/room/room-session';
import type { RoomOfCall } from '@/components/call/call-view';

/** A call page's room where rooms are off (as with an external token server): everyone publishes. */
export function roomWithoutHost(): RoomOfCall {
  const session = new RoomSession({
    channel: 'room',
    enabled: false,
    pageTicket: null,
  });
  return { session, snapshot: session.getSnapshot(), hostKey: null };
}

/** A room view as the server answers it, for a caller with this uid and role. */
export function roomView(
  overrides: Omit<Partial<RoomView>, 'you'> & { you?: Partial<RoomView['you']> } = {},
): RoomView {
  const { you, ...rest } = overrides;
  return {
    channel: 'room',
    hosted: true,
    stage: true,
    hosts: [],
    onStage: [],
    invited: [],
    locked: false,
    waitingRoom: false,
    waiting: [],
    ended: false,
    muteAll: 0,
    store: 'memory',
    ...rest,
    you: { uid: 9, role: 'audience', invited: false, admission: 'in', requests: [], ...you },
  };
}
