import 'server-only';
// Which other origins may call the API from a browser (CORS_ALLOW_ORIGIN, settings.ts).
import { corsAllowOrigin } from '../settings';

const ALLOWED_METHODS = 'GET, POST, OPTIONS';
const ALLOWED_HEADERS = 'Content-Type, Authorization';

/**
 * Same-origin only unless CORS_ALLOW_ORIGIN is "*" or a comma-separated list of origins.
 * Returns the headers to add to a response for this request's Origin.
 */
export function corsHeaders(origin: string | null, setting = corsAllowOrigin()): Record<string, string> {
  const allowed = setting.trim();
  if (!allowed) return {};
  if (allowed === '*') return { 'Access-Control-Allow-Origin': '*' };
  const origins = allowed.split(',').map((entry) => entry.trim().replace(/\/+$/, ''));
  // The answer depends on Origin, so caches must key on it even when this origin is refused.
  const headers: Record<string, string> = { Vary: 'Origin' };
  if (origin && origins.includes(origin)) headers['Access-Control-Allow-Origin'] = origin;
  return headers;
}

export function preflightHeaders(origin: string | null): Record<string, string> {
  const headers = corsHeaders(origin);
  if (!headers['Access-Control-Allow-Origin']) return headers;
  return {
    ...headers,
    'Access-Control-Allow-Methods': ALLOWED_METHODS,
    'Access-Control-Allow-Headers': ALLOWED_HEADERS,
    'Access-Control-Max-Age': '600',
  };
}
