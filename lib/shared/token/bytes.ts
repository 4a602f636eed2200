// The byte level of Agora tokens, the same in the browser and on the server: strict base64, zlib
// inflate through the platform's DecompressionStream, little-endian fields with bounds checks, CRC32.

/** Why some bytes are not a token. Thrown by the readers here; token-decode.ts turns it into a reason. */
export class TokenFormatError extends Error {
  name = 'TokenFormatError';
}

const BASE64_ALPHABET = /^[A-Za-z0-9+/]*={0,2}$/;

/** Standard, padded base64 (what Agora's servers decode), with a specific reason when it is not. */
export function base64Bytes(text: string, what: string): Uint8Array {
  if (/[-_]/.test(text)) {
    throw new TokenFormatError(
      `${what} uses URL-safe base64 ("-" or "_"); Agora tokens use standard base64 with "+" and "/"`,
    );
  }
  if (!BASE64_ALPHABET.test(text)) {
    const bad = [...text].find((character) => !/[A-Za-z0-9+/=]/.test(character)) ?? '=';
    throw new TokenFormatError(`${what} contains ${JSON.stringify(bad)}, which is not base64`);
  }
  if (text.length % 4 !== 0) {
    throw new TokenFormatError(
      `${what} is cut off: base64 comes in groups of 4 characters and ${text.length % 4} are left over; ` +
        'copy the whole token',
    );
  }
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

/** Inflates zlib data (RFC 1950), refusing to produce more than `maxBytes` (a small token cannot). */
export async function inflate(compressed: Uint8Array, maxBytes: number): Promise<Uint8Array> {
  const stream = new DecompressionStream('deflate');
  const writer = stream.writable.getWriter();
  // Failures surface on the reading side; these two would otherwise be unhandled rejections.
  writer.write(compressed as Uint8Array<ArrayBuffer>).catch(() => undefined);
  writer.close().catch(() => undefined);
  const reader = stream.readable.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > maxBytes) {
        void reader.cancel().catch(() => undefined);
        throw new TokenFormatError(
          `Its compressed content unpacks to more than ${maxBytes} bytes, far more than any token holds`,
        );
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof TokenFormatError) throw error;
    throw new TokenFormatError(
      'Its compressed content is damaged or cut short, so it cannot be unpacked; copy the whole token again',
    );
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

const utf8 = new TextDecoder('utf-8', { fatal: false });

/** Reads Agora's packing: little-endian integers, strings as a uint16 length then bytes. */
export class ByteReader {
  private offset = 0;

  constructor(
    private readonly bytes: Uint8Array,
    /** Names the structure in error messages, e.g. "the token's content". */
    private readonly what: string,
  ) {}

  get remaining() {
    return this.bytes.length - this.offset;
  }

  private take(length: number, field: string): Uint8Array {
    if (length > this.remaining) {
      throw new TokenFormatError(`${this.what} ends early: ${field} needs ${length} bytes, found ${this.remaining}`);
    }
    const slice = this.bytes.subarray(this.offset, this.offset + length);
    this.offset += length;
    return slice;
  }

  uint16(field: string): number {
    const [low, high] = this.take(2, field);
    return low! | (high! << 8);
  }

  int16(field: string): number {
    const value = this.uint16(field);
    return value >= 0x8000 ? value - 0x10000 : value;
  }

  uint32(field: string): number {
    const [b0, b1, b2, b3] = this.take(4, field);
    return (b0! | (b1! << 8) | (b2! << 16)) + b3! * 0x1000000;
  }

  /** A uint16 length, then that many bytes. */
  bytesField(field: string): Uint8Array {
    return this.take(this.uint16(`the length of ${field}`), field);
  }

  text(field: string): string {
    return utf8.decode(this.bytesField(field));
  }

  /** A uint16 count, then (uint16 key, uint32 value) pairs: Agora's privilege maps. */
  uint32Map(field: string): Record<number, number> {
    const count = this.uint16(`the size of ${field}`);
    const map: Record<number, number> = {};
    for (let index = 0; index < count; index++) {
      const key = this.uint16(`a key of ${field}`);
      map[key] = this.uint32(`the value of ${field} ${key}`);
    }
    return map;
  }
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let bit = 0; bit < 8; bit++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

const encoder = new TextEncoder();

/** CRC-32 (IEEE, as zlib) of a string's UTF-8 bytes: what a 006 token stores instead of channel and uid. */
export function crc32(text: string): number {
  let crc = 0xffffffff;
  for (const byte of encoder.encode(text)) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
