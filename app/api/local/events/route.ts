import { errorResponse, methodNotAllowed, preflight } from '@/lib/server/http/route';
import { localEvents } from '@/lib/server/local/event-stream';

/** A server-sent event stream; failures before it starts (local mode off, rate limit) answer as JSON. */
export async function GET(request: Request) {
  try {
    return await localEvents(request);
  } catch (error) {
    return errorResponse(request, error);
  }
}

const refuse = methodNotAllowed(['GET']);
export { refuse as POST, refuse as PUT, refuse as PATCH, refuse as DELETE };
export const OPTIONS = preflight;
