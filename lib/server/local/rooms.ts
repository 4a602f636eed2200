import 'server-only';
// Local mode's RTC channels: who is in which channel, relaying WebRTC offers/answers/candidates
// between them, and enforcing tokens and roles as Agora's live mode with co-host authentication
// does (expiry warnings 30 s ahead, publishing stopped when its privilege ends, disconnect at the
// join privilege's end). Events reach each member through its tab's connection (connections.ts).
// State lives in this process's memory, which is why local mode never runs on Vercel.
import { randomBytes } from 'node:crypto';
import { ApiError } from '../http/api-error';
import type { LocalConnections } from './connections';
import {
  publishEnd,
  requireHostPrivilege,
  requirePublishAllowed,
  schedulePrivileges,
  viewOf,
  type ClientRole,
  type Member,
  type MemberView,
} from './rtc-member';
import { checkRtcToken, grantOrRefuse } from './token-check';

export const MAX_PARTICIPANTS = 6;

export type RoomEvent =
  | { type: 'user-joined'; uid: number }
  | { type: 'user-left'; uid: number; reason: 'Quit' | 'ServerTimeOut' | 'TokenExpired' }
  | { type: 'user-published'; uid: number; audio: boolean; video: boolean }
  /** Live mode's role changed: to host, the others show them (user-joined); to audience, they stop (user-left). */
  | { type: 'user-role'; uid: number; role: ClientRole }
  | { type: 'signal'; from: number; data: unknown }
  | { type: 'token-privilege-will-expire' }
  | { type: 'token-privilege-did-expire' };

export type { MemberView } from './rtc-member';

export interface Credentials {
  appId: string;
  appCertificate: string;
}

/** A WebRTC offer as the browser's RTCSessionDescription.toJSON() gives it. */
export type SdpOffer = { type: 'offer'; sdp: string };

export class LocalRooms {
  private readonly channels = new Map<string, Map<number, Member>>();
  private readonly sessions = new Map<string, Member>();

  constructor(
    private readonly connections: LocalConnections,
    private readonly now: () => number = () => Date.now(),
  ) {}

  private nowS() {
    return Math.floor(this.now() / 1000);
  }

  /**
   * Admits a participant, as audience unless it asks for host (live mode's default, as Agora's).
   * Only hosts are announced to the others; the answer lists everyone with their role, since the
   * media mesh connects to all. A newcomer's first WebRTC offer may come with its join: it is
   * relayed to one participant already there at once (named in `offeredTo`), saving a round trip.
   */
  join(
    credentials: Credentials,
    request: {
      connection: unknown;
      appId: string;
      channel: string;
      uid: number;
      token: unknown;
      role?: ClientRole;
      offer?: SdpOffer;
    },
  ) {
    if (request.appId !== credentials.appId) {
      throw new ApiError(
        'invalid_app_id',
        'CAN_NOT_GET_GATEWAY_SERVER: invalid vendor key, can not find appid (local mode only accepts its own App ID)',
      );
    }
    const checked = grantOrRefuse(
      checkRtcToken(request.token, { ...credentials, channel: request.channel, uid: request.uid, nowS: this.nowS() }),
    );
    const role = request.role ?? 'audience';
    if (role === 'host') requireHostPrivilege(checked.publishEnds, this.nowS());
    const room = this.channels.get(request.channel) ?? new Map<number, Member>();
    const previous = room.get(request.uid);
    // The same tab joining again (a join whose answer was lost, a quick rejoin) takes its old place.
    if (previous && previous.connection === request.connection) this.remove(previous, 'Quit');
    if (room.has(request.uid)) {
      throw new ApiError('uid_conflict', `UID_CONFLICT: uid ${request.uid} is already in channel "${request.channel}"`);
    }
    if (room.size >= MAX_PARTICIPANTS) {
      throw new ApiError(
        'room_full',
        `ROOM_FULL: channel "${request.channel}" already has ${MAX_PARTICIPANTS} participants, the local mode limit`,
      );
    }
    const sessionId = randomBytes(18).toString('base64url');
    const member: Member = {
      uid: request.uid,
      channel: request.channel,
      sessionId,
      connection: request.connection as string,
      role,
      ...checked,
      audio: false,
      video: false,
      timers: new Set(),
      unbind: this.connections.bind(request.connection, () => this.remove(member, 'ServerTimeOut')),
    };
    const others = [...room.values()].map(viewOf);
    room.set(member.uid, member);
    this.channels.set(member.channel, room);
    this.sessions.set(member.sessionId, member);
    this.schedule(member);
    // The offer goes first: the other side starts its answer before it renders the newcomer.
    const offeredTo = request.offer && others[0] ? others[0].uid : undefined;
    if (offeredTo !== undefined)
      this.deliver(room.get(offeredTo)!, { type: 'signal', from: member.uid, data: { description: request.offer } });
    if (role === 'host') this.broadcast(member, { type: 'user-joined', uid: member.uid });
    return {
      sessionId: member.sessionId,
      uid: member.uid,
      role,
      expiresAt: member.expiresAt,
      participants: others,
      ...(offeredTo !== undefined && { offeredTo }),
    };
  }

