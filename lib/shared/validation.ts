// Input rules shared by the token API (server) and the call UI (client).
// They mirror what the Agora Web SDK itself accepts, so a name that passes here never fails there.
import { agoraNameFault, CHANNEL_NAME_MAX_BYTES, isDotSegment } from './channel-name';
import type { ErrorCode } from './error-codes';

/** A failure carries the API's error code for the field (when the API checks that field). */
export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string; code?: ErrorCode };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T = never>(error: string, code?: ErrorCode): Parsed<T> => ({ ok: false, error, ...(code && { code }) });

export const USER_ACCOUNT_MAX_BYTES = 255;
export const RTM_USER_ID_MAX_BYTES = 64;
export const CHAT_USER_ID_MAX_LENGTH = 64;
export const UID_MAX = 4294967295;
export const EXPIRY_MIN_SECONDS = 1;
export const EXPIRY_MAX_SECONDS = 86400;
export const EXPIRY_DEFAULT_SECONDS = 86400;

/** Agora's allowed punctuation for channel names and user accounts (besides letters, digits, space). */
export const AGORA_SPECIAL_CHARACTERS = '!#$%&()+-:;<=.>?@[]^_{}|~,';
export const AGORA_ALLOWED_DESCRIPTION = `a-z A-Z 0-9, space and ${AGORA_SPECIAL_CHARACTERS}`;

const CHAT_USER_ID = /^[a-zA-Z0-9_.-]+$/;
const DECIMAL_INTEGER = /^(0|[1-9][0-9]*)$/;

