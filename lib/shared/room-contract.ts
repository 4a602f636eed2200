// Rooms with hosts and a stage, as the server and the browser both see them: who started the room,
// whether only hosts and people on stage publish, who is invited. The server's room store is the
// authority; the browser only reads this view and asks the server to change it.

/**
 * What a person is in a room. `guest`: a room without stage mode (everyone publishes, as in a room
 * without a host); `host`: holds the room's host key; `stage`: invited by a host and accepted;
 * `audience`: in a stage room, watches and listens, publishes nothing (the token carries no publish privilege).
 */
export type RoomRole = 'host' | 'stage' | 'audience' | 'guest';

/** GET /api/rooms/:channel (and every room action's answer). */
export interface RoomView {
  channel: string;
  /** Someone started this room from the start page: it has a host key holder. */
  hosted: boolean;
  /** Stage mode: people without the host key join as audience. */
  stage: boolean;
  /** Camera uids of hosts seen in the last minute. */
  hosts: number[];
  /** Camera uids on stage (invited by a host, accepted). */
  onStage: number[];
  /** Camera uids with an invitation to the stage not yet answered. */
  invited: number[];
  /** Nobody new gets in (room_locked); those inside stay; hosts can always enter. */
  locked: boolean;
  /** Newcomers without the host key get no token until a host admits them. */
  waitingRoom: boolean;
  /** Hosts only (empty for everyone else): who is waiting to be let in, oldest first. */
  waiting: { uid: number; name: string; since: number }[];
  /** A host ended the call for everyone: tokens for the room are refused for a while (room_ended). */
  ended: boolean;
  /** Raised by a host's "Mute everyone": a page mutes itself once for each number it has not handled. */
  muteAll: number;
  /** The caller, from its page ticket (uid null without one) and host key. */
  you: {
    uid: number | null;
    role: RoomRole;
    invited: boolean;
    /** Whether this person may get tokens: `in`, or why not. */
    admission: Admission;
    /**
     * What hosts asked of this person, oldest first (each handled once, by id). A host can mute,
     * never unmute: it asks.
     */
    requests: HostRequest[];
  };
  /** Where room state lives: this instance's memory, or Redis shared by all instances. */
  store: 'memory' | 'redis';
}

/** `not-admitted`: the waiting room is on and this person has not knocked yet. */
export type Admission = 'in' | 'not-admitted' | 'waiting' | 'denied' | 'removed';

export interface HostRequest {
  id: number;
  kind: 'mute' | 'ask-unmute' | 'ask-camera';
  /** The host's name, as they gave it. */
  by: string;
}

/** POST /api/rooms {channel, stage?}: the answer. `host: false` means the room already had a host: join as a guest. */
export type RoomStart =
  { channel: string; host: true; hostKey: string; stage: boolean } | { channel: string; host: false; stage: boolean };

/** POST /api/rooms/:channel {action, uid?}. Host actions need the host key; the others act on the caller's own uid. */
export const HOST_ACTIONS = [
  'stage-on',
  'stage-off',
  'invite',
  'move-to-audience',
  'remove',
  'end',
  'lock',
  'unlock',
  'waiting-room-on',
  'waiting-room-off',
  'admit',
  'deny',
  'mute',
  'ask-unmute',
  'ask-camera',
  'mute-everyone',
] as const;
export const SELF_ACTIONS = ['accept-invitation', 'decline-invitation', 'leave-stage', 'knock'] as const;
export type RoomAction = (typeof HOST_ACTIONS)[number] | (typeof SELF_ACTIONS)[number];

/** The request header that carries the host key, sent to this app's own API only (never in a URL). */
export const HOST_KEY_HEADER = 'x-host-key';

/** The host link carries the key in its fragment (#host=…), which browsers never send to a server or in a Referer. */
export const HOST_LINK_FRAGMENT = 'host';

/** The call page's address for a room: the guest link, or with the key, the host link. */
export function roomLink(origin: string, channel: string, hostKey?: string | null): string {
  const guest = `${origin}/call/${encodeURIComponent(channel)}`;
  return hostKey ? `${guest}#${HOST_LINK_FRAGMENT}=${hostKey}` : guest;
}
