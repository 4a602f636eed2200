import { NextResponse, type NextRequest } from 'next/server';
import { statusOf, type ErrorAnswer } from '@/lib/shared/error-codes';
import { decodePathSegments, readableSegment } from '@/lib/shared/path-segments';

/**
 * Next answers a path with broken percent-encoding (e.g. "%zz") with a plain-text 500 before any
 * route runs. Catch those here: the API answers a JSON 400 naming the segment, a call link sends the
 * person back to the home page with an explanation. The matcher only lets paths containing "%"
 * reach this function, so other requests pay nothing.
 */
export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const decoded = decodePathSegments(pathname.split('/'));
  if (decoded.ok) return NextResponse.next();
  if (pathname.startsWith('/api/')) {
    const answer: ErrorAnswer = { error: decoded.error, code: 'invalid_path' };
    return NextResponse.json(answer, { status: statusOf(answer.code), headers: { 'Cache-Control': 'no-store' } });
  }
  // Back to the start page with what can still be read of the name, for the person to check.
  const home = new URL('/?link=broken', request.url);
  home.searchParams.set('channel', readableSegment(pathname.split('/')[2] ?? ''));
  return NextResponse.redirect(home);
}

export const config = { matcher: ['/api/:path(.*%.*)', '/call/:path(.*%.*)'] };