/** Describes a character for an error message, so invisible and look-alike characters are clear. */
function describeCharacter(character: string): string {
  const codePoint = character.codePointAt(0) ?? 0;
  const hex = `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
  const printable = codePoint > 0x20 && codePoint !== 0x7f && !/\p{C}|\p{Z}/u.test(character);
  return printable ? `"${character}" (${hex})` : hex;
}

function parseAgoraName(field: string, raw: unknown, maxBytes: number, code: ErrorCode): Parsed<string> {
  if (typeof raw !== 'string') return fail(`${field} must be a string`, code);
  const fault = agoraNameFault(raw, maxBytes);
  switch (fault?.kind) {
    case undefined:
      return ok(raw);
    case 'empty':
      return fail(`${field} is empty; it needs 1 to ${maxBytes} characters`, code);
    case 'character': {
      const what = describeCharacter(fault.character);
      return fail(`${field} contains ${what}, which is not allowed; use ${AGORA_ALLOWED_DESCRIPTION}`, code);
    }
    case 'bytes':
      return fail(`${field} is ${fault.bytes} bytes long; the maximum is ${maxBytes}`, code);
    case 'dot':
      return notDotSegment(field, raw, code);
  }
}

/** "." and ".." cannot travel in a link (see agoraNameFault). */
function notDotSegment(field: string, raw: string, code: ErrorCode): Parsed<string> {
  if (isDotSegment(raw))
    return fail(`${field} cannot be "${raw}", which links cannot carry; add another character`, code);
  return ok(raw);
}

export const parseChannelName = (raw: unknown) =>
  parseAgoraName('channelName', raw, CHANNEL_NAME_MAX_BYTES, 'invalid_channel');

/** A channel-name error in words for people (the API's words name the field "channelName"). */
export const channelNameMessage = (error: string) => error.replace(/^channelName/, 'The channel name');

export const parseUserAccount = (raw: unknown) =>
  parseAgoraName('userAccount', raw, USER_ACCOUNT_MAX_BYTES, 'invalid_account');

/** A numeric Agora uid: decimal 0..4294967295, no sign, no leading zeros, no exponent or hex. */
export function parseUid(raw: unknown): Parsed<number> {
  if (typeof raw === 'number') {
    if (Number.isInteger(raw) && raw >= 0 && raw <= UID_MAX) return ok(raw);
    return fail(`uid ${raw} is out of range; use an integer from 0 to ${UID_MAX}`, 'invalid_uid');
  }
  if (typeof raw !== 'string') return fail('uid must be a decimal integer', 'invalid_uid');
  if (raw.length === 0) return fail(`uid is empty; use an integer from 0 to ${UID_MAX}`, 'invalid_uid');
  if (!DECIMAL_INTEGER.test(raw)) {
    return fail(
      `uid "${truncateForMessage(raw)}" is not a plain decimal integer; ` +
        `use 0 to ${UID_MAX} without sign, leading zeros, decimals or hex`,
      'invalid_uid',
    );
  }
  const value = raw.length > 10 ? Infinity : Number(raw);
  if (value > UID_MAX)
    return fail(`uid ${truncateForMessage(raw)} is too large; the maximum is ${UID_MAX}`, 'invalid_uid');
  return ok(value);
}

export type Role = 'publisher' | 'subscriber';

/** Accepts the Go token service's spellings; anything else is an error, never a silent subscriber. */
export function parseRole(raw: unknown): Parsed<Role> {
  if (raw === 'publisher' || raw === '1' || raw === 1) return ok('publisher');
  if (raw === 'subscriber' || raw === '2' || raw === 2) return ok('subscriber');
  return fail(
    `role "${truncateForMessage(String(raw))}" is not supported; use publisher (or 1) or subscriber (or 2)`,
    'invalid_role',
  );
}

export type TokenType = 'uid' | 'userAccount';

export function parseTokenType(raw: unknown): Parsed<TokenType> {
  if (raw === 'uid' || raw === 'userAccount') return ok(raw);
  return fail(
    `tokentype "${truncateForMessage(String(raw))}" is not supported; use uid or userAccount`,
    'invalid_token_type',
  );
}

/** The identity an RTC token is bound to: a numeric uid (0 = anyone) or a string user account. */
export type RtcIdentity = { kind: 'uid'; uid: number } | { kind: 'userAccount'; account: string };

export function parseRtcIdentity(tokenType: TokenType, raw: unknown): Parsed<RtcIdentity> {
  if (tokenType === 'uid') {
    const uid = parseUid(raw);
    return uid.ok ? ok({ kind: 'uid', uid: uid.value }) : uid;
  }
  const account = parseUserAccount(raw);
  return account.ok ? ok({ kind: 'userAccount', account: account.value }) : account;
}

/** Token lifetime in whole seconds; absent means the default (24 h, the most Agora honours). */
export function parseExpiry(raw: unknown, field = 'expiry'): Parsed<number> {
  if (raw === undefined || raw === null) return ok(EXPIRY_DEFAULT_SECONDS);
  const range = `whole seconds from ${EXPIRY_MIN_SECONDS} to ${EXPIRY_MAX_SECONDS}`;
  let value: number;
  if (typeof raw === 'number') {
    value = raw;
  } else if (typeof raw === 'string' && DECIMAL_INTEGER.test(raw)) {
    value = raw.length > 6 ? Infinity : Number(raw);
  } else {
    return fail(`${field} "${truncateForMessage(String(raw))}" is not a number; use ${range}`, 'invalid_expiry');
  }
  if (!Number.isInteger(value) && Number.isFinite(value))
    return fail(`${field} ${value} is not whole; use ${range}`, 'invalid_expiry');
  if (!(value >= EXPIRY_MIN_SECONDS && value <= EXPIRY_MAX_SECONDS)) {
    return fail(`${field} ${truncateForMessage(String(raw))} is out of range; use ${range}`, 'invalid_expiry');
  }
  return ok(value);
}

export const parseRtmUserId = (raw: unknown, field = 'rtm uid') =>
  parseAgoraName(field, raw, RTM_USER_ID_MAX_BYTES, 'invalid_user_id');

export function parseChatUserId(raw: unknown, field = 'chatid'): Parsed<string> {
  const rule = `use 1 to ${CHAT_USER_ID_MAX_LENGTH} characters from a-z A-Z 0-9 _ - .`;
  if (typeof raw !== 'string' || raw.length === 0) return fail(`${field} is empty; ${rule}`, 'invalid_user_id');
  if (raw.length > CHAT_USER_ID_MAX_LENGTH || !CHAT_USER_ID.test(raw)) {
    return fail(`${field} "${truncateForMessage(raw)}" is not valid; ${rule}`, 'invalid_user_id');
  }
  return notDotSegment(field, raw, 'invalid_user_id');
}

const HEX32 = /^[0-9a-fA-F]{32}$/;

/** An Agora App ID (or App Certificate): 32 hexadecimal characters, as Agora Console shows them. */
export function parseAppId(raw: unknown, field = 'App ID'): Parsed<string> {
  const text = typeof raw === 'string' ? raw.trim() : '';
  if (!HEX32.test(text)) return fail(`The ${field} is 32 hexadecimal characters (Agora Console → your project).`);
  return ok(text);
}

/** An access token pasted from Agora Console: AccessToken2 ("007…") or the older "006…" format. */
export function parsePastedToken(raw: unknown): Parsed<string> {
  const text = typeof raw === 'string' ? raw.trim() : '';
  if (!/^00[67][A-Za-z0-9+/=]{16,}$/.test(text))
    return fail('Paste a temporary token from Agora Console; it starts with 007 or 006.');
  return ok(text);
}

/** Keeps error messages short when a client sends something huge. */
function truncateForMessage(text: string, max = 40): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
