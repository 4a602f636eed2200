import 'server-only';
// Who is asking, as far as rate limits are concerned.
import { isVercel } from '../settings';

/**
 * The client's address, for rate limiting. On Vercel the platform sets x-real-ip and overwrites
 * any client-sent value. Elsewhere Next fills x-forwarded-for with the socket address when the
 * request has none, so a self-hosted server reachable directly should sit behind a proxy that
 * overwrites X-Forwarded-For (otherwise a client can choose its own key).
 */
export function clientAddress(request: Request): string {
  if (isVercel()) {
    const real = request.headers.get('x-real-ip')?.trim();
    if (real) return real;
  }
  return request.headers.get('x-forwarded-for')?.split(',')[0]?.trim() || 'unknown';
}
