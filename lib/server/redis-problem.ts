import 'server-only';
// What went wrong with Redis, in words that are safe to log and to show in /api/health.

/**
 * A fixed phrase for a Redis or socket error. ioredis and Node put the host, port and sometimes
 * the user into their messages ("connect ECONNREFUSED 10.0.0.5:6379"), so the message itself is
 * never passed on: the error is matched against known kinds and anything else is "unexpected".
 */
export function redisProblem(error: unknown): string {
  const code = typeof (error as { code?: unknown })?.code === 'string' ? (error as { code: string }).code : '';
  const message = error instanceof Error ? error.message : '';
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code === 'ECONNRESET' || code === 'EPIPE') return 'connection reset';
  if (code === 'ETIMEDOUT' || /^connect ETIMEDOUT/.test(message)) return 'connect timed out';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'host name not found';
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH') return 'host unreachable';
  if (/^ERR_TLS|^ERR_SSL|CERT|^DEPTH_ZERO|^SELF_SIGNED/.test(code)) return 'TLS handshake failed';
  if (/^Command timed out/.test(message)) return 'command timed out';
  if (/enableOfflineQueue/.test(message) || /^Connection is closed/.test(message)) return 'not connected';
  if (/^(WRONGPASS|NOAUTH)|invalid (username|password)|AUTH failed/i.test(message)) return 'authentication failed';
  if (/^NOPERM/.test(message)) return 'permission denied';
  if (/^OOM/.test(message)) return 'out of memory';
  if (/^READONLY/.test(message)) return 'read-only replica';
  if (/^LOADING/.test(message)) return 'still loading its data';
  return 'unexpected error';
}
