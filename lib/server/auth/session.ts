import 'server-only';
// Who is signed in, read from the session cookie (no I/O: the cookie is the session), with the ids
// they have in calls and whether the policy lets them in.
import { accessFor, type Access, type Profile } from './access-policy';
import { authSettings, type AuthSettings } from './auth-settings';
import { authFor } from './better-auth';
import { personIds, type PersonIds } from './person-ids';

export interface SignedIn {
  profile: Profile;
  ids: PersonIds;
  access: Access;
}

/** This site's origin as the browser sees it: from the request's URL, or a page's Host header. */
export function originOf(headers: Headers, url?: string): string {
  if (url) return new URL(url).origin;
  const host = headers.get('x-forwarded-host') ?? headers.get('host') ?? 'localhost';
  const proto = headers.get('x-forwarded-proto')?.split(',')[0]?.trim() ?? 'http';
  return `${proto === 'https' ? 'https' : 'http'}://${host}`;
}

/** The signed-in person for these request headers, or null (no session, or an expired or forged one). */
export async function signedInPerson(
  settings: AuthSettings,
  headers: Headers,
  origin: string,
): Promise<SignedIn | null> {
  if (!headers.get('cookie')) return null;
  const session = await authFor(settings, origin)
    .api.getSession({ headers })
    .catch(() => null);
  // oidcSubject: the additional field better-auth.ts declares, set from the provider's `sub`.
  const user = session?.user as
    { oidcSubject?: string | null; email?: string | null; emailVerified?: boolean; name?: string | null } | undefined;
  if (!user?.oidcSubject) return null;
  const profile: Profile = {
    subject: user.oidcSubject,
    email: user.email || null,
    emailVerified: user.emailVerified === true,
    name: user.name || null,
  };
  return {
    profile,
    ids: personIds(settings.secret, settings.issuer, profile.subject),
    access: accessFor(profile, settings),
  };
}

/** For API requests: null when sign-in is off; otherwise the person, or null inside `{ person }` when signed out. */
export async function requestPerson(
  request: Request,
): Promise<{ settings: AuthSettings; person: SignedIn | null } | null> {
  const settings = authSettings();
  if (!settings) return null;
  return { settings, person: await signedInPerson(settings, request.headers, originOf(request.headers, request.url)) };
}
