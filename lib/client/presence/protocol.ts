// What the app puts on Signaling: presence state (name, raised hand, screen-share uid) and chat
// messages, as versioned JSON. Everything read back is someone else's input: decoded defensively.
import type { MessageEvent, States } from '../engine/signaling';
import type { ChatMessage } from './snapshot';
import { cleanRemoteMessage, cleanRemoteName } from '../display-name';

export interface PeerState {
  name: string | null;
  hand: boolean;
  /** The uid this person's screen share joins with, while they present. */
  screenUid: string | null;
}

export interface ChatPayload {
  id: string;
  text: string;
}

export function encodeState(state: { name: string; hand: boolean; screenUid?: string | null }): States {
  return { name: state.name, hand: state.hand ? '1' : '0', screen: state.screenUid ?? '' };
}

export function decodeState(states: States | undefined): PeerState {
  const screen = states?.screen;
  return {
    name: cleanRemoteName(states?.name),
    hand: states?.hand === '1',
    screenUid: typeof screen === 'string' && /^[1-9][0-9]{0,9}$/.test(screen) ? screen : null,
  };
}

export const encodeChat = (payload: ChatPayload) =>
  JSON.stringify({ v: 1, type: 'chat', id: payload.id, text: payload.text });

/** A chat message from the channel, or null for anything that is not one (or is malformed). */
export function decodeChat(raw: string | Uint8Array): ChatPayload | null {
  if (typeof raw !== 'string' || raw.length > 16_384) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const { type, id, text } = parsed as Record<string, unknown>;
  const clean = cleanRemoteMessage(text);
  if (type !== 'chat' || typeof id !== 'string' || id.length > 64 || clean === null) return null;
  return { id, text: clean };
}

/** "The room changed, read it again": a hint only (the server's answer is what counts), so anyone may send it. */
export const ROOM_CHANGED = JSON.stringify({ v: 1, type: 'room-changed' });

/** What someone else sent on the channel: a chat message, the room-changed hint, or null for anything else. */
export function readMessage(event: MessageEvent): ChatMessage | 'room-changed' | null {
  if (event.message === ROOM_CHANGED) return 'room-changed';
  const chat = decodeChat(event.message);
  if (!chat) return null;
  return { id: chat.id, from: event.publisher, text: chat.text, at: event.timestamp || Date.now(), mine: false };
}
