import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { IAgoraRTC, IAgoraRTCClient } from 'agora-rtc-sdk-ng';
import { CallSession } from '@/lib/client/call-session';
import { TokenFetchError } from '@/lib/client/call-problems';
import type { TokenRole } from '@/lib/client/client-role';
import { adaptAgoraClient } from '@/lib/client/engine/agora/rtc-adapter';
import type { RtcClient, TokenGrant } from '@/lib/client/engine/rtc';
import { FakeRtcClient, FakeTrack, grant } from '../support/fake-rtc-client';

// Going on and off a stage without a rejoin: Agora's documented order, and the server's word first.

const nowS = () => Math.floor(Date.now() / 1000);

/** What the server answers per role: a publisher token with short publish privileges, or one without any. */
function tokensByRole() {
  return vi.fn(async (role: TokenRole): Promise<TokenGrant> =>
    role === 'publisher'
      ? grant({ token: `007publisher-${nowS()}`, publishExpiresAt: nowS() + 120 })
      : grant({ token: `007subscriber-${nowS()}`, publishExpiresAt: null }),
  );
}

function audienceSession(client: RtcClient = Object.assign(new FakeRtcClient())) {
  const getToken = tokensByRole();
  const session = new CallSession({ client, channel: 'room', getToken, joinTimeoutMs: 15_000, role: 'audience' });
  return { session, getToken, audio: new FakeTrack('audio'), video: new FakeTrack('video') };
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date('2026-12-06T12:00:00Z'));
});
afterEach(() => vi.useRealTimers());

