// What the UI renders of Signaling: presence, names, chat, and the token's lifecycle counters.
import type { PeerState } from './protocol';

export type PresenceStatus = 'idle' | 'connecting' | 'online' | 'reconnecting' | 'unavailable' | 'stopped';

export interface ChatMessage {
  id: string;
  from: string;
  text: string;
  /** Epoch ms. */
  at: number;
  mine: boolean;
}

export interface Me {
  name: string;
  hand: boolean;
  screenUid: string | null;
}

export interface PresenceSnapshot {
  status: PresenceStatus;
  /** Why names and chat are unavailable, in words. */
  problem: string | null;
  /** Who is online in Signaling now, by user id (= RTC uid). */
  peers: Record<string, PeerState>;
  /** Every name seen in this call, so a tile keeps its name through a Signaling blip. */
  names: Record<string, string>;
  messages: ChatMessage[];
  me: Me;
  renewals: number;
  relogins: number;
}

/** What the token API answers for a Signaling token. */
export interface SignalingGrant {
  token: string;
  appId: string;
  /** Unix seconds. */
  expiresAt: number;
}
