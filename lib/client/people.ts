// Who is in the call, as the UI shows them: the RTC participants (media) joined with what Signaling
// says about them (name, raised hand). A person whose name has not arrived is a guest by uid.
import type { RemoteTrack } from '../rtc-client';
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
  self: boolean;
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
  const others = participants.map<Person>((participant) => ({
    uid: participant.uid,
    name: nameOf(participant.uid, presence),
    hand: presence?.peers[participant.uid]?.hand ?? false,
    hasAudio: participant.hasAudio,
    hasVideo: participant.hasVideo,
    videoTrack: participant.videoTrack,
    self: false,
  }));
  return [me, ...others];
}
