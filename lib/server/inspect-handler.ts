import 'server-only';
// POST /api/inspect {"token"}: did this server's App Certificate sign the token? The token
// inspector's one request. The answer is a single boolean from agora-token's constant-time check,
// never which part differs, so it helps nobody forge; the token is neither stored nor logged.
import { MAX_TOKEN_CHARS, inspectToken } from '../shared/token/decode';
import { isSignedWith } from './access-token';
import { authorizeInspectRequest } from './authorize';
import { getAgoraCredentials } from './credentials';
import { ApiError, badField } from './http/api-error';
import { readJsonObject } from './http/json-body';
import { enforceRateLimit } from './rate-limit';

/** A token is at most 4096 characters; the JSON around it needs little more. */
export const MAX_INSPECT_BODY_BYTES = 8 * 1024;

export async function verifyTokenSignature(request: Request) {
  await enforceRateLimit('token', request);
  const credentials = getAgoraCredentials();
  authorizeInspectRequest(request, credentials);
  const body = await readJsonObject(request, MAX_INSPECT_BODY_BYTES);
  if (typeof body.token !== 'string') throw badField('token must be a string: send {"token":"007…"}');
  if (body.token.trim().length > MAX_TOKEN_CHARS) {
    throw new ApiError(
      'field_too_large',
      `token is longer than ${MAX_TOKEN_CHARS} characters; Agora tokens are a few hundred`,
    );
  }
  const inspected = await inspectToken(body.token);
  if (!inspected.ok) throw new ApiError('unreadable_token', inspected.reason);
  const { token, text } = inspected;
  if (token.version !== '007') {
    throw new ApiError(
      'unsupported_token',
      "a 006 token's signature covers its channel and uid, which the token does not contain; " +
        'this server verifies AccessToken2 (007) tokens only',
    );
  }
  if (token.appId !== credentials.appId) {
    throw new ApiError(
      'foreign_app_id',
      `the token is for App ID ${token.appId}; ` +
        `this server holds the App Certificate of ${credentials.appId} only, so it cannot check this signature`,
    );
  }
  return { valid: isSignedWith(text, credentials.appCertificate) };
}
