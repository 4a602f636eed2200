import 'server-only';
// Typed API errors: every refusal the server makes is one of these, answered as JSON by route.ts
// with its code from lib/shared/error-codes.ts and the status that table gives the code.
import { statusOf, type ErrorCode } from '../../shared/error-codes';
import type { Parsed } from '../../shared/validation';

/** An error a client can act on: it becomes `{"error": message, "code": code}` with the code's status. */
export class ApiError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly headers: Record<string, string> = {},
    /** Extra JSON fields beside "error" and "code", for answers that carry a report (e.g. /api/health). */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = statusOf(code);
  }
}

/** A request field that is missing or of the wrong type (a 400). */
export const badField = (message: string) => new ApiError('invalid_field', message);

/** The parsed value, or a 400 carrying the validation message and the field's code. */
export function valid<T>(parsed: Parsed<T>): T {
  if (!parsed.ok) throw new ApiError(parsed.code ?? 'invalid_field', parsed.error);
  return parsed.value;
}
