// Every refusal the API makes, by stable code: `{"error": "<sentence for people>", "code": "<code>"}`.
// Clients decide by the code (the sentence may be reworded at any time); the server answers with the
// status listed here. Shared by server and browser, so it imports nothing.

export const ERROR_CODES = {
  // The request itself: fix it and send it again.
  invalid_channel: { status: 400, meaning: 'the channel name breaks the channel rules' },
  invalid_uid: { status: 400, meaning: 'the uid is not an integer from 0 to 4294967295' },
  invalid_account: { status: 400, meaning: 'the user account breaks the user account rules' },
  invalid_user_id: { status: 400, meaning: 'the RTM user id or chat id breaks its rules' },
  invalid_role: { status: 400, meaning: 'the role is not publisher (1) or subscriber (2)' },
  invalid_token_type: { status: 400, meaning: 'the token type is not one this route mints' },
  invalid_expiry: { status: 400, meaning: 'the lifetime is not whole seconds from 1 to 86400' },
  invalid_path: { status: 400, meaning: 'a path segment is not valid percent-encoding' },
  invalid_json: { status: 400, meaning: 'the body is not a JSON object' },
  invalid_field: { status: 400, meaning: 'another field of the body is missing or of the wrong type' },
  unreadable_token: { status: 400, meaning: 'the text to inspect is not an Agora token' },
  unsupported_token: { status: 400, meaning: 'the token is a kind whose signature this server cannot check (006)' },
  foreign_app_id: { status: 400, meaning: 'the token is for an App ID whose certificate this server does not hold' },
  body_timeout: { status: 408, meaning: 'the request body did not arrive in time' },
  body_too_large: { status: 413, meaning: 'the request body is over its size limit' },
  field_too_large: { status: 413, meaning: 'one field (token, presence state, message) is over its size limit' },
  // Access control and limits.
  api_key_required: { status: 401, meaning: 'this server requires an API key and none was sent' },
  api_key_invalid: { status: 401, meaning: "the API key sent is not one of this server's" },
  sign_in_required: { status: 401, meaning: 'sign-in is on: sign in (a session cookie) or send an API key' },
  not_allowed: { status: 403, meaning: "the signed-in person is not on this server's allow-list (AUTH_ALLOWED_…)" },
  identity_mismatch: { status: 403, meaning: "a token for someone else's uid or user id than the signed-in person's" },
  channel_not_allowed: { status: 403, meaning: 'the channel does not match TOKEN_CHANNEL_PATTERN' },
  publisher_disabled: { status: 403, meaning: 'publisher tokens are turned off (TOKEN_ALLOW_PUBLISHER)' },
  expiry_too_long: { status: 403, meaning: 'the lifetime asked for is over TOKEN_MAX_EXPIRY_SECONDS' },
  rate_limited: { status: 429, meaning: 'too many requests from this client; wait Retry-After seconds' },
  // Routes.
  unknown_route: { status: 404, meaning: 'no API route at this path (the sentence names the likely one)' },
  method_not_allowed: { status: 405, meaning: 'this route does not take this method (see Allow)' },
  // The server.
  not_configured: { status: 503, meaning: 'a server setting is missing or wrong; the sentence names it' },
  internal_error: { status: 500, meaning: 'a bug; the server log has the details' },
  // Local mode's signaling (/api/local/…).
  local_mode_off: { status: 404, meaning: 'this server uses Agora, not local mode' },
  unknown_connection: {
    status: 404,
    meaning: 'the server does not know this event stream: open /api/local/events again',
  },
  session_gone: {
    status: 404,
    meaning: 'the server no longer knows this session (its stream dropped, it expired or left): join or log in again',
  },
  not_in_channel: { status: 404, meaning: 'the participant signalled to is not in the channel (any more)' },
  invalid_app_id: { status: 403, meaning: 'local mode only accepts its own App ID' },
  token_required: { status: 403, meaning: 'no token was sent' },
  invalid_token: {
    status: 403,
    meaning: 'the token is not valid for this App ID, channel and uid (the sentence says what did not match)',
  },
  token_expired: { status: 401, meaning: 'the token (its join or login privilege) has expired' },
  no_publish_privilege: { status: 403, meaning: 'the token may not publish (a subscriber token)' },
  uid_conflict: { status: 409, meaning: 'this uid is already in the channel from another tab' },
  room_full: { status: 409, meaning: 'the channel has the most participants local mode allows' },
  not_subscribed: { status: 409, meaning: 'set presence state only in a channel subscribed to' },
  too_many_subscribers: { status: 409, meaning: 'the channel has the most Signaling subscribers allowed' },
  // Rooms with hosts, stage mode (/api/rooms/…).
  host_key_invalid: { status: 403, meaning: "a host action without this room's host key, or with a wrong one" },
  not_on_stage: {
    status: 403,
    meaning: 'a publisher token in a stage room for someone who is neither a host nor on stage: ask for subscriber',
  },
  not_invited: { status: 409, meaning: "joining the stage without a host's invitation (or it was withdrawn)" },
  invalid_room_action: { status: 400, meaning: 'the room action is not one of those listed in the README' },
  removed: { status: 403, meaning: 'a host removed this person from the room: no tokens for it for a while' },
  room_ended: { status: 403, meaning: 'a host ended the call for everyone: no tokens for this room for a while' },
  room_locked: { status: 403, meaning: 'the room is locked: nobody new gets in (hosts still can)' },
  waiting_for_host: { status: 403, meaning: 'the room has a waiting room: wait until a host lets you in' },
  admission_denied: { status: 403, meaning: 'a host did not let this person into the room' },
  room_store_required: {
    status: 503,
    meaning:
      'rooms with hosts need a shared store on this deployment: set REDIS_URL (Vercel instances share no memory)',
  },
  room_store_unavailable: {
    status: 503,
    meaning: 'the room store (Redis) is not answering: nobody is promoted until it is back; current tokens stay valid',
  },
} as const satisfies Record<string, { status: number; meaning: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

/** The JSON body of every error answer. */
export interface ErrorAnswer {
  error: string;
  code: ErrorCode;
}

export const statusOf = (code: ErrorCode): number => ERROR_CODES[code].status;

export const isErrorCode = (value: unknown): value is ErrorCode =>
  typeof value === 'string' && Object.hasOwn(ERROR_CODES, value);
