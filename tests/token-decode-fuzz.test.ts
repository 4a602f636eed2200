import { deflateSync, inflateSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inspectToken, type TokenInspection } from '@/lib/shared/token/decode';
import { mintRtcToken, mintRtmToken } from '@/lib/server/mint';
import { TEST_APP_ID, TEST_CREDENTIALS } from './support/server-env';

// Whatever is pasted, the decoder answers: a decoded token or a reason, never an exception, and
// only sane values. Inputs range from random text to valid tokens with bytes flipped or cut.

const credentials = TEST_CREDENTIALS;
const minted = [
  mintRtcToken(credentials, 'demo', { kind: 'uid', uid: 42 }, 'publisher', 600).token,
  mintRtcToken(credentials, 'x y', { kind: 'userAccount', account: 'alice' }, 'subscriber', 60).token,
  mintRtmToken(credentials, 'bob', 60).token,
];
const contents = minted.map((token) => inflateSync(Buffer.from(token.slice(3), 'base64')));
const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const isUint = (value: number, max: number) => Number.isInteger(value) && value >= 0 && value <= max;

/** The invariants every answer keeps. */
function expectSane(result: TokenInspection) {
  if (!result.ok) {
    expect(typeof result.reason).toBe('string');
    expect(result.reason).toMatch(/^[A-Z].*[.)]$/s);
    return;
  }
  const { token } = result;
  expect(typeof token.appId).toBe('string');
  expect(isUint(token.salt, 0xffffffff)).toBe(true);
  if (token.version === '007') {
    expect(isUint(token.issuedAt, 0xffffffff) && isUint(token.expire, 0xffffffff)).toBe(true);
    for (const service of token.services) {
      expect(Object.values(service.privileges).every((value) => isUint(value, 0xffffffff))).toBe(true);
    }
  } else {
    expect(isUint(token.channelCrc32, 0xffffffff) && isUint(token.uidCrc32, 0xffffffff)).toBe(true);
  }
}

async function check(input: string) {
  expectSane(await inspectToken(input));
}

const RUNS = { numRuns: 400 };

describe('the decoder never throws and always says why (fast-check)', () => {
  it('arbitrary text, including huge and unicode input', async () => {
    await fc.assert(fc.asyncProperty(fc.string({ unit: 'grapheme', maxLength: 5000 }), check), RUNS);
  });

  it('"007" or "006" + App ID, followed by base64 of random bytes', async () => {
    const prefix = fc.constantFrom('007', `006${TEST_APP_ID}`);
    await fc.assert(
      fc.asyncProperty(prefix, fc.uint8Array({ maxLength: 3000 }), (head, bytes) => check(head + base64(bytes))),
      RUNS,
    );
  });

  it('"007" + valid zlib around random bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), (bytes) => check('007' + base64(deflateSync(bytes)))),
      RUNS,
    );
  });

  it('real token contents with bytes changed, cut short or extended, then compressed again', async () => {
    const mutation = fc.record({
      content: fc.constantFrom(...contents),
      flips: fc.array(fc.record({ at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }), { maxLength: 6 }),
      cut: fc.option(fc.nat()),
      extra: fc.uint8Array({ maxLength: 20 }),
    });
    await fc.assert(
      fc.asyncProperty(mutation, ({ content, flips, cut, extra }) => {
        const bytes = Buffer.concat([content, extra]);
        for (const { at, value } of flips) bytes[at % bytes.length] = value;
        const kept = cut === null ? bytes : bytes.subarray(0, cut % (bytes.length + 1));
        return check('007' + base64(deflateSync(kept)));
      }),
      RUNS,
    );
  });

  it('real tokens with characters replaced or the end cut off', async () => {
    const alphabet = fc.constantFrom(...'ABCxyz019+/= -_%"'.split(''));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...minted), fc.nat(), alphabet, fc.nat(), async (token, at, character, cut) => {
        const index = at % token.length;
        await check(token.slice(0, index) + character + token.slice(index + 1));
        await check(token.slice(0, cut % (token.length + 1)));
      }),
      RUNS,
    );
  });
});
