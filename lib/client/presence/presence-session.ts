// Names, raised hands and chat over Signaling (Agora RTM, or local mode's equivalent), independent
// of React and of the engine. It owns the Signaling token's lifecycle as CallSession owns the RTC
// one: fetched from our API, renewed on will-expire, a fresh login after expiry. It never affects
// the call: when Signaling is unavailable it says so and keeps retrying in the background.
import { apiCodeOf, describeCallProblem } from '../call-problems';
import { withDeadline } from '../../shared/deadline';
import type {
  LinkStateEvent,
  MessageEvent,
  PresenceEvent,
  SignalingClient,
  SignalingEvents,
} from '../engine/signaling';
import { backoff, sleep, type BackoffOptions } from '../backoff';
import { EventBinding } from '../event-binding';
import { Store } from '../store';
import { parseChatDraft } from '../display-name';
import { applyPresence } from './peers';
import { encodeChat, encodeState, readMessage, ROOM_CHANGED } from './protocol';
import type { ChatMessage, Me, PresenceSnapshot, SignalingGrant } from './snapshot';

export type { ChatMessage, PresenceSnapshot, PresenceStatus, SignalingGrant } from './snapshot';

export interface PresenceSessionOptions {
  channel: string;
  userId: string;
  name: string;
  getToken: () => Promise<SignalingGrant>;
  /** Makes the client once the first token (and so the App ID) is known. */
  createClient: (grant: SignalingGrant) => Promise<SignalingClient>;
  loginTimeoutMs: number;
  retryDelayMs?: BackoffOptions;
  onRoomChanged?: () => void; // someone said the room changed (lib/client/room): read it again
}

const MAX_MESSAGES = 200;
const UNAVAILABLE = 'Chat and names are unavailable';

const newId = () =>
  typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `${Date.now()}-${Math.random()}`;

export class PresenceSession extends Store<PresenceSnapshot> {
  private client: SignalingClient | null = null;
  private events: EventBinding<SignalingEvents> | null = null;
  /** Aborted by stop(), by another tab taking over, and (then replaced) by each new connect loop: older loops stop. */
  private run = new AbortController();
  /** A connect loop is running (its own failed logins must not start another). */
  private connecting = false;
  private initialGrant: SignalingGrant | null = null;
  /** The state the others were last sent: a change made while offline goes out once online. */
  private sentMe: Me | null = null;

  constructor(private readonly options: PresenceSessionOptions) {
    super({
      status: 'idle',
      problem: null,
      peers: {},
      names: {},
      messages: [],
      me: { name: options.name, hand: false, screenUid: null },
      renewals: 0,
      relogins: 0,
    });
  }

  private stopped() {
    return this.snapshot.status === 'stopped';
  }

  /** Logs in (with `initialGrant` when it is fresh enough, else a fetched token) and stays online. */
  start(initialGrant?: SignalingGrant): Promise<void> {
    if (this.snapshot.status !== 'idle') return Promise.resolve();
    this.initialGrant = initialGrant ?? null;
    return this.connect(false);
  }

  /** The prefetched grant once, while it has more than a minute left; then fresh ones from the API. */
  private nextToken(): Promise<SignalingGrant> {
    const initial = this.initialGrant;
    this.initialGrant = null;
    if (initial && initial.expiresAt - Date.now() / 1000 > 60) return Promise.resolve(initial);
    return this.options.getToken();
  }

  /** Logs in, subscribes with presence and publishes this person's state; retries until it works. */
  private async connect(relogin: boolean) {
    this.run.abort();
    const { signal } = (this.run = new AbortController());
    this.connecting = true;
    try {
      await this.connectLoop(signal, relogin);
    } finally {
      if (!signal.aborted) this.connecting = false;
    }
  }

  private async connectLoop(signal: AbortSignal, relogin: boolean) {
    const nextDelay = backoff(this.options.retryDelayMs ?? { first: 2000, max: 30_000 });
    this.update({ status: relogin ? 'reconnecting' : 'connecting' });
    while (!signal.aborted) {
      try {
        const grant = await this.nextToken();
        if (signal.aborted) return;
        const client = await this.clientFor(grant);
        const { channel, loginTimeoutMs } = this.options;
        await withDeadline(
          client.login({ token: grant.token }),
          loginTimeoutMs,
          () => new Error(`Signaling did not answer within ${Math.round(loginTimeoutMs / 1000)} s`),
        );
        await client.subscribe(channel, { withPresence: true });
        this.sentMe = this.snapshot.me;
        await client.presence.setState(channel, 'MESSAGE', encodeState(this.sentMe));
        if (signal.aborted) return;
        this.update({ status: 'online', problem: null, relogins: this.snapshot.relogins + (relogin ? 1 : 0) });
        await this.publishMe(); // a hand raised or lowered while that state was on its way
        return;
      } catch (error) {
        if (signal.aborted) return;
        const delay = nextDelay();
        const retrying = `Retrying in ${Math.round(delay / 1000)} s; the call goes on.`;
        this.update({
          status: 'unavailable',
          problem: `${UNAVAILABLE}: ${describeCallProblem(error).detail} ${retrying}`,
        });
        await this.client?.logout().catch(() => undefined);
        await sleep(delay, signal);
      }
    }
  }

