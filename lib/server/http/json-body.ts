import 'server-only';
// Reads JSON request bodies with a size cap and a deadline, so a bad body is a 4xx, never a hang.
import { withDeadline } from '../../shared/deadline';
import { ApiError } from './api-error';

export const MAX_JSON_BODY_BYTES = 16 * 1024;
/** A body that trickles in slower than this is refused (slow-body attacks hold connections). */
export const BODY_TIMEOUT_MS = 10_000;

const readText = (request: Request, timeoutMs: number) =>
  withDeadline(
    request.text(),
    timeoutMs,
    () =>
      new ApiError('body_timeout', `request body did not arrive within ${timeoutMs / 1000} s`, { Connection: 'close' }),
  );

/** Reads a JSON object body of at most `maxBytes`, with a 413 or 400 that says what was wrong. */
export async function readJsonObject(
  request: Request,
  maxBytes = MAX_JSON_BODY_BYTES,
  timeoutMs = BODY_TIMEOUT_MS,
): Promise<Record<string, unknown>> {
  const tooLarge = new ApiError('body_too_large', `request body is larger than ${maxBytes} bytes`);
  if (Number(request.headers.get('content-length')) > maxBytes) throw tooLarge;
  const text = await readText(request, timeoutMs);
  if (Buffer.byteLength(text) > maxBytes) throw tooLarge;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new ApiError(
      'invalid_json',
      'request body is not valid JSON; ' +
        'send an object such as {"tokenType":"rtc","channel":"demo","role":"publisher","uid":"0"}',
    );
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new ApiError('invalid_json', 'request body must be a JSON object');
  }
  return body as Record<string, unknown>;
}
