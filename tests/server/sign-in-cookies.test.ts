import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { authFor } from '@/lib/server/auth/better-auth';
import { authSettings } from '@/lib/server/auth/auth-settings';

const settings = authSettings({
  AUTH_OIDC_ISSUER: 'https://id.example.test',
  AUTH_OIDC_CLIENT_ID: 'agora-calls',
  AUTH_OIDC_CLIENT_SECRET: 'client-secret',
  AUTH_SECRET: 'a-secret-of-at-least-32-characters!!',
})!;

const sessionCookie = async (origin: string) => (await authFor(settings, origin).$context).authCookies.sessionToken;

// Making the instance reads the provider's discovery document: nothing may leave the machine here.
beforeAll(() => {
  vi.stubGlobal('fetch', async () => new Response('offline in tests', { status: 503 }));
  vi.spyOn(console, 'error').mockImplementation(() => {});
});
afterAll(() => vi.unstubAllGlobals());

describe('the session cookie', () => {
  it('is HttpOnly, SameSite=Lax and Secure on a real site', async () => {
    const cookie = await sessionCookie('https://calls.example.com');
    expect(cookie.name).toBe('__Secure-better-auth.session_token');
    expect(cookie.attributes).toMatchObject({ httpOnly: true, sameSite: 'lax', secure: true });
  });

  it('is not Secure on loopback, where development and the tests run over plain http', async () => {
    const cookie = await sessionCookie('http://localhost:3000');
    expect(cookie.attributes).toMatchObject({ httpOnly: true, sameSite: 'lax', secure: false });
  });
});
