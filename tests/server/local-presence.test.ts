import { refusal } from '../support/refusal';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LOCAL_DEV_APP_ID, localCertificate, type AgoraCredentials } from '@/lib/server/credentials';
import { MAX_MESSAGE_BYTES } from '@/lib/server/local/presence';
import { createLocalSignaling } from '@/lib/server/local/registry';
import { mintRtcToken, mintRtmToken } from '@/lib/server/mint';
import * as loginRoute from '@/app/api/local/rtm/login/route';
import * as publishRoute from '@/app/api/local/rtm/publish/route';
import * as stateRoute from '@/app/api/local/rtm/state/route';
import { withServerEnv } from '../support/server-env';
import { openTab, sessionEvents } from '../support/local-tab';

// Local mode's Signaling, checked as Agora RTM behaves: login tokens for one user id, presence
// with states, channel messages, will-expire 30 s ahead, renewal, and no relaying once expired.

const local: AgoraCredentials = { mode: 'local', appId: LOCAL_DEV_APP_ID, appCertificate: localCertificate() };
const rtmToken = (userId: string, expiry = 120) => mintRtmToken(local, userId, expiry).token;

function server() {
  const signaling = createLocalSignaling();
  const { presence } = signaling;
  /** A tab that logs in as `userId`; `events()` is what its Signaling session received. */
  const person = (userId: string, token: unknown = rtmToken(userId)) => {
    const tab = openTab(signaling.connections);
    const { session } = presence.login(local, { connection: tab.id, appId: LOCAL_DEV_APP_ID, userId, token });
    return { session, connection: tab.id, detach: tab.detach, events: () => sessionEvents(tab, session) };
  };
  return { presence, person };
}

withServerEnv();
beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date('2026-11-28T12:00:00Z'));
});
afterEach(() => vi.useRealTimers());

describe('login', () => {
  it('needs an RTM token signed by this server for exactly this user id, unexpired', () => {
    const { person } = server();
    expect(person('11').session).toMatch(/^[\w-]{24}$/);
    expect(() => person('12', rtmToken('11'))).toThrow(
      'CAN_NOT_GET_GATEWAY_SERVER: invalid token, authorized failed (the token is for user id "11", not "12")',
    );
    const forged = mintRtmToken({ ...local, appCertificate: 'f'.repeat(32) }, '13', 60).token;
    expect(() => person('13', forged)).toThrow('its signature does not match this App Certificate');
    expect(() => person('14', mintRtcToken(local, 'room', { kind: 'uid', uid: 14 }, 'publisher', 60).token)).toThrow(
      '(the token carries no Signaling (RTM) service)',
    );
    expect(() => person('15', '')).toThrow('dynamic use static key');
    const old = rtmToken('16', 60);
    vi.advanceTimersByTime(61_000);
    expect(() => person('16', old)).toThrow(/^TOKEN_EXPIRE: token expired \(the login privilege ended 1 s ago\)/);
    expect(refusal(() => person('16', old))).toBe('token_expired');
    expect(refusal(() => person('12', rtmToken('11')))).toBe('invalid_token');
    expect(refusal(() => person('15', ''))).toBe('token_required');
  });

  it('a second login with the same user id from another tab logs the first one out, as Agora does', () => {
    const { presence, person } = server();
    const first = person('21');
    presence.subscribe(first.session, 'room');
    const second = person('21');
    expect(first.events()).toContainEqual({ type: 'rtm-kicked', reason: 'SAME_UID_LOGIN' });
    expect(() => presence.publish(first.session, 'room', 'hi')).toThrow(/^unknown Signaling session/);
    expect(refusal(() => presence.publish(first.session, 'room', 'hi'))).toBe('session_gone');
    expect(() => presence.publish(second.session, 'room', 'hi')).not.toThrow();
  });
});

