import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import agoraToken from 'agora-token';
import { refusal } from '../support/refusal';
import { withServerEnv } from '../support/server-env';
import { local, localServer, token } from '../support/local-rtc-server';
import * as roleRoute from '@/app/api/local/role/route';
import * as joinRoute from '@/app/api/local/join/route';

// Local mode's live-mode roles, as Agora's with co-host authentication on: audience by default,
// host only with an open publish privilege, publishing only as host, and each privilege's own end.

/** A publisher token whose publish privileges end `publishSeconds` from now (a stage room's). */
const stageToken = (channel: string, uid: number, publishSeconds: number, expiry = 600) =>
  agoraToken.RtcTokenBuilder.buildTokenWithUidAndPrivilege(
    local.appId,
    local.appCertificate,
    channel,
    uid,
    expiry,
    expiry,
    publishSeconds,
    publishSeconds,
    publishSeconds,
  );

withServerEnv();
beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date('2026-11-28T12:00:00Z'));
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('audience and host', () => {
  it('the audience is invisible to the others until it becomes host, and leaves their view when it goes back', () => {
    const { rooms, join } = localServer();
    const host = join('stage', 1, { role: 'host' });
    const viewer = join('stage', 2);
    expect(viewer.role).toBe('audience');
    // The newcomer's media mesh still needs everyone, so its answer lists all with their role.
    expect(viewer.participants).toEqual([{ uid: 1, role: 'host', audio: false, video: false }]);
    expect(host.events()).toEqual([]);

    rooms.setRole(viewer.sessionId, 'host');
    expect(host.events()).toEqual([{ type: 'user-role', uid: 2, role: 'host' }]);
    rooms.publish(viewer.sessionId, true, true);
    rooms.setRole(viewer.sessionId, 'audience');
    expect(host.events().slice(1)).toEqual([
      { type: 'user-published', uid: 2, audio: true, video: true },
      // Back in the audience: what it published stops for everyone, then it leaves their view.
      { type: 'user-published', uid: 2, audio: false, video: false },
      { type: 'user-role', uid: 2, role: 'audience' },
    ]);
    expect(rooms.roster('stage')).toContainEqual({ uid: 2, role: 'audience', audio: false, video: false });
  });

  it('an audience member may not publish, even with a publisher token', () => {
    const { rooms, join } = localServer();
    const { sessionId } = join('stage', 2);
    expect(() => rooms.publish(sessionId, true, true)).toThrow(
      'NO_PUBLISH_PRIVILEGE: an audience member can not publish (set the client role to host first)',
    );
    expect(rooms.roster('stage')).toEqual([{ uid: 2, role: 'audience', audio: false, video: false }]);
  });

  it('a subscriber token can neither join as host nor become host later', () => {
    const { rooms, join } = localServer();
    const subscriber = token('stage', 3, 'subscriber');
    expect(refusal(() => join('stage', 3, { token: subscriber, role: 'host' }))).toBe('no_publish_privilege');
    expect(rooms.roster('stage')).toEqual([]);
    const { sessionId } = join('stage', 3, { token: subscriber });
    expect(refusal(() => rooms.setRole(sessionId, 'host'))).toBe('no_publish_privilege');
    expect(rooms.roster('stage')).toEqual([{ uid: 3, role: 'audience', audio: false, video: false }]);
  });

  it('a leaving audience member is still told to the others, so their media connections to it close', () => {
    const { rooms, join } = localServer();
    const host = join('stage', 1, { role: 'host' });
    const viewer = join('stage', 2);
    rooms.leave(viewer.sessionId);
    expect(host.events()).toEqual([{ type: 'user-left', uid: 2, reason: 'Quit' }]);
  });
});

