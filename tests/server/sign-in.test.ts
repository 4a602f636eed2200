import { beforeEach, describe, expect, it, vi } from 'vitest';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { authSettings } from '@/lib/server/auth/auth-settings';
import { accessFor, type Profile } from '@/lib/server/auth/access-policy';
import { personIds } from '@/lib/server/auth/person-ids';
import { anotherAccountPrompt, returnPath } from '@/lib/server/auth/auth-routes';
import { setRateLimiterFactory } from '@/lib/server/rate-limit';
import * as rtc from '@/app/api/rtc/[...segments]/route';
import * as rtm from '@/app/api/rtm/[uid]/route';
import * as postToken from '@/app/api/token/route';
import * as chatApp from '@/app/api/chat/app/route';
import * as rooms from '@/app/api/rooms/route';
import * as room from '@/app/api/rooms/[channel]/route';
import * as health from '@/app/api/health/route';
import { withServerEnv } from '../support/server-env';

// Sessions come from Better Auth's cookie; here a fake stands in for it (the e2e suite signs in for
// real through an OpenID Connect provider): the cookie `session=<subject>` is that person's session.
const USERS: Record<string, { email: string; emailVerified: boolean; name: string }> = {
  ada: { email: 'ada@example.test', emailVerified: true, name: 'Ada Lovelace' },
  eve: { email: 'eve@other.test', emailVerified: true, name: 'Eve Outsider' },
  una: { email: 'una@example.test', emailVerified: false, name: 'Una Verified' },
  hal: { email: 'hal@other.test', emailVerified: true, name: 'Hal Host' },
};
vi.mock('@/lib/server/auth/better-auth', () => ({
  authFor: () => ({
    api: {
      getSession: async ({ headers }: { headers: Headers }) => {
        const subject = headers.get('cookie')?.match(/session=(\w+)/)?.[1];
        const user = subject && USERS[subject];
        return user ? { session: {}, user: { ...user, oidcSubject: subject } } : null;
      },
    },
  }),
}));

const SIGN_IN = {
  AUTH_OIDC_ISSUER: 'https://id.example.test',
  AUTH_OIDC_CLIENT_ID: 'agora-calls',
  AUTH_OIDC_CLIENT_SECRET: 'client-secret',
  AUTH_SECRET: 'a-secret-of-at-least-32-characters!!',
};

const settings = (values: Record<string, string>) => authSettings({ ...values });
const profile = (email: string | null, emailVerified = true): Profile => ({
  subject: 's',
  email,
  emailVerified,
  name: null,
});
const policy = (allowedEmails: string[], allowedDomains: string[], hostEmails: string[] = []) => ({
  allowedEmails,
  allowedDomains,
  hostEmails,
});

describe('sign-in settings', () => {
  it('are off with none of the four set, and a partial set is a 503 naming what is missing', () => {
    expect(settings({})).toBeNull();
    expect(() => settings({ AUTH_OIDC_ISSUER: SIGN_IN.AUTH_OIDC_ISSUER, AUTH_SECRET: SIGN_IN.AUTH_SECRET })).toThrow(
      'sign-in is half configured: AUTH_OIDC_CLIENT_ID, AUTH_OIDC_CLIENT_SECRET are not set',
    );
    expect(() => settings({ ...SIGN_IN, AUTH_SECRET: 'short' })).toThrow('AUTH_SECRET must be at least 32 characters');
    expect(() => settings({ ...SIGN_IN, AUTH_OIDC_ISSUER: 'http://id.example.test' })).toThrow(
      'AUTH_OIDC_ISSUER must be an https:// URL',
    );
    expect(() => settings({ ...SIGN_IN, AUTH_ALLOWED_DOMAINS: 'example.test, not a domain' })).toThrow(
      'AUTH_ALLOWED_DOMAINS entry 2 is not a domain',
    );
  });

  it('read the lists lower-cased, and name the organisation by the issuer host unless told', () => {
    const read = settings({
      ...SIGN_IN,
      AUTH_ALLOWED_EMAILS: 'Ada@Example.test bob@x.test',
      AUTH_ALLOWED_DOMAINS: '@Corp.test',
    });
    expect(read).toMatchObject({ allowedEmails: ['ada@example.test', 'bob@x.test'], allowedDomains: ['corp.test'] });
    expect(read?.organisation).toBe('id.example.test');
    expect(settings({ ...SIGN_IN, AUTH_ORGANISATION_NAME: 'Example School' })?.organisation).toBe('Example School');
    expect(settings({ ...SIGN_IN, AUTH_OIDC_ISSUER: 'http://127.0.0.1:4203/' })?.issuer).toBe('http://127.0.0.1:4203');
  });
});

