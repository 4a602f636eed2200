// Local mode's Signaling client: the RTMClient surface the call's presence and chat use, carried by
// this server's /api/local/rtm routes and the tab's shared event stream.
import type { LinkState, LinkStateEvent, PresenceEvent, SignalingClient, SignalingEvents, States } from '../signaling';
import { LocalConnection } from './connection';
import { Listeners } from '../listeners';
import { LocalRtcError, postSignaling, type ServerEvent } from './signaling-request';

const post = (action: string, body: unknown) => postSignaling(`rtm/${action}`, body);

export class LocalSignalingClient implements SignalingClient {
  private readonly listeners = new Listeners<SignalingEvents>();
  private session: string | null = null;
  /** The session the tab's stream lost: logout() still ends it (see LocalRtcClient.lostSession). */
  private lostSession: string | null = null;
  private unlisten: (() => void) | null = null;
  private link: LinkState = 'IDLE';

  constructor(
    private readonly appId: string,
    private readonly userId: string,
  ) {}

  readonly presence = {
    setState: async (channel: string, _channelType: 'MESSAGE', state: States) =>
      post('state', { session: this.required(), channel, state }),
  };

  addEventListener: SignalingClient['addEventListener'] = (event, listener) => this.listeners.add(event, listener);
  removeEventListener: SignalingClient['removeEventListener'] = (event, listener) =>
    this.listeners.remove(event, listener);

  private setLink(currentState: LinkState, reasonCode: string) {
    const event: LinkStateEvent = { currentState, previousState: this.link, reasonCode };
    this.link = currentState;
    this.listeners.emit('linkState', event);
  }

  private required(): string {
    if (!this.session) throw new LocalRtcError('NOT_LOGGED_IN', 'NOT_LOGGED_IN: log in to Signaling first');
    return this.session;
  }

  async login({ token }: { token: string }) {
    this.setLink('CONNECTING', 'LOGIN');
    try {
      const connection = LocalConnection.shared();
      const answer = await post('login', {
        connection: await connection.id(),
        appId: this.appId,
        userId: this.userId,
        token,
      });
      this.session = answer.session as string;
      this.unlisten = connection.listen(this.session, {
        onEvent: (event) => this.onServerEvent(event),
        onReconnecting: () => this.setLink('DISCONNECTED', 'NETWORK_CHANGE'),
        onReopened: () => this.setLink('CONNECTED', 'RECONNECTED'),
        onClosed: () => this.ended('KICKED_OUT_BY_SERVER'),
      });
      this.setLink('CONNECTED', 'LOGIN_SUCCESS');
    } catch (error) {
      this.setLink('FAILED', 'LOGIN_FAILURE');
      throw error;
    }
  }

  async subscribe(channel: string) {
    const { snapshot } = await post('subscribe', { session: this.required(), channel });
    this.listeners.emit('presence', {
      eventType: 'SNAPSHOT',
      channelName: channel,
      publisher: '',
      stateChanged: {},
      snapshot: snapshot as { userId: string; states: States }[],
      interval: null,
    });
  }

  publish(channel: string, message: string) {
    return post('publish', { session: this.required(), channel, message });
  }

  renewToken(token: string) {
    return post('renew', { session: this.required(), token });
  }

  async logout() {
    const session = this.session ?? this.lostSession;
    this.lostSession = null;
    this.detach();
    if (session) await post('logout', { session }).catch(() => undefined);
    this.setLink('IDLE', 'LOGOUT');
  }

  private detach() {
    this.unlisten?.();
    this.unlisten = null;
    this.session = null;
  }

  /** The server ended the session: as RTM does, the link fails with the reason. */
  private ended(reasonCode: string) {
    this.lostSession = this.session;
    this.detach();
    this.setLink('FAILED', reasonCode);
  }

  private onServerEvent(event: ServerEvent) {
    switch (event.type) {
      case 'rtm-presence':
        this.listeners.emit('presence', {
          eventType: event.eventType as PresenceEvent['eventType'],
          channelName: event.channel as string,
          publisher: event.publisher as string,
          stateChanged: event.states as States,
          snapshot: null,
          interval: null,
        });
        return;
      case 'rtm-message':
        this.listeners.emit('message', {
          channelName: event.channel as string,
          publisher: event.publisher as string,
          message: event.message as string,
          timestamp: event.timestamp as number,
        });
        return;
      case 'rtm-token-will-expire':
        this.listeners.emit('tokenPrivilegeWillExpire', '');
        return;
      case 'rtm-token-expired':
        return this.ended('TOKEN_EXPIRED');
      case 'rtm-kicked':
        return this.ended(String(event.reason));
    }
  }
}
