import { afterEach, describe, expect, it, vi } from 'vitest';
import { decodeAccessToken } from '@/lib/server/access-token';
import { mintRtcToken } from '@/lib/server/mint';
import { hostKey, isHostKey } from '@/lib/server/rooms/host-key';
import { emptyRoom, type RoomState } from '@/lib/server/rooms/room-store';
import { stageDecision, type RoomLookup, type StageCaller } from '@/lib/server/rooms/stage-policy';
import { ApiError } from '@/lib/server/http/api-error';
import type { Role } from '@/lib/shared/validation';
import { refusal } from '../support/refusal';
import { TEST_APP_CERTIFICATE, TEST_CREDENTIALS } from '../support/server-env';

// Who may publish in a room, checked the way Agora checks it: the decision is minted and the
// token decoded. Privileges: 1 join, 2 publish audio, 3 publish video, 4 publish data streams.

const NOW_S = 1_800_000_000;
const EXPIRY = 600;
const STAGE_S = 120;

const room = (state: Partial<RoomState>): RoomLookup => ({
  state: { ...emptyRoom(), hosted: true, stage: true, ...state },
});
const nobody: StageCaller = { hostKey: false, apiKey: false, ticketUids: null };
const person = (camera: number, screen = camera + 1): StageCaller => ({ ...nobody, ticketUids: [camera, screen] });

/** The decision, minted for `uid` and decoded: the privileges Agora would enforce, in seconds after issue. */
function privilegesFor(lookup: RoomLookup, caller: StageCaller, role: Role, uid = 7, expiry = EXPIRY) {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW_S * 1000);
  const decision = stageDecision(lookup, caller, { role, expiry, stagePublishSeconds: STAGE_S });
  const minted = mintRtcToken(
    TEST_CREDENTIALS,
    'room',
    { kind: 'uid', uid },
    decision.role,
    expiry,
    decision.publishExpiry,
  );
  const decoded = decodeAccessToken(minted.token, TEST_APP_CERTIFICATE)!;
  return { privileges: decoded.rtc[0]!.privileges, expire: decoded.expire, minted };
}

const full = (seconds = EXPIRY) => ({ 1: seconds, 2: seconds, 3: seconds, 4: seconds });
const unavailable = new ApiError('room_store_unavailable', 'the room store (Redis) is not answering');

afterEach(() => vi.useRealTimers());

describe('stage policy', () => {
  it("no room, or a room without stage mode: as asked, publishing as long as the token (today's behaviour)", () => {
    for (const lookup of [{ state: null }, room({ stage: false })]) {
      const publisher = privilegesFor(lookup, nobody, 'publisher');
      expect(publisher.privileges).toEqual(full());
      expect(publisher.minted.publishExpiresAt).toBeUndefined();
      expect(privilegesFor(lookup, nobody, 'subscriber').privileges).toEqual({ 1: EXPIRY });
    }
  });

  it('stage on: the host key or an API key publishes for the whole token', () => {
    expect(privilegesFor(room({}), { ...nobody, hostKey: true }, 'publisher').privileges).toEqual(full());
    expect(privilegesFor(room({}), { ...nobody, apiKey: true }, 'publisher').privileges).toEqual(full());
  });

  it('stage on: someone on stage publishes for STAGE_PUBLISH_SECONDS only, joins for the whole token', () => {
    const { privileges, expire, minted } = privilegesFor(room({ onStage: [7] }), person(7), 'publisher');
    expect(expire).toBe(EXPIRY);
    expect(privileges).toEqual({ 1: EXPIRY, 2: STAGE_S, 3: STAGE_S, 4: STAGE_S });
    expect(minted.expiresAt).toBe(NOW_S + EXPIRY);
    expect(minted.publishExpiresAt).toBe(NOW_S + STAGE_S);
  });

  it("the screen share (the ticket's second uid) is the same person: on stage too", () => {
    const { privileges } = privilegesFor(room({ onStage: [7] }), person(7, 8), 'publisher', 8);
    expect(privileges).toEqual({ 1: EXPIRY, 2: STAGE_S, 3: STAGE_S, 4: STAGE_S });
  });

  it('a token shorter than STAGE_PUBLISH_SECONDS publishes as long as the token', () => {
    const { privileges, minted } = privilegesFor(room({ onStage: [7] }), person(7), 'publisher', 7, 60);
    expect(privileges).toEqual(full(60));
    expect(minted.publishExpiresAt).toBeUndefined();
  });

  it('stage on: the audience gets not_on_stage for publisher', () => {
    // The audience: invited but not yet accepted, or no ticket at all.
    const decide =
      (caller: StageCaller, state: Partial<RoomState> = {}) =>
      () =>
        stageDecision(room(state), caller, { role: 'publisher', expiry: EXPIRY, stagePublishSeconds: STAGE_S });
    expect(refusal(decide(nobody))).toBe('not_on_stage');
    expect(refusal(decide(person(7), { invited: [7] }))).toBe('not_on_stage');
    expect(refusal(decide(person(9), { onStage: [7] }))).toBe('not_on_stage');
    expect(privilegesFor(room({}), nobody, 'subscriber').privileges).toEqual({ 1: EXPIRY });
  });

  it('the store not answering: nobody is promoted, subscribers and key holders are still served', () => {
    const down: RoomLookup = { unavailable };
    expect(
      refusal(() =>
        stageDecision(down, person(7), { role: 'publisher', expiry: EXPIRY, stagePublishSeconds: STAGE_S }),
      ),
    ).toBe('room_store_unavailable');
    expect(privilegesFor(down, person(7), 'subscriber').privileges).toEqual({ 1: EXPIRY });
    expect(privilegesFor(down, { ...nobody, hostKey: true }, 'publisher').privileges).toEqual(full());
  });
});

describe('host key', () => {
  it('is 43 base64url characters, one per channel, checked exactly', () => {
    const key = hostKey('room', TEST_APP_CERTIFICATE);
    expect(key).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(isHostKey('room', key, TEST_APP_CERTIFICATE)).toBe(true);
    expect(isHostKey('room2', key, TEST_APP_CERTIFICATE)).toBe(false);
    expect(isHostKey('room', key, 'f'.repeat(32))).toBe(false);
    expect(isHostKey('room', `${key.slice(0, 42)}${key[42] === 'A' ? 'B' : 'A'}`, TEST_APP_CERTIFICATE)).toBe(false);
    for (const junk of [null, undefined, '', `${key}x`, key.slice(1), '💥'.repeat(43)]) {
      expect(isHostKey('room', junk, TEST_APP_CERTIFICATE)).toBe(false);
    }
  });

  it('TOKEN_TICKET_SECRET, when set, signs host keys instead of the certificate', () => {
    const fromCertificate = hostKey('room', TEST_APP_CERTIFICATE);
    vi.stubEnv('TOKEN_TICKET_SECRET', 'a shared secret');
    expect(hostKey('room', TEST_APP_CERTIFICATE)).not.toBe(fromCertificate);
    expect(hostKey('room', 'f'.repeat(32))).toBe(hostKey('room', TEST_APP_CERTIFICATE));
    vi.unstubAllEnvs();
  });
});
