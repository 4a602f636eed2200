// Reads what an Agora token says, in the browser (the token inspector, the call page's join errors)
// and on the server (POST /api/inspect) alike. It checks no signature: that needs the App
// Certificate, which only the server has. inspectToken never throws: anything that is not a
// readable token comes back as a reason a person can act on.
import { base64Bytes, ByteReader, inflate, TokenFormatError } from './bytes';
import { readService, rtcClaims, type DecodedService, type RtcServiceClaims } from './services';

export type { DecodedService, RtcServiceClaims } from './services';

/** Tokens are a few hundred characters; more than this is not one (and is not worth unpacking). */
export const MAX_TOKEN_CHARS = 4096;
/** A token's content unpacks to well under a kilobyte; this bounds a crafted "zip bomb". */
const MAX_CONTENT_BYTES = 64 * 1024;
const SIGNATURE_BYTES = 32; // HMAC-SHA256

/** AccessToken2, "007…": a zlib-deflated, signed list of services. */
export interface AccessToken2View {
  version: '007';
  appId: string;
  /** Unix seconds. */
  issuedAt: number;
  /** Seconds after issuedAt (privilege values count the same way). */
  expire: number;
  salt: number;
  services: DecodedService[];
  rtc: RtcServiceClaims[];
  /** Oddities that do not stop reading (an unknown service type, extra bytes…). */
  notes: string[];
}

/** The older AccessToken, "006…": channel and uid are only there as CRC32 checksums. */
export interface LegacyTokenView {
  version: '006';
  appId: string;
  salt: number;
  /** Unix seconds: the builder sets it 24 h after it made the token. */
  expiresAt: number;
  channelCrc32: number;
  uidCrc32: number;
  /** Privilege → Unix second it ends (0 = no limit of its own). */
  privileges: Record<number, number>;
  notes: string[];
}

export type DecodedToken = AccessToken2View | LegacyTokenView;
/** `text` is the token as read: trimmed, without quotes around it. */
export type TokenInspection = { ok: true; token: DecodedToken; text: string } | { ok: false; reason: string };

const fail = (reason: string): TokenInspection => ({ ok: false, reason });
const HEX32 = /^[0-9a-fA-F]{32}$/;

function signatureNote(length: number): string[] {
  return length === SIGNATURE_BYTES
    ? []
    : [
        `The signature is ${length} bytes long; Agora's libraries write ${SIGNATURE_BYTES}, ` +
          'so this token was not made by them.',
      ];
}

function appIdNote(appId: string): string[] {
  return HEX32.test(appId)
    ? []
    : [`The App ID ${JSON.stringify(appId)} is not 32 hexadecimal characters, so Agora knows no such project.`];
}

async function readAccessToken2(body: string): Promise<AccessToken2View> {
  const content = await inflate(base64Bytes(body, 'The part after "007"'), MAX_CONTENT_BYTES);
  const reader = new ByteReader(content, "The token's content");
  const signature = reader.bytesField('the signature');
  const appId = reader.text('the App ID');
  const issuedAt = reader.uint32('the issue time');
  const expire = reader.uint32('the expiry');
  const salt = reader.uint32('the salt');
  const count = reader.uint16('the number of services');
  const services: DecodedService[] = [];
  const notes = [...signatureNote(signature.length), ...appIdNote(appId)];
  for (let index = 0; index < count; index++) {
    const type = reader.uint16(`the type of service ${index + 1}`);
    const service = readService(type, reader);
    if (!service) {
      notes.push(
        `Service ${index + 1} of ${count} has type ${type}, which this inspector does not know; ` +
          'it and any after it cannot be read.',
      );
      break;
    }
    services.push(service);
  }
  if (services.length === count && reader.remaining > 0) {
    notes.push(`${reader.remaining} unexpected bytes follow the last service.`);
  }
  if (count === 0) notes.push('The token carries no services, so it grants nothing.');
  return { version: '007', appId, issuedAt, expire, salt, services, rtc: rtcClaims(services), notes };
}