describe("each privilege's own end", () => {
  it('publishing stops at the publish privilege end, the others are told, and the member is audience again', () => {
    const { rooms, join } = localServer();
    const audience = join('stage', 1);
    const speaker = join('stage', 2, { token: stageToken('stage', 2, 60), role: 'host' });
    rooms.publish(speaker.sessionId, true, true);
    vi.advanceTimersByTime(30_000);
    expect(speaker.events()).toEqual([{ type: 'token-privilege-will-expire' }]);
    vi.advanceTimersByTime(29_999);
    expect(rooms.roster('stage')).toContainEqual({ uid: 2, role: 'host', audio: true, video: true });
    vi.advanceTimersByTime(1); // the client did nothing
    expect(rooms.roster('stage')).toContainEqual({ uid: 2, role: 'audience', audio: false, video: false });
    expect(audience.events().slice(-2)).toEqual([
      { type: 'user-published', uid: 2, audio: false, video: false },
      { type: 'user-role', uid: 2, role: 'audience' },
    ]);
    expect(speaker.events().at(-1)).toEqual({ type: 'user-role', uid: 2, role: 'audience' });
    expect(() => rooms.publish(speaker.sessionId, true, false)).toThrow(/^NO_PUBLISH_PRIVILEGE: an audience member/);
    expect(() => rooms.setRole(speaker.sessionId, 'host')).toThrow(
      'NO_PUBLISH_PRIVILEGE: the publish audio or video privilege ended just now (renew the token)',
    );
    vi.advanceTimersByTime(5_000);
    expect(() => rooms.setRole(speaker.sessionId, 'host')).toThrow(
      'NO_PUBLISH_PRIVILEGE: the publish audio or video privilege ended 5 s ago (renew the token)',
    );
    // Still in the channel: the join privilege runs on.
    expect(speaker.events()).not.toContainEqual({ type: 'token-privilege-did-expire' });
  });

  it('a renewal with a fresh stage token extends publishing', () => {
    const { rooms, join } = localServer();
    const speaker = join('stage', 2, { token: stageToken('stage', 2, 60), role: 'host' });
    rooms.publish(speaker.sessionId, false, true);
    vi.advanceTimersByTime(30_000);
    rooms.renew(local, speaker.sessionId, stageToken('stage', 2, 60));
    vi.advanceTimersByTime(59_000);
    expect(rooms.roster('stage')).toEqual([{ uid: 2, role: 'host', audio: false, video: true }]);
    expect(speaker.events()).toEqual([
      { type: 'token-privilege-will-expire' },
      { type: 'token-privilege-will-expire' }, // 30 s before the renewed publish privilege ends
    ]);
    vi.advanceTimersByTime(1_000);
    expect(rooms.roster('stage')).toEqual([{ uid: 2, role: 'audience', audio: false, video: false }]);
  });

  it('renewing with a subscriber token (moved to the audience) ends publishing at once', () => {
    const { rooms, join } = localServer();
    const audience = join('stage', 1);
    const speaker = join('stage', 2, { role: 'host' });
    rooms.publish(speaker.sessionId, true, true);
    rooms.renew(local, speaker.sessionId, token('stage', 2, 'subscriber'));
    expect(rooms.roster('stage')).toContainEqual({ uid: 2, role: 'audience', audio: false, video: false });
    expect(audience.events().slice(-2)).toEqual([
      { type: 'user-published', uid: 2, audio: false, video: false },
      { type: 'user-role', uid: 2, role: 'audience' },
    ]);
  });

  it('an audience member is warned only for its join privilege, not for a publish privilege it does not use', () => {
    const { join } = localServer();
    const viewer = join('stage', 1, { token: stageToken('stage', 1, 60, 120) });
    vi.advanceTimersByTime(60_000);
    expect(viewer.events()).toEqual([]);
    vi.advanceTimersByTime(30_000);
    expect(viewer.events()).toEqual([{ type: 'token-privilege-will-expire' }]);
  });
});

describe('POST /api/local/role and the join body role', () => {
  const post = (body: unknown) =>
    new Request('http://localhost/api/local/x', { method: 'POST', body: JSON.stringify(body) });

  it('answers the role as set, and 400 for anything but host or audience', async () => {
    const { rooms, join } = localServer();
    vi.spyOn(await import('@/lib/server/local/registry'), 'localSignaling').mockReturnValue({ rooms } as never);
    const { sessionId } = join('stage', 4);
    const set = await roleRoute.POST(post({ session: sessionId, role: 'host' }));
    expect(set.status).toBe(200);
    expect(await set.json()).toEqual({ role: 'host' });
    for (const role of ['publisher', undefined, 1]) {
      const refused = await roleRoute.POST(post({ session: sessionId, role }));
      expect(refused.status).toBe(400);
      expect(await refused.json()).toEqual({ error: 'role must be "host" or "audience"', code: 'invalid_field' });
    }
    const joinRefused = await joinRoute.POST(
      post({ appId: local.appId, channel: 'stage', uid: 5, token: 'x', role: 'guest' }),
    );
    expect(joinRefused.status).toBe(400);
    expect((await joinRefused.json()).code).toBe('invalid_field');
    const gone = await roleRoute.POST(post({ session: 'not-a-session', role: 'host' }));
    expect(gone.status).toBe(404);
    expect((await gone.json()).code).toBe('session_gone');
  });
});
