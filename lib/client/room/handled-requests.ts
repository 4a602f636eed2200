// What hosts asked of this person (mute, ask to unmute, ask to turn on the camera) and their "Mute
// everyone", each handled once. The page's RoomSession keeps the highest request id and the highest
// Mute-everyone number handled, so a re-read of the room, or a Leave and Rejoin, never repeats one.
import type { HostRequest, RoomView } from '../../shared/room-contract';

export interface NewHostRequests {
  /** Requests not handled yet, oldest first. */
  requests: HostRequest[];
  /** A host pressed "Mute everyone" since this page last looked. */
  muteEveryone: boolean;
}

const NOTHING: NewHostRequests = { requests: [], muteEveryone: false };

export class HandledRequests {
  private lastId = 0;
  /** The Mute-everyone number handled; null until the first room view (nothing before it counts). */
  private muteAll: number | null = null;

  /** Everything the room holds now counts as handled: someone joining is not muted for what came before. */
  catchUp(view: RoomView | null) {
    if (!view) return;
    this.lastId = Math.max(this.lastId, ...view.you.requests.map((request) => request.id));
    this.muteAll = view.muteAll;
  }

  /** This page's own "Mute everyone": the host who pressed it is not muted. */
  handleOwnMuteEveryone(view: RoomView) {
    this.muteAll = Math.max(this.muteAll ?? 0, view.muteAll);
  }

  /** What is new in `view`, now marked handled. `holdMuteAll`: this page's own Mute everyone is on its way. */
  take(view: RoomView | null, holdMuteAll = false): NewHostRequests {
    if (!view) return NOTHING;
    const requests = view.you.requests.filter((request) => request.id > this.lastId).sort((a, b) => a.id - b.id);
    if (requests.length > 0) this.lastId = requests[requests.length - 1]!.id;
    let muteEveryone = false;
    if (this.muteAll === null || view.muteAll < this.muteAll) {
      // The first view, or a room that started over (its state expired): count from here.
      this.muteAll = view.muteAll;
    } else if (view.muteAll > this.muteAll && !holdMuteAll) {
      muteEveryone = true;
      this.muteAll = view.muteAll;
    }
    return requests.length > 0 || muteEveryone ? { requests, muteEveryone } : NOTHING;
  }
}