function readLegacyToken(body: string): LegacyTokenView {
  const appId = body.slice(0, 32);
  if (!HEX32.test(appId)) {
    throw new TokenFormatError(
      'A 006 token has its 32-character App ID right after "006", and these characters are not one',
    );
  }
  const reader = new ByteReader(base64Bytes(body.slice(32), 'The part after the App ID'), "The token's content");
  const signature = reader.bytesField('the signature');
  const channelCrc32 = reader.uint32('the channel checksum');
  const uidCrc32 = reader.uint32('the uid checksum');
  const message = new ByteReader(reader.bytesField('the message'), "The token's message");
  const salt = message.uint32('the salt');
  const expiresAt = message.uint32('the expiry time');
  const privileges = message.uint32Map('the privileges');
  const notes = signatureNote(signature.length);
  if (reader.remaining > 0 || message.remaining > 0) notes.push("Unexpected bytes follow the token's fields.");
  return { version: '006', appId, salt, expiresAt, channelCrc32, uidCrc32, privileges, notes };
}

/** Text that is plainly something else, or was mangled on its way here. */
function misfit(text: string): string | null {
  if (/\s/.test(text)) {
    // Spaces inside something that starts like a token: "+" signs lost on the way. Words around a
    // token: a label or a sentence copied with it. Anything else is not a token at all.
    if (/^00[67]/.test(text)) {
      return (
        'The token contains spaces or line breaks. If it travelled in a URL, its "+" signs may have turned into ' +
        'spaces (encode it with encodeURIComponent); remove them and paste it again.'
      );
    }
    if (/(^|\s)00[67][A-Za-z0-9+/=]{40,}/.test(text))
      return 'There are words around the token: paste only the token itself, the part that starts with 007 (or 006).';
    return (
      'This is ordinary text, not an Agora token. A token is one unbroken string of letters, digits, ' +
      '"+", "/" and "=" that starts with 007 (or 006), a few hundred characters long: ' +
      'copy it from your token server or Agora Console.'
    );
  }
  if (/%(2B|2F|3D)/i.test(text))
    return 'The token is still URL-encoded (it contains %2B, %2F or %3D): decode it with decodeURIComponent first.';
  if (text.startsWith('eyJ'))
    return 'This looks like a JSON Web Token (it starts with "eyJ"), not an Agora token, which starts with 007 or 006.';
  if (HEX32.test(text))
    return (
      'This is 32 hexadecimal characters: an App ID or an App Certificate, not a token. ' +
      'Tokens start with 007 (or 006) and are much longer.'
    );
  if (/^00[1-5]/.test(text)) {
    return (
      `This is a version ${text.slice(0, 3)} dynamic key, a format older than 006 that this inspector ` +
      'does not read. Generate an AccessToken2 (007) instead.'
    );
  }
  if (!/^00[67]/.test(text)) {
    const start = JSON.stringify(text.slice(0, 8));
    return `Agora tokens start with "007" (AccessToken2) or "006" (the older AccessToken); this starts with ${start}.`;
  }
  return null;
}

/** Decodes a pasted token without checking its signature. Never throws; never needs the network. */
export async function inspectToken(input: unknown): Promise<TokenInspection> {
  if (typeof input !== 'string') return fail('Paste the token as text.');
  let text = input.trim();
  if (text === '') return fail('Paste a token to see what it grants.');
  if (text.length > MAX_TOKEN_CHARS) {
    return fail(
      `This is ${text.length} characters long; Agora tokens are a few hundred, ` +
        `and the inspector reads at most ${MAX_TOKEN_CHARS}.`,
    );
  }
  const quoted = /^(["'`])(.*)\1$/s.exec(text);
  if (quoted) text = quoted[2]!.trim();
  const problem = misfit(text);
  if (problem) return fail(problem);
  try {
    const token = text.startsWith('007') ? await readAccessToken2(text.slice(3)) : readLegacyToken(text.slice(3));
    if (quoted) token.notes.unshift('The quotes around the token were ignored; send the token without them.');
    return { ok: true, token, text };
  } catch (error) {
    const version = text.slice(0, 3);
    if (error instanceof TokenFormatError) return fail(`This ${version} token cannot be read. ${error.message}.`);
    return fail(`This ${version} token cannot be read (${error instanceof Error ? error.name : 'unexpected error'}).`);
  }
}
