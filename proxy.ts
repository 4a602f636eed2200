import { NextResponse, type NextRequest } from 'next/server';
import { decodePathSegments } from '@/lib/path-segments';

/**
 * Next answers a path with broken percent-encoding (e.g. "%zz") with a plain-text 500 before any
 * route runs. Catch those here and answer like the rest of the API: a JSON 400 naming the segment.
 * The matcher only lets API paths containing "%" reach this function, so other requests pay nothing.
 */
export function proxy(request: NextRequest) {
  const decoded = decodePathSegments(request.nextUrl.pathname.split('/'));
  if (decoded.ok) return NextResponse.next();
  return NextResponse.json({ error: decoded.error }, { status: 400, headers: { 'Cache-Control': 'no-store' } });
}

export const config = { matcher: '/api/:path(.*%.*)' };
