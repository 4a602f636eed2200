// The part of Agora's Signaling SDK (agora-rtm-sdk 2.x, RTMClient) that the call's presence and chat
// use. Agora mode wraps RTMClient to it; local mode implements the same surface over this server.

export type States = Record<string, string>;

export type PresenceEventType =
  | 'SNAPSHOT'
  | 'INTERVAL'
  | 'REMOTE_JOIN'
  | 'REMOTE_LEAVE'
  | 'REMOTE_TIMEOUT'
  | 'REMOTE_STATE_CHANGED'
  | 'ERROR_OUT_OF_SERVICE'
  | 'NONE';

export interface PresenceEvent {
  eventType: PresenceEventType;
  channelName: string;
  publisher: string;
  stateChanged: States;
  snapshot: { userId: string; states: States }[] | null;
  /** Batched changes once a channel is large (Agora's interval mode). */
  interval: {
    join: { users: string[] };
    leave: { users: string[] };
    timeout: { users: string[] };
    userStateList: { userId: string; states: States }[];
  } | null;
}

export interface MessageEvent {
  channelName: string;
  publisher: string;
  message: string | Uint8Array;
  timestamp: number;
}

export type LinkState = 'IDLE' | 'CONNECTING' | 'CONNECTED' | 'DISCONNECTED' | 'SUSPENDED' | 'FAILED';

export interface LinkStateEvent {
  currentState: LinkState;
  previousState: LinkState;
  /** Why, e.g. TOKEN_EXPIRED or SAME_UID_LOGIN when the state is FAILED. */
  reasonCode: string;
}

export interface SignalingEvents {
  presence: (event: PresenceEvent) => void;
  message: (event: MessageEvent) => void;
  linkState: (event: LinkStateEvent) => void;
  tokenPrivilegeWillExpire: (channelName: string) => void;
}

export interface SignalingClient {
  login(options: { token: string }): Promise<unknown>;
  logout(): Promise<unknown>;
  subscribe(channel: string, options: { withPresence: boolean }): Promise<unknown>;
  publish(channel: string, message: string): Promise<unknown>;
  renewToken(token: string): Promise<unknown>;
  presence: { setState(channel: string, channelType: 'MESSAGE', state: States): Promise<unknown> };
  addEventListener<E extends keyof SignalingEvents>(event: E, listener: SignalingEvents[E]): void;
  removeEventListener<E extends keyof SignalingEvents>(event: E, listener: SignalingEvents[E]): void;
}
