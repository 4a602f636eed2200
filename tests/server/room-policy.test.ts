import { afterEach, describe, expect, it, vi } from 'vitest';
import { decodeAccessToken } from '@/lib/server/access-token';
import { ApiError } from '@/lib/server/http/api-error';
import { mintRtcToken, mintRtmToken } from '@/lib/server/mint';
import { admissionOf, roomTokenExpiry, type Person, type RoomTokenCaller } from '@/lib/server/rooms/room-policy';
import { emptyRoom, ENDED, type RoomState } from '@/lib/server/rooms/room-store';
import { stageDecision, type RoomLookup } from '@/lib/server/rooms/stage-policy';
import type { Role } from '@/lib/shared/validation';
import { refusal } from '../support/refusal';
import { TEST_APP_CERTIFICATE, TEST_CREDENTIALS } from '../support/server-env';

// Who gets a token for a room at all, and how long its join privilege lasts, checked the way Agora
// checks it: the decision is minted and the token decoded. Privileges: RTC 1 join, 2–4 publish; RTM 1 login.

const NOW_S = 1_800_000_000;
const ASKED = 600;
const JOIN_S = 300;

const hosted = (state: Partial<RoomState> = {}): RoomLookup => ({ state: { ...emptyRoom(), hosted: true, ...state } });
const person = (uids: number[], browser: string | null = null): Person => ({ uids, browser });
const guest = (camera = 7, browser: string | null = 'browser-of-seven-00000'): RoomTokenCaller => ({
  hostKey: false,
  apiKey: false,
  person: person([camera, camera + 1], browser),
});
const host: RoomTokenCaller = { ...guest(1), hostKey: true };
const backend: RoomTokenCaller = { hostKey: false, apiKey: true, person: person([7]) };

/** The room's decision for an RTC token, minted for the caller's camera and decoded: what Agora would enforce. */
function rtcPrivileges(lookup: RoomLookup, caller: RoomTokenCaller, role: Role = 'publisher') {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW_S * 1000);
  const expiry = roomTokenExpiry(lookup, caller, ASKED, JOIN_S);
  const stage = stageDecision(
    lookup,
    { ...caller, ticketUids: caller.person.uids },
    {
      role,
      expiry,
      stagePublishSeconds: 120,
    },
  );
  const uid = caller.person.uids[0] ?? 7;
  const minted = mintRtcToken(TEST_CREDENTIALS, 'room', { kind: 'uid', uid }, stage.role, expiry, stage.publishExpiry);
  const decoded = decodeAccessToken(minted.token, TEST_APP_CERTIFICATE)!;
  return { expire: decoded.expire, privileges: decoded.rtc[0]!.privileges };
}

function rtmLogin(lookup: RoomLookup, caller: RoomTokenCaller) {
  const expiry = roomTokenExpiry(lookup, caller, ASKED, JOIN_S);
  const decoded = decodeAccessToken(mintRtmToken(TEST_CREDENTIALS, '7', expiry).token, TEST_APP_CERTIFICATE)!;
  return decoded.rtm[0]!.privileges[1];
}

const refused = (lookup: RoomLookup, caller: RoomTokenCaller) =>
  refusal(() => roomTokenExpiry(lookup, caller, ASKED, JOIN_S));

afterEach(() => vi.useRealTimers());

describe('the join privilege in a hosted room', () => {
  it('a room nobody started: the token lasts as asked (no room rules)', () => {
    expect(rtcPrivileges({ state: null }, guest())).toEqual({ expire: ASKED, privileges: full(ASKED) });
    expect(rtmLogin({ state: null }, guest())).toBe(ASKED);
  });

  it('a hosted room: a non-host joins (and logs in to Signaling) for ROOM_JOIN_SECONDS at most, token included', () => {
    expect(rtcPrivileges(hosted(), guest())).toEqual({ expire: JOIN_S, privileges: full(JOIN_S) });
    expect(rtcPrivileges(hosted(), guest(), 'subscriber')).toEqual({ expire: JOIN_S, privileges: { 1: JOIN_S } });
    expect(rtmLogin(hosted(), guest())).toBe(JOIN_S);
    // Asked for less than that: as asked.
    expect(roomTokenExpiry(hosted(), guest(), 100, JOIN_S)).toBe(100);
  });

  it('on stage: joined for ROOM_JOIN_SECONDS, publishing for STAGE_PUBLISH_SECONDS', () => {
    const { privileges } = rtcPrivileges(hosted({ stage: true, onStage: [7] }), guest());
    expect(privileges).toEqual({ 1: JOIN_S, 2: 120, 3: 120, 4: 120 });
  });

  it('hosts and API keys get the token as asked', () => {
    expect(rtcPrivileges(hosted(), host)).toEqual({ expire: ASKED, privileges: full(ASKED) });
    expect(rtcPrivileges(hosted(), backend)).toEqual({ expire: ASKED, privileges: full(ASKED) });
    expect(rtmLogin(hosted(), host)).toBe(ASKED);
  });

  it('the store not answering (or only remembered): nothing new refused, but non-hosts stay short', () => {
    const down: RoomLookup = { unavailable: new ApiError('room_store_unavailable', 'down') };
    expect(roomTokenExpiry(down, guest(), ASKED, JOIN_S)).toBe(JOIN_S);
    expect(roomTokenExpiry({ state: null, stale: true }, guest(), ASKED, JOIN_S)).toBe(JOIN_S);
    expect(roomTokenExpiry(down, host, ASKED, JOIN_S)).toBe(ASKED);
  });
});

