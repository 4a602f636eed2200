import { NextResponse, type NextRequest } from 'next/server';
import { BROWSER_COOKIE, BROWSER_COOKIE_MAX_AGE_S, isBrowserId, newBrowserId } from '@/lib/shared/browser-id';
import { statusOf, type ErrorAnswer } from '@/lib/shared/error-codes';
import { decodePathSegments, readableSegment } from '@/lib/shared/path-segments';

const LOOPBACK = /^(localhost|127(\.\d+){3}|\[::1\])$/;

/**
 * A call page's browser id (lib/shared/browser-id.ts): set when missing or malformed, HttpOnly,
 * SameSite=Lax, Secure except on loopback. It is also put on the request itself, so the page
 * rendered by this very request already puts it in its ticket.
 */
function withBrowserId(request: NextRequest): NextResponse {
  if (isBrowserId(request.cookies.get(BROWSER_COOKIE)?.value)) return NextResponse.next();
  const id = newBrowserId();
  request.cookies.set(BROWSER_COOKIE, id);
  const response = NextResponse.next({ request: { headers: request.headers } });
  response.cookies.set(BROWSER_COOKIE, id, {
    httpOnly: true,
    sameSite: 'lax',
    secure: !LOOPBACK.test(request.nextUrl.hostname),
    path: '/',
    maxAge: BROWSER_COOKIE_MAX_AGE_S,
  });
  return response;
}

/**
 * Next answers a path with broken percent-encoding (e.g. "%zz") with a plain-text 500 before any
 * route runs. Catch those here: the API answers a JSON 400 naming the segment, a call link sends the
 * person back to the home page with an explanation. The matcher lets only API paths containing "%"
 * and call pages reach this function, so other requests pay nothing.
 */
export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const decoded = decodePathSegments(pathname.split('/'));
  if (decoded.ok) return pathname.startsWith('/call') ? withBrowserId(request) : NextResponse.next();
  if (pathname.startsWith('/api/')) {
    const answer: ErrorAnswer = { error: decoded.error, code: 'invalid_path' };
    return NextResponse.json(answer, { status: statusOf(answer.code), headers: { 'Cache-Control': 'no-store' } });
  }
  // Back to the start page with what can still be read of the name, for the person to check.
  const home = new URL('/?link=broken', request.url);
  home.searchParams.set('channel', readableSegment(pathname.split('/')[2] ?? ''));
  return NextResponse.redirect(home);
}

export const config = { matcher: ['/api/:path(.*%.*)', '/call/:path*'] };
