import { ApiError } from '@/lib/server/http/api-error';
import type { ErrorCode } from '@/lib/shared/error-codes';

/** The code an action is refused with (the HTTP status follows from it); fails if it was not refused. */
export function refusal(action: () => unknown): ErrorCode {
  try {
    action();
  } catch (error) {
    if (error instanceof ApiError) return error.code;
    throw error;
  }
  throw new Error('not refused');
}