describe('presence and messages', () => {
  it('subscribing answers who is there with their states; joins, state changes and leaves reach the others', () => {
    const { presence, person } = server();
    const ada = person('1');
    expect(presence.subscribe(ada.session, 'room')).toEqual({ snapshot: [] });
    presence.setState(ada.session, 'room', { name: 'Ada', hand: '0' });
    const bob = person('2');
    expect(presence.subscribe(bob.session, 'room')).toEqual({
      snapshot: [{ userId: '1', states: { name: 'Ada', hand: '0' } }],
    });
    expect(ada.events()).toContainEqual({
      type: 'rtm-presence',
      channel: 'room',
      eventType: 'REMOTE_JOIN',
      publisher: '2',
      states: {},
    });
    presence.setState(bob.session, 'room', { name: 'Bob', hand: '1' });
    expect(ada.events()).toContainEqual({
      type: 'rtm-presence',
      channel: 'room',
      eventType: 'REMOTE_STATE_CHANGED',
      publisher: '2',
      states: { name: 'Bob', hand: '1' },
    });
    presence.logout(bob.session);
    expect(ada.events()).toContainEqual({
      type: 'rtm-presence',
      channel: 'room',
      eventType: 'REMOTE_LEAVE',
      publisher: '2',
      states: {},
    });
    expect(presence.roster('room')).toEqual([{ userId: '1', states: { name: 'Ada', hand: '0' } }]);
  });

  it("messages go to the channel's other subscribers only, stamped with the sender", () => {
    const { presence, person } = server();
    const [ada, bob, carol] = [person('1'), person('2'), person('3')];
    presence.subscribe(ada.session, 'room');
    presence.subscribe(bob.session, 'room');
    presence.subscribe(carol.session, 'elsewhere');
    presence.publish(ada.session, 'room', '{"t":"chat","text":"hello"}');
    expect(bob.events()).toContainEqual({
      type: 'rtm-message',
      channel: 'room',
      publisher: '1',
      message: '{"t":"chat","text":"hello"}',
      timestamp: Date.now(),
    });
    expect(ada.events().filter((event) => event.type === 'rtm-message')).toEqual([]);
    expect(carol.events().filter((event) => event.type === 'rtm-message')).toEqual([]);
  });

  it('refuses states and messages that are too large or of the wrong shape', () => {
    const { presence, person } = server();
    const ada = person('1');
    expect(() => presence.setState(ada.session, 'room', { name: 'Ada' })).toThrow(
      'not subscribed to channel "room": subscribe first',
    );
    expect(refusal(() => presence.setState(ada.session, 'room', { name: 'Ada' }))).toBe('not_subscribed');
    presence.subscribe(ada.session, 'room');
    expect(() => presence.setState(ada.session, 'room', { name: 42 })).toThrow('state values must be strings');
    expect(() => presence.setState(ada.session, 'room', { name: 'x'.repeat(2000) })).toThrow(
      'state is larger than 1024 bytes',
    );
    expect(refusal(() => presence.setState(ada.session, 'room', { name: 'x'.repeat(2000) }))).toBe('field_too_large');
    expect(refusal(() => presence.setState(ada.session, 'room', { name: 42 }))).toBe('invalid_field');
    expect(() => presence.publish(ada.session, 'room', 'x'.repeat(MAX_MESSAGE_BYTES + 1))).toThrow(
      `message is larger than ${MAX_MESSAGE_BYTES} bytes`,
    );
    expect(() => presence.publish(ada.session, 'room', '')).toThrow('message must be a non-empty string');
  });

  it('a tab that goes away leaves presence with REMOTE_TIMEOUT', () => {
    const { presence, person } = server();
    const ada = person('1');
    const bob = person('2');
    presence.subscribe(ada.session, 'room');
    presence.subscribe(bob.session, 'room');
    bob.detach();
    vi.advanceTimersByTime(4000);
    expect(ada.events()).toContainEqual({
      type: 'rtm-presence',
      channel: 'room',
      eventType: 'REMOTE_TIMEOUT',
      publisher: '2',
      states: {},
    });
  });
});

describe('token lifetime', () => {
  it('warns 30 s ahead, renews for the same user only, and stops relaying for an expired session', () => {
    const { presence, person } = server();
    const ada = person('1', rtmToken('1', 60));
    const bob = person('2', rtmToken('2', 60));
    presence.subscribe(ada.session, 'room');
    presence.subscribe(bob.session, 'room');
    vi.advanceTimersByTime(30_000);
    expect(ada.events()).toContainEqual({ type: 'rtm-token-will-expire' });
    expect(() => presence.renew(local, ada.session, rtmToken('2', 60))).toThrow(
      '(the token is for user id "2", not "1")',
    );
    presence.renew(local, ada.session, rtmToken('1', 60));
    vi.advanceTimersByTime(30_000); // bob's token ends; ada's renewed one runs on
    expect(bob.events()).toContainEqual({ type: 'rtm-token-expired' });
    expect(ada.events()).toContainEqual({
      type: 'rtm-presence',
      channel: 'room',
      eventType: 'REMOTE_TIMEOUT',
      publisher: '2',
      states: {},
    });
    expect(() => presence.publish(bob.session, 'room', 'still here?')).toThrow(/^unknown Signaling session/);
    expect(ada.events()).not.toContainEqual({ type: 'rtm-token-expired' });
  });
});

describe('HTTP routes', () => {
  const post = (body: unknown) =>
    new Request('http://localhost/api/local/rtm/x', { method: 'POST', body: JSON.stringify(body) });

  it('validate the user id, and refuse unknown sessions and oversized messages with JSON errors', async () => {
    const badUser = await loginRoute.POST(
      post({ connection: 'c', appId: LOCAL_DEV_APP_ID, userId: 'u'.repeat(65), token: 'x' }),
    );
    expect(badUser.status).toBe(400);
    expect(await badUser.json()).toEqual({
      error: 'userId is 65 bytes long; the maximum is 64',
      code: 'invalid_user_id',
    });
    const unknown = await stateRoute.POST(post({ session: 'nobody', channel: 'room', state: {} }));
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).code).toBe('session_gone');
    const huge = await publishRoute.POST(
      post({ session: 'nobody', channel: 'room', message: 'x'.repeat(3 * MAX_MESSAGE_BYTES) }),
    );
    expect(huge.status).toBe(413);
    expect((await huge.json()).code).toBe('body_too_large');
  });
});
