import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RtcClientEvents } from '@/lib/client/engine/rtc';
import { Listeners } from '@/lib/client/engine/listeners';
import { Roster } from '@/lib/client/engine/local/roster';
import { LiveRole, showHosts, showRoleChange } from '@/lib/client/engine/local/live-role';
import * as registry from '@/lib/server/local/registry';
import * as roleRoute from '@/app/api/local/role/route';
import { withServerEnv } from '../support/server-env';
import { localServer, token } from '../support/local-rtc-server';

// Local mode's client role, as Agora's live mode: the client refuses what Agora's client refuses,
// and after the join the server (the real /api/local/role route here) must agree.

withServerEnv();
let server: ReturnType<typeof localServer>;
beforeEach(() => {
  server = localServer();
  vi.spyOn(registry, 'localSignaling').mockReturnValue(server);
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) =>
    url === '/api/local/role'
      ? roleRoute.POST(new Request(`http://localhost${url}`, init))
      : new Response('{"error":"not in this test","code":"unknown_route"}', { status: 404 }),
  );
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

function client(session: string | null, publishing = false) {
  const stopSending = vi.fn(async () => {});
  return {
    role: new LiveRole(
      () => session,
      () => publishing,
      stopSending,
    ),
    stopSending,
  };
}

describe('LiveRole', () => {
  it('starts as audience, which may not publish', () => {
    const { role } = client(null);
    expect(role.current).toBe('audience');
    expect(() => role.requireHost()).toThrow('INVALID_OPERATION: audience can not publish');
  });

  it("starts in the role it was made with, as Agora's createClient({ role })", () => {
    const role = new LiveRole(
      () => null,
      () => false,
      async () => {},
      'host',
    );
    expect(role.current).toBe('host');
    expect(() => role.requireHost()).not.toThrow();
  });

  it('before the join the role is only remembered (the join carries it)', async () => {
    const { role } = client(null);
    await role.set('host');
    expect(role.current).toBe('host');
    expect(() => role.requireHost()).not.toThrow();
  });

  it('after the join the server sets it, and the others see the new host', async () => {
    const others = server.join('stage', 1, { role: 'host' });
    const me = server.join('stage', 2);
    const { role } = client(me.sessionId);
    await role.set('host');
    expect(role.current).toBe('host');
    expect(others.events()).toEqual([{ type: 'user-role', uid: 2, role: 'host' }]);
  });

  it("a subscriber token's host request is refused by the server, and the role stays audience", async () => {
    const me = server.join('stage', 3, { token: token('stage', 3, 'subscriber') });
    const { role } = client(me.sessionId);
    await expect(role.set('host')).rejects.toMatchObject({
      code: 'NO_PUBLISH_PRIVILEGE',
      apiCode: 'no_publish_privilege',
    });
    expect(role.current).toBe('audience');
  });

  it('going back to audience while something is published throws, as Agora: unpublish first', async () => {
    const { role } = client(null, true);
    await role.set('host');
    await expect(role.set('audience')).rejects.toThrow('INVALID_OPERATION: unpublish before switching to audience');
    expect(role.current).toBe('host');
  });

  it('when the server ends its publishing the client is audience and stops sending', async () => {
    const { role, stopSending } = client(null);
    await role.set('host');
    await role.demoted();
    expect(role.current).toBe('audience');
    expect(stopSending).toHaveBeenCalled();
  });
});

describe('what the UI hears of roles', () => {
  function watched() {
    const listeners = new Listeners<RtcClientEvents>();
    const heard: string[] = [];
    listeners.add('user-joined', (user) => heard.push(`joined ${user.uid}`));
    listeners.add('user-left', (user, reason) => heard.push(`left ${user.uid} ${reason}`));
    listeners.add('user-published', (user, kind) => heard.push(`published ${user.uid} ${kind}`));
    return { roster: new Roster(listeners), heard };
  }

  it('hosts already there are shown with what they publish; the audience is not', () => {
    const { roster, heard } = watched();
    showHosts(roster, [
      { uid: 1, role: 'host', audio: false, video: true },
      { uid: 2, role: 'audience', audio: false, video: false },
    ]);
    expect(heard).toEqual(['joined 1', 'published 1 video']);
  });

  it('someone becoming host joins the view; going back to the audience leaves it, as Agora says', () => {
    const { roster, heard } = watched();
    showRoleChange(roster, 2, 'host');
    showRoleChange(roster, 2, 'audience');
    showRoleChange(roster, 3, 'audience'); // never shown: nothing to say
    expect(heard).toEqual(['joined 2', 'left 2 BecomeAudience']);
  });
});
