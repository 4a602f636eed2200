import 'server-only';
// The plumbing every API route shares: JSON answers with no-store and CORS, errors through ApiError,
// JSON 405s for other methods, the CORS preflight, and path segments decoded once.
import { ApiError } from './api-error';
import { statusOf, type ErrorAnswer, type ErrorCode } from '../../shared/error-codes';
import { corsHeaders, preflightHeaders } from './cors';
import { decodePathSegments } from '../../shared/path-segments';

type Json = Record<string, unknown>;
/**
 * Gets the request and its parsed URL (parsed once here, since every handler needs it); its object
 * is answered as JSON.
 */
type Handler = (request: Request, url: URL) => object | Promise<object>;

function respond(request: Request, status: number, body: object, extra: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': 'no-store',
      ...corsHeaders(request.headers.get('origin')),
      ...extra,
    },
  });
}

/**
 * Wraps a route handler: its result becomes a no-store JSON response with CORS applied, and any
 * ApiError becomes `{ "error": message, "code": code }` with the code's status. Anything else is a
 * bug, logged as such.
 */
export function jsonRoute(handler: Handler) {
  return async function route(request: Request): Promise<Response> {
    try {
      return respond(request, 200, await handler(request, new URL(request.url)));
    } catch (error) {
      return errorResponse(request, error);
    }
  };
}

const refusal = (
  request: Request,
  code: ErrorCode,
  error: string,
  extra: Json = {},
  headers: Record<string, string> = {},
) => respond(request, statusOf(code), { error, code, ...extra } satisfies ErrorAnswer, headers);

/** The one way every route answers a failure: `{ "error": …, "code": … }` JSON, no-store, CORS applied. */
export function errorResponse(request: Request, error: unknown): Response {
  if (error instanceof ApiError) return refusal(request, error.code, error.message, error.details, error.headers);
  console.error('Unexpected error in', request.method, new URL(request.url).pathname, error);
  return refusal(request, 'internal_error', 'internal error; the server log has the details');
}

/** Handlers for the methods a route does not support, so they get JSON instead of an empty 405. */
export function methodNotAllowed(allowed: string[]) {
  const allow = [...allowed, 'OPTIONS'].join(', ');
  return (request: Request) =>
    refusal(
      request,
      'method_not_allowed',
      `method ${request.method} is not allowed here; use ${allowed.join(' or ')}`,
      {},
      { Allow: allow },
    );
}

export function preflight(request: Request): Response {
  return new Response(null, {
    status: 204,
    headers: { 'Cache-Control': 'no-store', ...preflightHeaders(request.headers.get('origin')) },
  });
}

/**
 * The request's path segments after /api, percent-decoded one by one. Read from the raw URL so
 * "%2F" inside a channel name stays inside its segment (and is then rejected as a character).
 */
export function pathSegments({ pathname }: URL): string[] {
  const decoded = decodePathSegments(
    pathname
      .replace(/^\/api\//, '')
      .replace(/\/$/, '')
      .split('/'),
  );
  if (!decoded.ok) throw new ApiError('invalid_path', decoded.error);
  return decoded.value;
}

type Method = 'GET' | 'POST';

function routeFor(handlers: Partial<Record<Method, Handler>>) {
  const refuse = methodNotAllowed(Object.keys(handlers));
  const methods = { GET: refuse, POST: refuse, PUT: refuse, PATCH: refuse, DELETE: refuse, OPTIONS: preflight };
  const answering = Object.fromEntries(
    Object.entries(handlers).map(([method, handler]) => [method, jsonRoute(handler)]),
  );
  return { ...methods, ...answering };
}

/** Every export a GET-only API route needs: GET, JSON 405s for the rest, and the CORS preflight. */
export const getRoute = (handler: Handler) => routeFor({ GET: handler });
export const postRoute = (handler: Handler) => routeFor({ POST: handler });
/** A route that answers both GET and POST. */
export const getPostRoute = (get: Handler, post: Handler) => routeFor({ GET: get, POST: post });
