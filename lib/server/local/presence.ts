import 'server-only';
// Local mode's Signaling (Agora RTM 2.x's role): who is subscribed to which channel with what
// presence state (names, raised hands), and channel messages (chat). A participant needs a valid
// RTM login token for its user id, is warned 30 s before it expires, may renew it, and is logged
// out at expiry — as Agora does. Messages and states are opaque here: the browser reads them.
import { randomBytes } from 'node:crypto';
import { ApiError, badField } from '../http/api-error';
import { scheduleTokenExpiry, type LocalConnections } from './connections';
import type { Credentials } from './rooms';
import { checkRtmToken, grantOrRefuse } from './token-check';

export const MAX_MESSAGE_BYTES = 4096;
export const MAX_STATE_BYTES = 1024;
const MAX_STATE_KEYS = 16;
const MAX_SUBSCRIBERS = 50;

export type States = Record<string, string>;

export type PresenceEvent =
  | {
      type: 'rtm-presence';
      channel: string;
      eventType: 'REMOTE_JOIN' | 'REMOTE_LEAVE' | 'REMOTE_TIMEOUT' | 'REMOTE_STATE_CHANGED';
      publisher: string;
      states: States;
    }
  | { type: 'rtm-message'; channel: string; publisher: string; message: string; timestamp: number }
  | { type: 'rtm-token-will-expire' }
  | { type: 'rtm-token-expired' }
  | { type: 'rtm-kicked'; reason: 'SAME_UID_LOGIN' };

interface Member {
  userId: string;
  sessionId: string;
  connection: string;
  expiresAt: number;
  /** Channels subscribed to, with this member's state in each. */
  channels: Map<string, States>;
  timers: Set<ReturnType<typeof setTimeout>>;
  unbind: () => void;
}

const byteLength = (text: string) => Buffer.byteLength(text);

function parseStates(raw: unknown): States {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw badField('state must be an object of string values');
  const entries = Object.entries(raw);
  if (entries.length > MAX_STATE_KEYS) throw badField(`state has ${entries.length} keys; at most ${MAX_STATE_KEYS}`);
  if (!entries.every(([, value]) => typeof value === 'string')) throw badField('state values must be strings');
  const states = Object.fromEntries(entries) as States;
  if (byteLength(JSON.stringify(states)) > MAX_STATE_BYTES)
    throw new ApiError('field_too_large', `state is larger than ${MAX_STATE_BYTES} bytes`);
  return states;
}

export class LocalPresence {
  private readonly sessions = new Map<string, Member>();
  private readonly users = new Map<string, Member>();
  private readonly subscribers = new Map<string, Set<Member>>();

  constructor(
    private readonly connections: LocalConnections,
    private readonly now: () => number = () => Date.now(),
  ) {}

  private nowS() {
    return Math.floor(this.now() / 1000);
  }

  login(credentials: Credentials, request: { connection: unknown; appId: string; userId: string; token: unknown }) {
    if (request.appId !== credentials.appId)
      throw new ApiError('invalid_app_id', 'INVALID_APP_ID: local mode only accepts its own App ID');
    const checked = grantOrRefuse(
      checkRtmToken(request.token, { ...credentials, userId: request.userId, nowS: this.nowS() }),
    );
    const previous = this.users.get(request.userId);
    if (previous) {
      // As with Agora, a second login with the same user id logs the first one out.
      if (previous.connection !== request.connection)
        this.deliver(previous, { type: 'rtm-kicked', reason: 'SAME_UID_LOGIN' });
      this.remove(previous, 'REMOTE_LEAVE');
    }
    const member: Member = {
      userId: request.userId,
      sessionId: randomBytes(18).toString('base64url'),
      connection: request.connection as string,
      expiresAt: checked.expiresAt,
      channels: new Map(),
      timers: new Set(),
      unbind: this.connections.bind(request.connection, () => this.remove(member, 'REMOTE_TIMEOUT')),
    };
    this.sessions.set(member.sessionId, member);
    this.users.set(member.userId, member);
    this.scheduleExpiry(member);
    return { session: member.sessionId, expiresAt: member.expiresAt };
  }

  private member(sessionId: unknown): Member {
    const member = typeof sessionId === 'string' ? this.sessions.get(sessionId) : undefined;
    if (!member)
      throw new ApiError('session_gone', 'unknown Signaling session: log in first (or again, if the token expired)');
    return member;
  }