describe('refusals per room state', () => {
  it('ended: everyone is refused, the host key and API keys included', () => {
    const ended = { state: { ...ENDED } };
    for (const caller of [guest(), host, backend]) expect(refused(ended, caller)).toBe('room_ended');
  });

  it("removed: the camera uid, the ticket's screen share uid or the browser id; the host key does not help", () => {
    const byUid = hosted({ removedUids: [7] });
    expect(refused(byUid, guest(7))).toBe('removed');
    expect(refused(byUid, { ...guest(6), person: person([6, 7]) })).toBe('removed'); // 7 as the screen share
    const byBrowser = hosted({ removedBrowsers: ['browser-of-seven-00000'] });
    expect(refused(byBrowser, guest(21))).toBe('removed'); // a new page in the same browser
    expect(refused(byBrowser, { ...guest(21), hostKey: true })).toBe('removed');
    expect(rtcPrivileges(byBrowser, guest(21, 'another-browser-000000')).expire).toBe(JOIN_S); // a fresh browser
    expect(roomTokenExpiry(byUid, backend, ASKED, JOIN_S)).toBe(ASKED); // a trusted backend decides for itself
  });

  it('locked: members stay, newcomers and callers without a uid are refused, hosts get in', () => {
    const locked = hosted({ locked: true, members: [7], memberBrowsers: ['browser-of-seven-00000'] });
    expect(rtcPrivileges(locked, guest(7)).expire).toBe(JOIN_S);
    expect(rtcPrivileges(locked, guest(31)).expire).toBe(JOIN_S); // the same browser, reloaded: new uids
    expect(refused(locked, guest(31, null))).toBe('room_locked');
    expect(refused(locked, guest(9, 'browser-of-nine-000000'))).toBe('room_locked');
    expect(refused(locked, { ...guest(), person: person([]) })).toBe('room_locked'); // a user account, no ticket
    expect(rtcPrivileges(locked, { ...guest(9), hostKey: true }).expire).toBe(ASKED);
  });

  it('waiting room: not admitted → waiting_for_host, denied → admission_denied, admitted → in; hosts skip it', () => {
    const waiting = hosted({
      waitingRoom: true,
      admitted: [7],
      denied: [9],
      waiting: [{ uid: 11, name: 'Alan', since: 1 }],
    });
    expect(rtcPrivileges(waiting, guest(7)).expire).toBe(JOIN_S);
    expect(refused(waiting, guest(9))).toBe('admission_denied');
    expect(refused(waiting, guest(11))).toBe('waiting_for_host');
    expect(refused(waiting, guest(13))).toBe('waiting_for_host');
    expect(rtcPrivileges(waiting, { ...guest(13), hostKey: true }).expire).toBe(ASKED);
  });

  it('locked and a waiting room: someone admitted is also a member, a newcomer meets the lock', () => {
    // Admit adds both.
    const both = hosted({ locked: true, waitingRoom: true, admitted: [7], members: [7] });
    expect(rtcPrivileges(both, guest(7)).expire).toBe(JOIN_S);
    expect(refused(both, guest(13))).toBe('room_locked');
  });
});

describe("the view's admission", () => {
  it('says why a person may not get tokens, or in', () => {
    const state = {
      ...emptyRoom(),
      hosted: true,
      waitingRoom: true,
      admitted: [7],
      denied: [9],
      waiting: [{ uid: 11, name: 'Alan', since: 1 }],
      removedUids: [5],
    };
    expect(admissionOf(null, person([7]), false)).toBe('in');
    expect(admissionOf(state, person([7]), false)).toBe('in');
    expect(admissionOf(state, person([9]), false)).toBe('denied');
    expect(admissionOf(state, person([11]), false)).toBe('waiting');
    expect(admissionOf(state, person([13]), false)).toBe('not-admitted');
    expect(admissionOf(state, person([]), false)).toBe('not-admitted');
    expect(admissionOf(state, person([13]), true)).toBe('in');
    expect(admissionOf(state, person([5]), true)).toBe('removed');
    expect(admissionOf({ ...state, waitingRoom: false }, person([13]), false)).toBe('in');
  });
});

function full(seconds: number) {
  return { 1: seconds, 2: seconds, 3: seconds, 4: seconds };
}