describe('who may enter', () => {
  it('everyone the provider signs in, when no list is set', () => {
    expect(accessFor(profile(null, false), policy([], []))).toEqual({ allowed: true, host: false });
  });

  it('a verified address on the list or in a listed domain (exactly: no subdomains)', () => {
    const lists = policy(['solo@else.test'], ['example.test']);
    expect(accessFor(profile('Ada@Example.test'), lists).allowed).toBe(true);
    expect(accessFor(profile('solo@else.test'), lists).allowed).toBe(true);
    expect(accessFor(profile('eve@other.test'), lists)).toEqual({ allowed: false, reason: 'not-on-the-list' });
    expect(accessFor(profile('x@sub.example.test'), lists)).toEqual({ allowed: false, reason: 'not-on-the-list' });
    expect(accessFor(profile('ada@example.test', false), lists)).toEqual({
      allowed: false,
      reason: 'unverified-email',
    });
    expect(accessFor(profile(null), lists)).toEqual({ allowed: false, reason: 'unverified-email' });
  });

  it('hosts of every room are let in, by verified address only', () => {
    const lists = policy([], ['example.test'], ['hal@other.test']);
    expect(accessFor(profile('hal@other.test'), lists)).toEqual({ allowed: true, host: true });
    expect(accessFor(profile('hal@other.test', false), lists)).toEqual({ allowed: false, reason: 'unverified-email' });
    expect(accessFor(profile('ada@example.test'), lists)).toEqual({ allowed: true, host: false });
  });
});

describe("a person's ids", () => {
  it('are stable, in 1..4294967295, distinct, and differ by subject, issuer and secret', () => {
    const ids = personIds(SIGN_IN.AUTH_SECRET, 'https://id.example.test', 'ada');
    expect(personIds(SIGN_IN.AUTH_SECRET, 'https://id.example.test', 'ada')).toEqual(ids);
    for (const uid of [ids.uid, ids.screenUid]) {
      expect(Number.isInteger(uid) && uid >= 1 && uid <= 4294967295).toBe(true);
    }
    expect(ids.screenUid).not.toBe(ids.uid);
    expect(ids.person).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(personIds(SIGN_IN.AUTH_SECRET, 'https://id.example.test', 'alan').uid).not.toBe(ids.uid);
    expect(personIds(SIGN_IN.AUTH_SECRET, 'https://other.test', 'ada').uid).not.toBe(ids.uid);
    expect(personIds(`${SIGN_IN.AUTH_SECRET}x`, 'https://id.example.test', 'ada').uid).not.toBe(ids.uid);
  });
});

describe('"Sign in with another account"', () => {
  it('asks Google and Microsoft to choose an account, and other providers to log in again', () => {
    expect(anotherAccountPrompt('https://accounts.google.com')).toBe('select_account');
    expect(anotherAccountPrompt('https://login.microsoftonline.com/tenant/v2.0')).toBe('select_account');
    expect(anotherAccountPrompt('https://example.okta.com')).toBe('login');
  });
});

describe('the page to come back to after signing in', () => {
  it('is a path on this site, never another host', () => {
    expect(returnPath('/call/My%20room')).toBe('/call/My%20room');
    for (const bad of ['//evil.test/x', '/\\evil.test', 'https://evil.test/', null, ''])
      expect(returnPath(bad)).toBe('/');
  });
});

let ip = 0;
async function call(handler: (request: Request) => Response | Promise<Response>, path: string, init: RequestInit = {}) {
  const headers = { 'x-forwarded-for': `10.1.0.${++ip % 250}`, ...(init.headers as Record<string, string>) };
  const response = await handler(new Request(`http://localhost${path}`, { ...init, headers }));
  return { status: response.status, body: await response.json() };
}
const as = (subject: string) => ({ cookie: `session=${subject}` });
const ada = personIds(SIGN_IN.AUTH_SECRET, SIGN_IN.AUTH_OIDC_ISSUER, 'ada');

