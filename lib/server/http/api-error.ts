import 'server-only';
// Typed API errors: every refusal the server makes is one of these, answered as JSON by route.ts.
import type { Parsed } from '../../shared/validation';

/** An error a client can act on: it becomes a JSON response with this status and message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
    /** Extra JSON fields beside "error", for answers that carry a report (e.g. /api/health). */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const badRequest = (message: string) => new ApiError(400, message);
export const notFound = (message: string) => new ApiError(404, message);

/** The parsed value, or a 400 carrying the validation message. */
export function valid<T>(parsed: Parsed<T>): T {
  if (!parsed.ok) throw badRequest(parsed.error);
  return parsed.value;
}
