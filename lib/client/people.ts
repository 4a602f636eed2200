// Who is in the call, as the UI shows them: the RTC participants (media) joined with what Signaling
// says about them (name, raised hand). A person whose name has not arrived yet is "Joining…" while it
// can still come (they arrived just now and Signaling is not unavailable), else a guest by uid.
import type { RemoteTrack } from './engine/rtc';
import type { Participant } from './call-snapshot';
import { guestName } from './display-name';
import type { PresenceSnapshot } from './presence/presence-session';
import type { RoomRole, RoomView } from '../shared/room-contract';

export interface Person {
  uid: string;
  name: string;
  hand: boolean;
  hasAudio: boolean;
  hasVideo: boolean;
  videoTrack?: RemoteTrack;
  audioTrack?: RemoteTrack;
  self: boolean;
  /** Their name is still on its way: `name` says "Joining…". */
  joining?: boolean;
  /** In a room with a host: what the server says they are (host, on stage, audience; guest without stage mode). */
  role?: RoomRole;
  /** A host has invited them to the stage and they have not answered yet. */
  invited?: boolean;
  /** Listed from Signaling only: in a stage room's audience, with no place among the tiles. */
  offStage?: boolean;
}

export const JOINING = 'Joining…';

/** A shared screen: a second client of someone in the call, shown as their screen, not a person. */
export interface Screen {
  uid: string;
  ownerUid: string;
  ownerName: string;
  videoTrack?: RemoteTrack;
}

/** Which remote uids are screen shares, and whose: from what people publish in Signaling. */
function screenOwners(presence: PresenceSnapshot | null): Map<string, string> {
  const owners = new Map<string, string>();
  for (const [ownerUid, peer] of Object.entries(presence?.peers ?? {}))
    if (peer.screenUid) owners.set(peer.screenUid, ownerUid);
  return owners;
}

/** Screens others are sharing now. */
export function listScreens(participants: Participant[], presence: PresenceSnapshot | null): Screen[] {
  const owners = screenOwners(presence);
  return participants.flatMap((participant) => {
    const ownerUid = owners.get(participant.uid);
    return ownerUid
      ? [{ uid: participant.uid, ownerUid, ownerName: nameOf(ownerUid, presence), videoTrack: participant.videoTrack }]
      : [];
  });
}

export interface Self {
  uid: string;
  name: string;
  micOn: boolean;
  cameraOn: boolean;
}

export function nameOf(uid: string, presence: PresenceSnapshot | null): string {
  return presence?.peers[uid]?.name ?? presence?.names[uid] ?? guestName(uid);
}

/**
 * You first, then everyone else in the order they joined. `newcomers`: the uids that arrived just
 * now (lib/client/use-newcomers.ts), whose names may still be on their way.
 */
/**
 * What the room says someone is: hosts and people on stage by the server's lists; in stage mode,
 * everyone else is audience.
 */
export function roleIn(room: RoomView | null, uid: string): RoomRole | undefined {
  if (!room?.hosted) return undefined;
  if (room.hosts.map(String).includes(uid)) return 'host';
  if (!room.stage) return 'guest';
  return room.onStage.map(String).includes(uid) ? 'stage' : 'audience';
}

/**
 * People in the audience of a stage room (on Signaling, not in the call's media: they publish
 * nothing), raised hands first.
 */
function audienceOf(presence: PresenceSnapshot | null, known: Set<string>, room: RoomView | null): Person[] {
  if (!room?.stage) return [];
  return Object.entries(presence?.peers ?? {})
    .filter(([uid]) => !known.has(uid))
    .map(([uid, peer]) => ({
      uid,
      name: peer.name ?? guestName(uid),
      hand: peer.hand,
      hasAudio: false,
      hasVideo: false,
      self: false,
      role: roleIn(room, uid),
      invited: room.invited.map(String).includes(uid),
      offStage: true,
    }))
    .sort((a, b) => Number(b.hand) - Number(a.hand)); // raised hands first: those a host is likely to invite
}

export function listPeople(
  participants: Participant[],
  presence: PresenceSnapshot | null,
  self: Self,
  newcomers: ReadonlySet<string> = new Set(),
  room: RoomView | null = null,
): Person[] {
  const me: Person = {
    uid: self.uid,
    name: self.name,
    hand: presence?.me.hand ?? false,
    hasAudio: self.micOn,
    hasVideo: self.cameraOn,
    self: true,
    joining: false,
    role: room?.hosted ? room.you.role : undefined,
    invited: room?.you.invited ?? false,
  };
  const nameMayCome = presence?.status !== 'unavailable';
  const screens = screenOwners(presence);
  const others = participants
    .filter((participant) => !screens.has(participant.uid))
    .map<Person>((participant) => {
      const known = presence?.peers[participant.uid]?.name ?? presence?.names[participant.uid];
      const joining = !known && nameMayCome && newcomers.has(participant.uid);
      return {
        uid: participant.uid,
        name: known ?? (joining ? JOINING : guestName(participant.uid)),
        joining,
        hand: presence?.peers[participant.uid]?.hand ?? false,
        hasAudio: participant.hasAudio,
        hasVideo: participant.hasVideo,
        videoTrack: participant.videoTrack,
        audioTrack: participant.audioTrack,
        self: false,
        role: roleIn(room, participant.uid),
        invited: room?.invited.map(String).includes(participant.uid) ?? false,
      };
    });
  const inMedia = new Set([self.uid, ...participants.map((participant) => participant.uid), ...screens.keys()]);
  return [me, ...others, ...audienceOf(presence, inMedia, room)];
}
