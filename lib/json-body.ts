import 'server-only';
import { ApiError, badRequest } from './api-error';

export const MAX_JSON_BODY_BYTES = 16 * 1024;

/** Reads a JSON object body of at most `maxBytes`, with a 413 or 400 that says what was wrong. */
export async function readJsonObject(request: Request, maxBytes = MAX_JSON_BODY_BYTES): Promise<Record<string, unknown>> {
  const tooLarge = new ApiError(413, `request body is larger than ${maxBytes} bytes`);
  if (Number(request.headers.get('content-length')) > maxBytes) throw tooLarge;
  const text = await request.text();
  if (Buffer.byteLength(text) > maxBytes) throw tooLarge;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw badRequest('request body is not valid JSON; send an object such as {"tokenType":"rtc","channel":"demo","role":"publisher","uid":"0"}');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw badRequest('request body must be a JSON object');
  }
  return body as Record<string, unknown>;
}