  private async clientFor(grant: SignalingGrant): Promise<SignalingClient> {
    if (this.client) return this.client;
    const client = await this.options.createClient(grant);
    this.events = new EventBinding(client as never, this.handlers);
    this.events.bind();
    this.client = client;
    return client;
  }

  private readonly handlers: SignalingEvents = {
    presence: (event) => this.onPresence(event),
    message: (event) => this.onMessage(event),
    linkState: (event) => this.onLinkState(event),
    tokenPrivilegeWillExpire: () => void this.renew(),
  };

  private onPresence(event: PresenceEvent) {
    if (event.channelName !== this.options.channel) return;
    this.update(applyPresence(this.snapshot, event, this.options.userId));
  }

  private onMessage(event: MessageEvent) {
    if (event.channelName !== this.options.channel || event.publisher === this.options.userId) return;
    const read = readMessage(event);
    if (read === 'room-changed') return this.options.onRoomChanged?.();
    if (read && !this.snapshot.messages.some((message) => message.id === read.id && message.from === read.from))
      this.append(read);
  }

  private append(message: ChatMessage) {
    this.update({ messages: [...this.snapshot.messages, message].slice(-MAX_MESSAGES) });
  }

  private onLinkState(event: LinkStateEvent) {
    if (this.stopped()) return;
    if (event.currentState === 'FAILED') {
      if (event.reasonCode === 'SAME_UID_LOGIN') {
        this.run.abort();
        this.update({
          status: 'unavailable',
          problem: `${UNAVAILABLE} here: you opened this call in another tab, which took them over.`,
        });
        return;
      }
      // An expired token (or the server dropping us): log in again with a fresh one.
      if (!this.connecting) void this.connect(true);
      return;
    }
    if (
      event.currentState === 'CONNECTED' &&
      this.snapshot.status === 'reconnecting' &&
      event.reasonCode !== 'LOGIN_SUCCESS'
    ) {
      this.update({ status: 'online' });
      void this.publishMe();
    } else if (
      (event.currentState === 'DISCONNECTED' || event.currentState === 'SUSPENDED') &&
      this.snapshot.status === 'online'
    ) {
      this.update({ status: 'reconnecting' });
    }
  }

  /** tokenPrivilegeWillExpire: a fresh token from our API, handed to renewToken; retried until it expires. */
  private async renew() {
    const { signal } = this.run;
    const nextDelay = backoff(this.options.retryDelayMs ?? { first: 2000, max: 10_000 });
    while (!signal.aborted && this.snapshot.status === 'online' && this.client) {
      try {
        const grant = await this.options.getToken();
        if (signal.aborted) return;
        await this.client.renewToken(grant.token);
        this.update({ renewals: this.snapshot.renewals + 1 });
        return;
      } catch (error) {
        // The server has let go of the session already: log in again now rather than retry a renewal.
        if (apiCodeOf(error) === 'session_gone') return void (signal.aborted || this.connecting || this.connect(true));
        await sleep(nextDelay(), signal); // after expiry the link fails and connect() takes over
      }
    }
  }

  /** Sends a chat message; throws a readable error when it cannot. */
  async send(draft: string): Promise<void> {
    const parsed = parseChatDraft(draft);
    if (!parsed.ok) throw new Error(parsed.error);
    if (this.snapshot.status !== 'online' || !this.client)
      throw new Error('Chat is unavailable right now; try again in a moment.');
    const id = newId();
    await this.client.publish(this.options.channel, encodeChat({ id, text: parsed.value }));
    this.append({ id, from: this.options.userId, text: parsed.value, at: Date.now(), mine: true });
  }

  /** Tells the others the room changed, so they read it now rather than at their next poll. */
  announceRoomChange() {
    if (this.snapshot.status !== 'online' || !this.client) return;
    void this.client.publish(this.options.channel, ROOM_CHANGED).catch(() => undefined);
  }

  setHand(hand: boolean) {
    return this.setMe({ hand });
  }

  setScreen(screenUid: string | null) {
    return this.setMe({ screenUid });
  }

  /** Before login, or while reconnecting, the change is kept and sent once online. */
  private async setMe(patch: Partial<Me>) {
    this.update({ me: { ...this.snapshot.me, ...patch } });
    await this.publishMe();
  }

  private async publishMe() {
    const me = this.snapshot.me;
    if (this.snapshot.status !== 'online' || !this.client || me === this.sentMe) return;
    this.sentMe = me;
    await this.client.presence.setState(this.options.channel, 'MESSAGE', encodeState(me)).catch(() => undefined);
  }

  async stop() {
    if (this.stopped()) return;
    this.run.abort();
    this.update({ status: 'stopped', peers: {} });
    this.events?.unbind();
    await this.client?.logout().catch(() => undefined);
  }
}