  private member(sessionId: unknown): Member {
    const member = typeof sessionId === 'string' ? this.sessions.get(sessionId) : undefined;
    if (!member)
      throw new ApiError('session_gone', 'unknown session: join the channel first (or again, if the token expired)');
    return member;
  }

  signal(sessionId: unknown, to: unknown, data: unknown) {
    const member = this.member(sessionId);
    const target = typeof to === 'number' ? this.channels.get(member.channel)?.get(to) : undefined;
    if (!target || target === member) {
      throw new ApiError('not_in_channel', `uid ${String(to).slice(0, 20)} is not in channel "${member.channel}"`);
    }
    this.deliver(target, { type: 'signal', from: member.uid, data });
  }

  publish(sessionId: unknown, audio: boolean, video: boolean) {
    const member = this.member(sessionId);
    requirePublishAllowed(member, audio, video, this.nowS());
    this.setPublished(member, audio, video);
  }

  /**
   * Live mode's role. Host needs an open publish privilege; going back to audience stops what the
   * member published (its client unpublishes first, as Agora's must; the server makes sure).
   */
  setRole(sessionId: unknown, role: ClientRole) {
    const member = this.member(sessionId);
    if (role === member.role) return { role };
    if (role === 'host') {
      requireHostPrivilege(member.publishEnds, this.nowS());
      member.role = 'host';
      this.broadcast(member, { type: 'user-role', uid: member.uid, role });
      this.schedule(member);
    } else this.toAudience(member);
    return { role };
  }

  /** A fresh token: its privileges' ends replace the old ones (a subscriber token ends publishing now). */
  renew(credentials: Credentials, sessionId: unknown, token: unknown) {
    const member = this.member(sessionId);
    const checked = grantOrRefuse(
      checkRtcToken(token, { ...credentials, channel: member.channel, uid: member.uid, nowS: this.nowS() }),
    );
    Object.assign(member, checked);
    const end = publishEnd(member.publishEnds);
    if (member.role === 'host' && (end === null || end <= this.nowS())) this.endPublishing(member);
    else this.schedule(member);
    return { expiresAt: member.expiresAt };
  }

  leave(sessionId: unknown) {
    const member = typeof sessionId === 'string' ? this.sessions.get(sessionId) : undefined;
    if (member) this.remove(member, 'Quit');
  }

  /** Participants per channel, audience included, for tests and diagnostics. */
  roster(channel: string): MemberView[] {
    return [...(this.channels.get(channel)?.values() ?? [])].map(viewOf);
  }

  private setPublished(member: Member, audio: boolean, video: boolean) {
    member.audio = audio;
    member.video = video;
    this.broadcast(member, { type: 'user-published', uid: member.uid, audio, video });
  }

  /** Off the stage: what it published stops for everyone, and the others stop showing it. */
  private toAudience(member: Member) {
    if (member.audio || member.video) this.setPublished(member, false, false);
    member.role = 'audience';
    this.broadcast(member, { type: 'user-role', uid: member.uid, role: 'audience' });
    this.schedule(member);
  }

  /** The publish privilege ended while host, whatever the client does: it is audience now, and told so. */
  private endPublishing(member: Member) {
    this.toAudience(member);
    this.deliver(member, { type: 'user-role', uid: member.uid, role: 'audience' });
  }

  private schedule(member: Member) {
    schedulePrivileges(member, this.now(), {
      willExpire: () => this.deliver(member, { type: 'token-privilege-will-expire' }),
      publishEnded: () => this.endPublishing(member),
      joinEnded: () => {
        this.deliver(member, { type: 'token-privilege-did-expire' });
        this.remove(member, 'TokenExpired');
      },
    });
  }

  private deliver(member: Member, event: RoomEvent) {
    this.connections.deliver(member.connection, { ...event, session: member.sessionId });
  }

  private broadcast(from: Member, event: RoomEvent) {
    for (const other of this.channels.get(from.channel)?.values() ?? []) {
      if (other !== from) this.deliver(other, event);
    }
  }

  /** Everyone hears of a leave, audience too: their media connections to it close. */
  private remove(member: Member, reason: 'Quit' | 'ServerTimeOut' | 'TokenExpired') {
    if (this.sessions.get(member.sessionId) !== member) return;
    this.sessions.delete(member.sessionId);
    member.timers.forEach(clearTimeout);
    member.unbind();
    const room = this.channels.get(member.channel);
    room?.delete(member.uid);
    if (room && room.size === 0) this.channels.delete(member.channel);
    this.broadcast(member, { type: 'user-left', uid: member.uid, reason });
  }
}