describe('a stage room in the call session', () => {
  it('sets the audience role before the join when the client was made a host', async () => {
    const client = new FakeRtcClient('host');
    const { session } = audienceSession(client);
    await session.join([]);
    expect(client.setClientRole).toHaveBeenCalledWith('audience');
    expect(client.setClientRole.mock.invocationCallOrder[0]).toBeLessThan(client.join.mock.invocationCallOrder[0]!);
  });

  it('joins the audience as audience, with a subscriber token, and publishes nothing', async () => {
    const client = new FakeRtcClient();
    const { session, getToken, audio, video } = audienceSession(client);
    await session.join([audio, video]);
    expect(getToken).toHaveBeenCalledWith('subscriber');
    expect(client.role).toBe('audience'); // made an audience client, it joins as one without being told
    expect(client.setClientRole).not.toHaveBeenCalled();
    expect(client.join.mock.calls[0]![2]).toMatch(/^007subscriber/);
    expect(client.publish).not.toHaveBeenCalled();
    expect(session.getSnapshot()).toMatchObject({ phase: 'joined', role: 'audience' });
  });

  it('a publisher token fetched during the preview is not used to join the audience', async () => {
    const client = new FakeRtcClient();
    const { session, getToken, audio } = audienceSession(client);
    await session.join([audio], grant({ token: '007prefetched-publisher', publishExpiresAt: nowS() + 120 }));
    expect(getToken).toHaveBeenCalledWith('subscriber');
    expect(client.join.mock.calls[0]![2]).toMatch(/^007subscriber/);
  });

  it('on stage: a publisher token is fetched and renewed before the role becomes host', async () => {
    // Then the tracks turned on are published.
    const client = new FakeRtcClient();
    const { session, getToken, audio, video } = audienceSession(client);
    video.enabled = false; // the camera stays as the person left it
    await session.join([audio, video]);
    await session.setRole('host');
    expect(getToken).toHaveBeenLastCalledWith('publisher');
    const renewed = client.renewToken.mock.calls[0]![0];
    expect(renewed).toMatch(/^007publisher/);
    const order = (fn: { mock: { invocationCallOrder: number[] } }) => fn.mock.invocationCallOrder.at(-1)!;
    expect(order(client.renewToken)).toBeLessThan(order(client.setClientRole));
    expect(client.setClientRole).toHaveBeenLastCalledWith('host');
    expect(order(client.setClientRole)).toBeLessThan(order(client.publish));
    expect([...client.publishedTracks]).toEqual([audio]);
    expect(client.join).toHaveBeenCalledTimes(1); // no rejoin
    expect(session.getSnapshot().role).toBe('host');
  });

  it('back to the audience: unpublished first, then the audience role', async () => {
    // Then a token without publish privileges.
    const client = new FakeRtcClient();
    const { session, getToken, audio } = audienceSession(client);
    await session.join([audio]);
    await session.setRole('host');
    await session.setRole('audience');
    expect(client.publishedTracks.size).toBe(0);
    expect(client.setClientRole).toHaveBeenLastCalledWith('audience');
    expect(client.unpublish.mock.invocationCallOrder.at(-1)!).toBeLessThan(
      client.setClientRole.mock.invocationCallOrder.at(-1)!,
    );
    expect(getToken).toHaveBeenLastCalledWith('subscriber');
    expect(client.renewToken).toHaveBeenLastCalledWith(expect.stringMatching(/^007subscriber/));
    expect(audio.closed).toBe(false); // the microphone is kept for the next time on stage
    // Turning the microphone on in the audience publishes nothing.
    await session.setTrackEnabled(audio, false);
    await session.setTrackEnabled(audio, true);
    expect(client.publishedTracks.size).toBe(0);
  });

  it('a promotion the server refuses leaves the person in the audience, told why', async () => {
    const client = new FakeRtcClient();
    const { session, getToken, audio } = audienceSession(client);
    await session.join([audio]);
    getToken.mockRejectedValueOnce(new TokenFetchError('The token server refused: not on stage', 403, 'not_on_stage'));
    await expect(session.setRole('host')).rejects.toThrow();
    expect(session.getSnapshot().role).toBe('audience');
    expect(session.getSnapshot().notice?.text).toMatch(/Could not put you on the stage/);
    expect(client.setClientRole).not.toHaveBeenCalledWith('host');
    expect(client.publish).not.toHaveBeenCalled();
  });

  it('on stage, the short publish privileges are renewed 30 s before they end', async () => {
    // Though the token lasts longer.
    const client = new FakeRtcClient();
    const { session, getToken, audio } = audienceSession(client);
    await session.join([audio]);
    await session.setRole('host');
    const renewalsBefore = client.renewToken.mock.calls.length;
    await vi.advanceTimersByTimeAsync(89_000);
    expect(client.renewToken.mock.calls.length).toBe(renewalsBefore);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(client.renewToken.mock.calls.length).toBe(renewalsBefore + 1);
    expect(getToken).toHaveBeenLastCalledWith('publisher');
  });

  it('a role asked for while joining is taken up once joined', async () => {
    const client = new FakeRtcClient();
    const { session, audio } = audienceSession(client);
    const joining = session.join([audio]);
    void session.setRole('host');
    await joining;
    await vi.advanceTimersByTimeAsync(0);
    await session.setRole('host');
    expect(client.setClientRole).toHaveBeenLastCalledWith('host');
    expect([...client.publishedTracks]).toEqual([audio]);
  });
});

describe('Agora mode offline (the SDK client faked)', () => {
  it('promotion hands the SDK the newly minted publisher token before setClientRole("host")', async () => {
    // It hands it over with renewToken.
    const calls: string[] = [];
    const sdkClient = {
      role: 'audience', // as AgoraRTC.createClient({ mode: 'live', role: 'audience' }) makes it
      join: vi.fn(async () => 42),
      leave: vi.fn(async () => {}),
      publish: vi.fn(async () => void calls.push('publish')),
      unpublish: vi.fn(async () => void calls.push('unpublish')),
      renewToken: vi.fn(async (token: string) => void calls.push(`renewToken ${token.split('-')[0]}`)),
      setClientRole: vi.fn(async (role: string) => {
        calls.push(`setClientRole ${role}`);
        sdkClient.role = role;
      }),
      on: vi.fn(),
      off: vi.fn(),
    };
    const custom = () => ({ close: vi.fn() });
    const AgoraRTC = { createCustomAudioTrack: vi.fn(custom), createCustomVideoTrack: vi.fn(custom) };
    const client = adaptAgoraClient(AgoraRTC as unknown as IAgoraRTC, sdkClient as unknown as IAgoraRTCClient);
    const { session } = audienceSession(client);
    await session.join([]);
    expect(calls).toEqual([]); // made an audience client: it joins as one
    await session.setRole('host');
    expect(calls).toEqual(['renewToken 007publisher', 'setClientRole host']);
  });
});
