// The one reader of this app's API answers in the browser: every route answers JSON, and a failure
// is `{ "error": "what is wrong", "code": "<code>" }` (lib/shared/error-codes.ts) with its status.
// Decisions go by the code; the sentence is for people.
import { isErrorCode, type ErrorCode } from '../shared/error-codes';

export interface ApiAnswer {
  ok: boolean;
  status: number;
  /** The JSON object answered (empty when the body was not a JSON object). */
  body: Record<string, unknown>;
  /** The server's reason when the status is not 2xx, else null. */
  error: string | null;
  /** The refusal's code when the server sent one we know (another token server may send none). */
  code: ErrorCode | null;
}

export async function readApiAnswer(response: Response): Promise<ApiAnswer> {
  const parsed: unknown = await response.json().catch(() => null);
  const body =
    parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  const error = response.ok ? null : typeof body.error === 'string' ? body.error : `HTTP ${response.status}`;
  const code = !response.ok && isErrorCode(body.code) ? body.code : null;
  return { ok: response.ok, status: response.status, body, error, code };
}