describe('token routes with sign-in on', () => {
  withServerEnv({
    ...SIGN_IN,
    AUTH_ALLOWED_DOMAINS: 'example.test',
    AUTH_HOST_EMAILS: 'hal@other.test',
    TOKEN_API_KEYS: 'server-key',
  });
  beforeEach(() => {
    setRateLimiterFactory((bucket, points) => new RateLimiterMemory({ keyPrefix: bucket, points, duration: 60 }));
  });

  it('answer 401 sign_in_required with neither a session nor an API key', async () => {
    // And 403 not_allowed off the list.
    const signedOut = await call(rtc.GET, `/api/rtc/room/publisher/uid/${ada.uid}/`);
    expect(signedOut).toMatchObject({ status: 401, body: { code: 'sign_in_required' } });
    expect(signedOut.body.error).toContain('sign in first (id.example.test)');
    expect(await call(rtm.GET, '/api/rtm/1/', { headers: as('eve') })).toMatchObject({
      status: 403,
      body: { code: 'not_allowed', error: 'eve@other.test is not allowed on this server' },
    });
    expect((await call(rtm.GET, '/api/rtm/1/', { headers: as('una') })).body.code).toBe('not_allowed');
  });

  it("mint only the signed-in person's own uids, and refuse any other with 403 identity_mismatch", async () => {
    const own = await call(rtc.GET, `/api/rtc/room/publisher/uid/${ada.uid}/`, { headers: as('ada') });
    expect(own).toMatchObject({ status: 200, body: { uid: ada.uid } });
    expect((await call(rtc.GET, `/api/rtc/room/publisher/uid/${ada.screenUid}/`, { headers: as('ada') })).status).toBe(
      200,
    );
    expect((await call(rtm.GET, `/api/rtm/${ada.uid}/`, { headers: as('ada') })).status).toBe(200);
    for (const path of ['/api/rtc/room/publisher/uid/1234/', '/api/rtc/room/publisher/uid/0/', '/api/rtm/1234/']) {
      const other = await call(path.startsWith('/api/rtm') ? rtm.GET : rtc.GET, path, { headers: as('ada') });
      expect(other).toMatchObject({ status: 403, body: { code: 'identity_mismatch' } });
    }
    const posted = await call(postToken.POST, '/api/token', {
      method: 'POST',
      headers: { ...as('ada'), 'content-type': 'application/json' },
      body: JSON.stringify({ tokenType: 'rtc', channel: 'room', role: 'publisher', uid: 99 }),
    });
    expect(posted).toMatchObject({ status: 403, body: { code: 'identity_mismatch' } });
    expect((await call(chatApp.GET, '/api/chat/app/', { headers: as('ada') })).body.code).toBe('identity_mismatch');
  });

  it('still serve servers with an API key, for any identity', async () => {
    const server = { authorization: 'Bearer server-key' };
    expect((await call(rtc.GET, '/api/rtc/room/publisher/uid/1234/', { headers: server })).status).toBe(200);
    expect((await call(chatApp.GET, '/api/chat/app/', { headers: server })).status).toBe(200);
  });

  it('/api/health says sign-in is on, with its issuer and the size of each list', async () => {
    expect((await call(health.GET, '/api/health')).body.signIn).toEqual({
      issuer: 'https://id.example.test',
      allowedEmails: 0,
      allowedDomains: 1,
      hostEmails: 1,
    });
  });

  it('make AUTH_HOST_EMAILS hosts of every room, and keep signed-out people out of rooms', async () => {
    // Without a host key.
    expect((await call(room.GET, '/api/rooms/hall')).body.code).toBe('sign_in_required');
    const start = (who: string) =>
      call(rooms.POST, '/api/rooms', {
        method: 'POST',
        headers: { ...as(who), 'content-type': 'application/json' },
        body: JSON.stringify({ channel: 'hall' }),
      });
    expect(await start('ada')).toMatchObject({ status: 200, body: { host: true } });
    expect((await call(room.GET, '/api/rooms/hall', { headers: as('hal') })).body.you.role).toBe('host');
    expect((await call(room.GET, '/api/rooms/hall', { headers: as('ada') })).body.you.role).toBe('guest');
    const locked = await call(room.POST, '/api/rooms/hall', {
      method: 'POST',
      headers: { ...as('hal'), 'content-type': 'application/json' },
      body: JSON.stringify({ action: 'lock' }),
    });
    expect(locked).toMatchObject({ status: 200, body: { locked: true } });
  });
  it('a removal follows the person: the same account on another device is refused too', async () => {
    const act = (who: string, body: object) =>
      call(room.POST, '/api/rooms/lab', {
        method: 'POST',
        headers: { ...as(who), 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect((await call(rtc.GET, `/api/rtc/lab/publisher/uid/${ada.uid}/`, { headers: as('ada') })).status).toBe(200);
    expect((await act('hal', { action: 'remove', uid: ada.uid })).status).toBe(200);
    // Another device: another browser cookie, the same signed-in person (her uids are hers everywhere).
    const phone = { ...as('ada'), cookie: 'session=ada; agora-calls-browser=AAAAAAAAAAAAAAAAAAAAAA' };
    for (const uid of [ada.uid, ada.screenUid]) {
      const refused = await call(rtc.GET, `/api/rtc/lab/publisher/uid/${uid}/`, { headers: phone });
      expect(refused).toMatchObject({ status: 403, body: { code: 'removed' } });
    }
  });
});

describe('with sign-in half configured', () => {
  withServerEnv({ AUTH_OIDC_ISSUER: 'https://id.example.test' });

  it('token routes and /api/health answer 503 naming the missing variables', async () => {
    for (const answer of [
      await call(rtc.GET, '/api/rtc/room/publisher/uid/1/'),
      await call(health.GET, '/api/health'),
    ]) {
      expect(answer.status).toBe(503);
      expect(answer.body.error).toContain('AUTH_OIDC_CLIENT_ID, AUTH_OIDC_CLIENT_SECRET, AUTH_SECRET are not set');
    }
  });
});
