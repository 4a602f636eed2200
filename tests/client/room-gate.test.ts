import { describe, expect, it } from 'vitest';
import { roomGateOf } from '@/lib/client/room/room-gate';
import { describeCallProblem, TokenFetchError } from '@/lib/client/call-problems';
import { roomView } from '../support/rooms';

// Whether a person may be in the call: the server's room view and its token refusals decide, and
// the page says which in words.

describe('roomGateOf', () => {
  it('a room that lets the person in', () => {
    expect(roomGateOf(roomView(), null)).toEqual({ kind: 'open' });
    expect(roomGateOf(null, null)).toEqual({ kind: 'open' });
  });

  it('the waiting room: not knocked yet, knocked, and whether a host is here to let anyone in', () => {
    expect(roomGateOf(roomView({ hosts: [], you: { admission: 'not-admitted' } }), 'waiting_for_host')).toEqual({
      kind: 'waiting',
      knocked: false,
      noHost: true,
    });
    expect(roomGateOf(roomView({ hosts: [1], you: { admission: 'waiting' } }), null)).toEqual({
      kind: 'waiting',
      knocked: true,
      noHost: false,
    });
    // The room could not be read: the refusal alone says to wait; nothing says no host is here.
    expect(roomGateOf(null, 'waiting_for_host')).toEqual({ kind: 'waiting', knocked: false, noHost: false });
  });

  it('let in after waiting: still waiting until a token is fetched again (only a token lets anyone in)', () => {
    expect(roomGateOf(roomView({ you: { admission: 'in' } }), 'waiting_for_host').kind).toBe('waiting');
  });

  it('kept out: ended before removed before denied before locked, from the view or the refusal', () => {
    expect(roomGateOf(roomView({ ended: true, you: { admission: 'removed' } }), null).kind).toBe('ended');
    expect(roomGateOf(null, 'room_ended').kind).toBe('ended');
    expect(roomGateOf(roomView({ you: { admission: 'removed' } }), 'room_locked').kind).toBe('removed');
    expect(roomGateOf(null, 'removed').kind).toBe('removed');
    expect(roomGateOf(roomView({ you: { admission: 'denied' } }), null).kind).toBe('denied');
    expect(roomGateOf(null, 'admission_denied').kind).toBe('denied');
    expect(roomGateOf(roomView({ locked: true }), 'room_locked').kind).toBe('locked');
    // Locked, but this person is already a member (their token works): in.
    expect(roomGateOf(roomView({ locked: true }), null).kind).toBe('open');
  });
});

describe("a token refused for a host's decision is said as that decision, not as a failing token server", () => {
  it.each([
    ['removed', 'A host removed you from this call', false],
    ['room_ended', 'The host ended the call', false],
    ['room_locked', 'This room is locked', true],
    ['waiting_for_host', 'Waiting for a host to let you in', true],
    ['admission_denied', 'A host did not let you in', false],
  ] as const)('%s → "%s"', (code, title, retryable) => {
    const problem = describeCallProblem(new TokenFetchError('The token server refused: whatever', 403, code));
    expect(problem).toMatchObject({ title, retryable });
  });
});
