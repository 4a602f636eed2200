// Whether this person may be in the call, from the room the server answers and the code of a token
// it refused: in, waiting for a host, or kept out (and why). The server decides; the page only says it.
import type { ErrorCode } from '../../shared/error-codes';
import type { RoomView } from '../../shared/room-contract';

export type RoomGate =
  | { kind: 'open' }
  /** The waiting room: `knocked` once hosts see this person; `noHost` when no host is here to let anyone in. */
  | { kind: 'waiting'; knocked: boolean; noHost: boolean }
  | { kind: 'denied' }
  | { kind: 'locked' }
  | { kind: 'removed' }
  | { kind: 'ended' };

/** The token refusals that keep a person out of a room (lib/shared/error-codes.ts). */
export const ROOM_REFUSALS = ['removed', 'room_ended', 'room_locked', 'waiting_for_host', 'admission_denied'] as const;
export type RoomRefusal = (typeof ROOM_REFUSALS)[number];

export const isRoomRefusal = (code: ErrorCode | null | undefined): code is RoomRefusal =>
  (ROOM_REFUSALS as readonly string[]).includes(code ?? '');

/**
 * What keeps this person out, if anything: the room view's words first (it is read every few seconds),
 * then the last token refusal. A refusal the view has since answered (admitted after waiting) still
 * counts until a token is fetched again: only a token lets anyone in.
 */
export function roomGateOf(view: RoomView | null, refusal: ErrorCode | null | undefined): RoomGate {
  const admission = view?.you.admission;
  if (view?.ended || refusal === 'room_ended') return { kind: 'ended' };
  if (admission === 'removed' || refusal === 'removed') return { kind: 'removed' };
  if (admission === 'denied' || refusal === 'admission_denied') return { kind: 'denied' };
  if (refusal === 'room_locked') return { kind: 'locked' };
  if (admission === 'waiting' || admission === 'not-admitted' || refusal === 'waiting_for_host') {
    return { kind: 'waiting', knocked: admission === 'waiting', noHost: view !== null && view.hosts.length === 0 };
  }
  return { kind: 'open' };
}
