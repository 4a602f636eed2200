import 'server-only';
// The three sign-in routes: GET /api/auth/sign-in (a plain link: off to the provider, state and PKCE
// kept in an encrypted cookie), GET /api/auth/callback/oidc (the provider's redirect target, the only
// Better Auth endpoint exposed) and POST /api/auth/sign-out (ends the session). With sign-in off they
// are the API's usual 404; with it half configured, the 503 naming what is missing.
import { ApiError } from '../http/api-error';
import { errorResponse } from '../http/route';
import { unknownApiPath } from '../http/unknown-route';
import { authSettings } from './auth-settings';
import { authFor } from './better-auth';
import { originOf } from './session';

/**
 * `prompt` that makes the provider ask which account: Google and Microsoft know select_account,
 * OIDC's own is login.
 */
export const anotherAccountPrompt = (issuer: string) =>
  /(^|\.)(google\.com|microsoftonline\.com)$/.test(new URL(issuer).hostname) ? 'select_account' : 'login';

/** A path on this site to come back to after signing in: `/…` only (never `//host`), else the start page. */
export function returnPath(raw: string | null): string {
  return raw && /^\/(?![/\\])/.test(raw) && raw.length <= 500 ? raw : '/';
}

function authOrRefuse(request: Request) {
  const settings = authSettings();
  if (!settings) unknownApiPath(request, new URL(request.url));
  return authFor(settings, originOf(request.headers, request.url));
}

const redirect = (location: string, status: number, cookies: string[] = []) => {
  const response = new Response(null, { status, headers: { Location: location, 'Cache-Control': 'no-store' } });
  for (const cookie of cookies) response.headers.append('Set-Cookie', cookie);
  return response;
};

async function guarded(request: Request, run: () => Promise<Response>): Promise<Response> {
  try {
    return await run();
  } catch (error) {
    return errorResponse(request, error);
  }
}

/** GET /api/auth/sign-in?next=/call/…: 302 to the provider's sign-in page. */
export const signIn = (request: Request) =>
  guarded(request, async () => {
    const auth = authOrRefuse(request);
    const query = new URL(request.url).searchParams;
    const next = returnPath(query.get('next'));
    const answer = await auth.api.signInSocial({
      body: {
        provider: 'oidc',
        callbackURL: next,
        errorCallbackURL: `/sign-in?failed=1&next=${encodeURIComponent(next)}`,
      },
      headers: request.headers,
      asResponse: true,
    });
    const { url } = (await answer.clone().json()) as { url?: string };
    if (!answer.ok || !url) {
      throw new ApiError(
        'not_configured',
        'the sign-in provider could not be reached or refused this app; check AUTH_OIDC_ISSUER',
      );
    }
    // "Sign in with another account": the provider asks which account instead of reusing its session.
    // (Better Auth reserves `prompt` for its own options; it is only a hint to the provider's page.)
    const location = new URL(url);
    if (query.has('another')) location.searchParams.set('prompt', anotherAccountPrompt(authSettings()!.issuer));
    return redirect(location.toString(), 302, answer.headers.getSetCookie());
  });

/**
 * GET /api/auth/callback/oidc: Better Auth checks state, PKCE and the ID token, sets the session
 * cookie and redirects.
 */
export const callback = (request: Request) => guarded(request, async () => authOrRefuse(request).handler(request));

/**
 * POST /api/auth/sign-out (a form on this site's pages, `next`: where to sign in again for): 303 to
 * the sign-in page.
 */
export const signOut = (request: Request) =>
  guarded(request, async () => {
    const auth = authOrRefuse(request);
    // A form on another site cannot sign people out (SameSite=Lax already keeps the cookie from it).
    if (request.headers.get('sec-fetch-site') === 'cross-site') {
      throw new ApiError('sign_in_required', 'sign out from this site');
    }
    const form = await request.formData().catch(() => null);
    const next = returnPath(typeof form?.get('next') === 'string' ? (form.get('next') as string) : null);
    const answer = await auth.api.signOut({ headers: request.headers, asResponse: true }).catch(() => null);
    return redirect(
      `/sign-in?signed_out=1&next=${encodeURIComponent(next)}`,
      303,
      answer?.headers.getSetCookie() ?? [],
    );
  });
