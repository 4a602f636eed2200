// Who is in the call, as the UI shows them: the RTC participants (media) joined with what Signaling
// says about them (name, raised hand). A person whose name has not arrived is a guest by uid.
import type { RemoteTrack } from './engine/rtc';
import type { Participant } from './call-snapshot';
import { guestName } from './display-name';
import type { PresenceSnapshot } from './presence/presence-session';

export interface Person {
  uid: string;
  name: string;
  hand: boolean;
  hasAudio: boolean;
  hasVideo: boolean;
  videoTrack?: RemoteTrack;
  audioTrack?: RemoteTrack;
  self: boolean;
}

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
  for (const [ownerUid, peer] of Object.entries(presence?.peers ?? {})) if (peer.screenUid) owners.set(peer.screenUid, ownerUid);
  return owners;
}

/** Screens others are sharing now. */
export function listScreens(participants: Participant[], presence: PresenceSnapshot | null): Screen[] {
  const owners = screenOwners(presence);
  return participants.flatMap((participant) => {
    const ownerUid = owners.get(participant.uid);
    return ownerUid ? [{ uid: participant.uid, ownerUid, ownerName: nameOf(ownerUid, presence), videoTrack: participant.videoTrack }] : [];
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

/** You first, then everyone else in the order they joined. */
export function listPeople(participants: Participant[], presence: PresenceSnapshot | null, self: Self): Person[] {
  const me: Person = {
    uid: self.uid,
    name: self.name,
    hand: presence?.me.hand ?? false,
    hasAudio: self.micOn,
    hasVideo: self.cameraOn,
    self: true,
  };
  const screens = screenOwners(presence);
  const others = participants.filter((participant) => !screens.has(participant.uid)).map<Person>((participant) => ({
    uid: participant.uid,
    name: nameOf(participant.uid, presence),
    hand: presence?.peers[participant.uid]?.hand ?? false,
    hasAudio: participant.hasAudio,
    hasVideo: participant.hasVideo,
    videoTrack: participant.videoTrack,
    audioTrack: participant.audioTrack,
    self: false,
  }));
  return [me, ...others];
}
