import 'server-only';
// One participant of a local-mode RTC channel: its role (live mode's host or audience) and when
// each of its token's privileges ends, which is what local mode enforces as Agora does with
// co-host authentication on: publishing needs the role host, and host needs an open publish privilege.
import { ApiError } from '../http/api-error';
import { formatDuration } from '../../shared/token/timing';
import { later, WILL_EXPIRE_LEAD_S } from './connections';
import type { PublishEnds } from './token-check';

export type ClientRole = 'host' | 'audience';
export const CLIENT_ROLES: readonly ClientRole[] = ['host', 'audience'];

export interface Member {
  uid: number;
  channel: string;
  sessionId: string;
  connection: string;
  role: ClientRole;
  /** Unix seconds when the join privilege ends. */
  expiresAt: number;
  publishEnds: PublishEnds;
  audio: boolean;
  video: boolean;
  timers: Set<ReturnType<typeof setTimeout>>;
  unbind: () => void;
}

/** What the others may know of a participant (the join's answer lists every one, audience too). */
export interface MemberView {
  uid: number;
  role: ClientRole;
  audio: boolean;
  video: boolean;
}

export const viewOf = ({ uid, role, audio, video }: Member): MemberView => ({ uid, role, audio, video });

/**
 * When the member's publishing ends: the first of its publish privileges to end; null without any.
 * (Tokens from this app's token API give both the same end.)
 */
export function publishEnd({ audio, video }: PublishEnds): number | null {
  const ends = [audio, video].filter((end): end is number => end !== null);
  return ends.length > 0 ? Math.min(...ends) : null;
}

const noPrivilege = (kind: string, end: number | null, nowS: number) =>
  new ApiError(
    'no_publish_privilege',
    end === null
      ? `NO_PUBLISH_PRIVILEGE: this token may not publish ${kind} (a subscriber token only joins)`
      : `NO_PUBLISH_PRIVILEGE: the publish ${kind} privilege ended ` +
          `${nowS === end ? 'just now' : `${formatDuration(nowS - end)} ago`} (renew the token)`,
  );

/** Refuses the role host without an open publish privilege (co-host authentication is always on here). */
export function requireHostPrivilege(publishEnds: PublishEnds, nowS: number) {
  const end = publishEnd(publishEnds);
  if (end === null || end <= nowS) throw noPrivilege('audio or video', end, nowS);
}

/** Refuses a publish by the audience, or of a kind whose privilege is missing or over. */
export function requirePublishAllowed(member: Member, audio: boolean, video: boolean, nowS: number) {
  if (!audio && !video) return; // unpublishing everything is always allowed
  if (member.role !== 'host') {
    throw new ApiError(
      'no_publish_privilege',
      'NO_PUBLISH_PRIVILEGE: an audience member can not publish (set the client role to host first)',
    );
  }
  for (const [kind, wanted] of [
    ['audio', audio],
    ['video', video],
  ] as const) {
    const end = member.publishEnds[kind];
    if (wanted && (end === null || end <= nowS)) throw noPrivilege(kind, end, nowS);
  }
}

export interface PrivilegeMoments {
  /** 30 s before the first privilege that matters ends: the join's, or (a host's) publishing's. */
  willExpire: () => void;
  /** A host's publish privilege ended before its join privilege. */
  publishEnded: () => void;
  /** The join privilege ended. */
  joinEnded: () => void;
}

/**
 * Sets the member's timers for its privileges' ends, replacing those of an earlier token or role.
 * An end already inside the 30 s warning window is warned at once (a renewal that arrived late
 * would otherwise never be renewed again); an end already past acts at once.
 */
export function schedulePrivileges(member: Member, nowMs: number, moments: PrivilegeMoments) {
  member.timers.forEach(clearTimeout);
  member.timers.clear();
  const msUntil = (endS: number) => Math.max(0, endS * 1000 - nowMs);
  const publishing = member.role === 'host' ? publishEnd(member.publishEnds) : null;
  const first = publishing === null ? member.expiresAt : Math.min(publishing, member.expiresAt);
  if (first * 1000 > nowMs)
    member.timers.add(later(moments.willExpire, Math.max(0, msUntil(first) - WILL_EXPIRE_LEAD_S * 1000)));
  if (publishing !== null && publishing < member.expiresAt)
    member.timers.add(later(moments.publishEnded, msUntil(publishing)));
  member.timers.add(later(moments.joinEnded, msUntil(member.expiresAt)));
}