  /** Subscribes with presence; answers who is there now, with their states (Agora's SNAPSHOT). */
  subscribe(sessionId: unknown, channel: string) {
    const member = this.member(sessionId);
    const subscribers = this.subscribers.get(channel) ?? new Set<Member>();
    if (!subscribers.has(member) && subscribers.size >= MAX_SUBSCRIBERS) {
      throw new ApiError(
        'too_many_subscribers',
        `channel "${channel}" already has ${MAX_SUBSCRIBERS} Signaling subscribers`,
      );
    }
    const snapshot = [...subscribers]
      .filter((other) => other !== member)
      .map((other) => ({ userId: other.userId, states: other.channels.get(channel) ?? {} }));
    if (!subscribers.has(member)) {
      subscribers.add(member);
      this.subscribers.set(channel, subscribers);
      member.channels.set(channel, {});
      this.broadcast(member, channel, {
        type: 'rtm-presence',
        channel,
        eventType: 'REMOTE_JOIN',
        publisher: member.userId,
        states: {},
      });
    }
    return { snapshot };
  }

  setState(sessionId: unknown, channel: string, raw: unknown) {
    const member = this.member(sessionId);
    if (!member.channels.has(channel))
      throw new ApiError('not_subscribed', `not subscribed to channel "${channel}": subscribe first`);
    const states = parseStates(raw);
    member.channels.set(channel, states);
    this.broadcast(member, channel, {
      type: 'rtm-presence',
      channel,
      eventType: 'REMOTE_STATE_CHANGED',
      publisher: member.userId,
      states,
    });
  }

  publish(sessionId: unknown, channel: string, message: unknown) {
    const member = this.member(sessionId);
    if (typeof message !== 'string' || message.length === 0) throw badField('message must be a non-empty string');
    if (byteLength(message) > MAX_MESSAGE_BYTES)
      throw new ApiError('field_too_large', `message is larger than ${MAX_MESSAGE_BYTES} bytes`);
    this.broadcast(member, channel, {
      type: 'rtm-message',
      channel,
      publisher: member.userId,
      message,
      timestamp: this.now(),
    });
  }

  renew(credentials: Credentials, sessionId: unknown, token: unknown) {
    const member = this.member(sessionId);
    const checked = grantOrRefuse(checkRtmToken(token, { ...credentials, userId: member.userId, nowS: this.nowS() }));
    member.expiresAt = checked.expiresAt;
    this.scheduleExpiry(member);
    return { expiresAt: member.expiresAt };
  }

  logout(sessionId: unknown) {
    const member = typeof sessionId === 'string' ? this.sessions.get(sessionId) : undefined;
    if (member) this.remove(member, 'REMOTE_LEAVE');
  }

  /** Subscribers per channel with their states, for tests and diagnostics. */
  roster(channel: string) {
    return [...(this.subscribers.get(channel) ?? [])].map((member) => ({
      userId: member.userId,
      states: member.channels.get(channel) ?? {},
    }));
  }

  private scheduleExpiry(member: Member) {
    scheduleTokenExpiry(
      member.timers,
      member.expiresAt,
      this.now(),
      () => this.deliver(member, { type: 'rtm-token-will-expire' }),
      () => {
        this.deliver(member, { type: 'rtm-token-expired' });
        this.remove(member, 'REMOTE_TIMEOUT');
      },
    );
  }

  private deliver(member: Member, event: PresenceEvent) {
    this.connections.deliver(member.connection, { ...event, session: member.sessionId });
  }

  private broadcast(from: Member, channel: string, event: PresenceEvent) {
    for (const other of this.subscribers.get(channel) ?? []) {
      if (other !== from) this.deliver(other, event);
    }
  }

  private remove(member: Member, how: 'REMOTE_LEAVE' | 'REMOTE_TIMEOUT') {
    if (this.sessions.get(member.sessionId) !== member) return;
    this.sessions.delete(member.sessionId);
    if (this.users.get(member.userId) === member) this.users.delete(member.userId);
    member.timers.forEach(clearTimeout);
    member.unbind();
    for (const channel of member.channels.keys()) {
      const subscribers = this.subscribers.get(channel);
      subscribers?.delete(member);
      if (subscribers?.size === 0) this.subscribers.delete(channel);
      this.broadcast(member, channel, {
        type: 'rtm-presence',
        channel,
        eventType: how,
        publisher: member.userId,
        states: {},
      });
    }
  }
}
