import 'server-only';
// The sign-in library: Better Auth 1.x with its generic OAuth plugin, speaking OpenID Connect to the
// provider in AUTH_OIDC_ISSUER (discovery, PKCE, nonce, ID token verified against the provider's keys).
// No database: the session is an encrypted (JWE) HttpOnly cookie, and so is the OAuth state while the
// person is at the provider. One instance per site origin (cookie names and the callback URL depend on it).
import { betterAuth } from 'better-auth';
import { genericOAuth } from 'better-auth/plugins/generic-oauth';
import type { AuthSettings } from './auth-settings';

/** How long a sign-in lasts before the provider is asked again. */
export const SESSION_SECONDS = 12 * 3600;
const LOOPBACK = /^(localhost|127(\.\d+){3}|\[::1\])$/;

function createAuth(settings: AuthSettings, origin: string) {
  return betterAuth({
    baseURL: origin,
    basePath: '/api/auth',
    secret: settings.secret,
    session: { expiresIn: SESSION_SECONDS },
    // The provider's subject, set from its profile at every sign-in; nothing else can set it (only the
    // callback is mounted, and the paths that change a user are off).
    user: { additionalFields: { oidcSubject: { type: 'string', required: false } } },
    disabledPaths: ['/update-user', '/change-email', '/delete-user', '/link-social', '/unlink-account'],
    plugins: [
      genericOAuth({
        config: [
          {
            providerId: 'oidc',
            discoveryUrl: `${settings.issuer}/.well-known/openid-configuration`,
            clientId: settings.clientId,
            clientSecret: settings.clientSecret,
            scopes: ['openid', 'email', 'profile'],
            requireIdTokenVerification: true,
            overrideUserInfo: true,
            mapProfileToUser: (profile) => ({
              oidcSubject: String(profile.sub ?? ''),
              // Microsoft Entra says a verified address with its optional claim xms_edov instead.
              emailVerified:
                profile.email_verified === true || profile.email_verified === 'true' || profile.xms_edov === true,
            }),
          },
        ],
      }),
    ],
    advanced: {
      useSecureCookies: !LOOPBACK.test(new URL(origin).hostname),
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax' },
    },
    telemetry: { enabled: false },
  });
}

export type Auth = ReturnType<typeof createAuth>;

const INSTANCES = Symbol.for('agora-calls.auth-instances');
const instances = (): Map<string, Auth> =>
  ((globalThis as typeof globalThis & { [INSTANCES]?: Map<string, Auth> })[INSTANCES] ??= new Map());

/** The instance for these settings and this site origin (made once; a handful of origins at most). */
export function authFor(settings: AuthSettings, origin: string): Auth {
  const site = settings.siteUrl ?? origin;
  const key = JSON.stringify([settings, site]);
  let auth = instances().get(key);
  if (!auth) {
    if (instances().size >= 8) instances().clear();
    auth = createAuth(settings, site);
    instances().set(key, auth);
  }
  return auth;
}
