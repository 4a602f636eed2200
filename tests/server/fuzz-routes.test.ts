// Property-based fuzzing of every API route (fast-check). Invariants: never a 5xx, always JSON,
// a token only for valid input, and every minted token decodes to exactly the requested claims.
import { ERROR_CODES, isErrorCode, type ErrorCode } from '@/lib/shared/error-codes';
import { inflateSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeAccessToken } from '@/lib/server/access-token';
import { LOCAL_DEV_APP_ID, localCertificate } from '@/lib/server/credentials';
import * as rtc from '@/app/api/rtc/[...segments]/route';
import * as rte from '@/app/api/rte/[...segments]/route';
import * as rtm from '@/app/api/rtm/[uid]/route';
import * as chatAccount from '@/app/api/chat/account/[chatid]/route';
import * as postToken from '@/app/api/token/route';
import * as unknown from '@/app/api/[...path]/route';
import * as localJoin from '@/app/api/local/join/route';
import * as localSignal from '@/app/api/local/signal/route';
import * as localPublish from '@/app/api/local/publish/route';
import * as localRole from '@/app/api/local/role/route';
import * as rtmLogin from '@/app/api/local/rtm/login/route';
import * as rtmSubscribe from '@/app/api/local/rtm/subscribe/route';
import * as rtmState from '@/app/api/local/rtm/state/route';
import * as rtmPublish from '@/app/api/local/rtm/publish/route';
import * as rtmRenew from '@/app/api/local/rtm/renew/route';
import * as inspect from '@/app/api/inspect/route';
import * as rooms from '@/app/api/rooms/route';
import * as room from '@/app/api/rooms/[channel]/route';
import { hostKey } from '@/lib/server/rooms/host-key';
import { issuePageTicket } from '@/lib/server/page-ticket';
import { withServerEnv } from '../support/server-env';

// An independent statement of the rules (the oracle), not the validation module under test.
const NAME = /^[a-zA-Z0-9 !#$%&()+\-:;<=.>?@[\]^_{}|~,]+$/;
const validName = (text: string, max: number) => NAME.test(text) && text.length <= max && text !== '.' && text !== '..';
const validUid = (text: string) => /^(0|[1-9][0-9]{0,9})$/.test(text) && Number(text) <= 4294967295;
const validExpiry = (text: string | undefined) =>
  text === undefined || (/^[1-9][0-9]{0,5}$/.test(text) && Number(text) <= 86400);
const ROLE: Record<string, 'publisher' | 'subscriber'> = {
  publisher: 'publisher',
  '1': 'publisher',
  subscriber: 'subscriber',
  '2': 'subscriber',
};

const segment = fc.oneof(
  fc.constantFrom(
    'publisher',
    'subscriber',
    '1',
    '2',
    '0',
    '3',
    'uid',
    'userAccount',
    'UID',
    '4294967295',
    '4294967296',
    '-1',
    '007',
    '1e3',
    '..',
    '%',
    '',
    ' ',
  ),
  fc.stringMatching(/^[a-zA-Z0-9 !#$%&()+:;<=>?@^_{}|~,.-]{1,70}$/),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.string({ minLength: 60, maxLength: 400 }),
);
// "." and ".." are resolved away by URL parsing before any route sees them (a different request),
// so properties that map a segment to a position leave them out; validation.test.ts covers them.
const positional = segment.filter((text) => text !== '.' && text !== '..');
const expiry = fc.option(fc.oneof(fc.integer({ min: -5, max: 100_000 }).map(String), fc.string({ maxLength: 8 })), {
  nil: undefined,
});

async function call(handler: (request: Request) => Response | Promise<Response>, url: string, init?: RequestInit) {
  const response = await handler(new Request(url, init));
  const text = await response.text();
  expect(response.status, `${url} → ${response.status} ${text}`).toBeLessThan(500);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  expect(response.headers.get('cache-control')).toBe('no-store');
  const body = JSON.parse(text);
  if (response.status >= 400) {
    // Every error answer carries a sentence and a code from the one table, with that code's status.
    expect(typeof body.error, text).toBe('string');
    expect(isErrorCode(body.code), text).toBe(true);
    expect(response.status, text).toBe(ERROR_CODES[body.code as ErrorCode].status);
  }
  return { status: response.status, body };
}

const pathOf = (segments: string[]) => segments.map((part) => encodeURIComponent(part)).join('/');
const query = (value: string | undefined) => (value === undefined ? '' : `?expiry=${encodeURIComponent(value)}`);

withServerEnv({ RATE_LIMIT_TOKENS_PER_MINUTE: '0', RATE_LIMIT_SIGNALING_PER_MINUTE: '0' });

describe('fuzz: GET /api/rtc', () => {
  it('answers every path with JSON below 500, and mints exactly what was asked, only for valid input', async () => {
    await fc.assert(
      fc.asyncProperty(
        positional,
        positional,
        positional,
        positional,
        expiry,
        async (channel, role, tokenType, uid, expirySeconds) => {
          const { status, body } = await call(
            rtc.GET,
            `http://localhost/api/rtc/${pathOf([channel, role, tokenType, uid])}/${query(expirySeconds)}`,
          );
          const identityValid =
            tokenType === 'uid' ? validUid(uid) : tokenType === 'userAccount' && validName(uid, 255);
          const valid = validName(channel, 64) && role in ROLE && identityValid && validExpiry(expirySeconds);
          expect(status === 200, JSON.stringify({ channel, role, tokenType, uid, expirySeconds, body })).toBe(valid);
          if (status !== 200) {
            expect(typeof body.error).toBe('string');
            return;
          }
          const lifetime = expirySeconds === undefined ? 86400 : Number(expirySeconds);
          const decoded = decodeAccessToken(body.rtcToken, localCertificate())!;
          expect(decoded.appId).toBe(LOCAL_DEV_APP_ID);
          expect(decoded.expire).toBe(lifetime);
          const privileges =
            ROLE[role] === 'publisher' ? { 1: lifetime, 2: lifetime, 3: lifetime, 4: lifetime } : { 1: lifetime };
          expect(decoded.rtc).toEqual([{ channel, uid: uid === '0' && tokenType === 'uid' ? '' : uid, privileges }]);
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe('fuzz: other GET routes', () => {
  it('rte, rtm and chat never fail with 5xx and mint only valid ids', async () => {
    await fc.assert(
      fc.asyncProperty(positional, positional, expiry, async (id, rtmId, expirySeconds) => {
        const rtmRes = await call(
          rtm.GET,
          `http://localhost/api/rtm/${encodeURIComponent(id)}/${query(expirySeconds)}`,
        );
        expect(rtmRes.status === 200).toBe(
          validName(id, 64) && Buffer.byteLength(id) <= 64 && validExpiry(expirySeconds),
        );
        if (rtmRes.status === 200)
          expect(decodeAccessToken(rtmRes.body.rtmToken, localCertificate())!.rtm[0]!.userId).toBe(id);

        const chatRes = await call(
          chatAccount.GET,
          `http://localhost/api/chat/account/${encodeURIComponent(id)}/${query(expirySeconds)}`,
        );
        expect(chatRes.status === 200).toBe(
          /^[a-zA-Z0-9_.-]{1,64}$/.test(id) && id !== '.' && id !== '..' && validExpiry(expirySeconds),
        );

        const rteRes = await call(
          rte.GET,
          `http://localhost/api/rte/demo/publisher/uid/7/${encodeURIComponent(rtmId)}/${query(expirySeconds)}`,
        );
        expect(rteRes.status === 200).toBe(validName(rtmId, 64) && validExpiry(expirySeconds));
      }),
      { numRuns: 300 },
    );
  });

  it('unknown paths are JSON 404s, whatever they contain', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(segment, { maxLength: 6 }), async (segments) => {
        const { status } = await call(
          unknown.GET,
          `http://localhost/api/x${segments.length ? '/' : ''}${pathOf(segments)}`,
        );
        expect([400, 404]).toContain(status);
      }),
      { numRuns: 200 },
    );
  });
});

const jsonValue = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.integer(), { maxLength: 3 }),
);

describe('fuzz: JSON bodies', () => {
  it('POST /api/token: random bodies never 5xx; minted tokens match the body', async () => {
    const body = fc.oneof(
      fc
        .record(
          {
            tokenType: fc.oneof(fc.constantFrom('rtc', 'rtm', 'chat'), jsonValue),
            channel: fc.oneof(fc.stringMatching(/^[a-z0-9 -]{1,70}$/), jsonValue),
            role: fc.oneof(fc.constantFrom('publisher', 'subscriber', '1', '2', 1, 2), jsonValue),
            uid: fc.oneof(
              fc.integer({ min: -1, max: 5_000_000_000 }),
              fc.stringMatching(/^[a-z0-9]{0,70}$/),
              jsonValue,
            ),
            expire: fc.oneof(fc.integer({ min: -1, max: 100_000 }), jsonValue),
          },
          { requiredKeys: [] },
        )
        .map((value) => JSON.stringify(value)),
      fc.json({ maxDepth: 3 }),
      fc.string({ maxLength: 200 }),
    );
    await fc.assert(
      fc.asyncProperty(body, async (text) => {
        const { status, body: answer } = await call(postToken.POST, 'http://localhost/api/token', {
          method: 'POST',
          body: text,
        });
        expect([200, 400, 413]).toContain(status);
        if (status !== 200) return;
        const sent = JSON.parse(text);
        const decoded = decodeAccessToken(answer.token, localCertificate())!;
        const lifetime = Number(sent.expire ?? 86400); // "1" is accepted as 1
        expect(decoded.expire).toBe(lifetime);
        if (sent.tokenType === 'rtc') {
          expect(decoded.rtc).toHaveLength(1);
          expect(decoded.rtc[0]!.channel).toBe(sent.channel);
          expect(decoded.rtc[0]!.uid).toBe(String(sent.uid) === '0' ? '' : String(sent.uid));
          expect(Object.keys(decoded.rtc[0]!.privileges).length).toBe(ROLE[String(sent.role)] === 'publisher' ? 4 : 1);
        } else if (sent.tokenType === 'rtm') {
          expect(decoded.rtm[0]!.userId).toBe(String(sent.uid));
        } else {
          expect(decoded.chat).toHaveLength(1);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('local signaling routes: random bodies never 5xx', async () => {
    const body = fc.oneof(
      fc.json({ maxDepth: 3 }),
      fc.string({ maxLength: 200 }),
      fc.record({ session: jsonValue, to: jsonValue, data: fc.json() }).map((v) => JSON.stringify(v)),
      fc
        .record({
          session: jsonValue,
          channel: jsonValue,
          state: fc.json(),
          message: jsonValue,
          userId: jsonValue,
          connection: jsonValue,
          token: jsonValue,
          role: jsonValue,
        })
        .map((v) => JSON.stringify(v)),
    );
    const handlers = [
      localJoin.POST,
      localSignal.POST,
      localPublish.POST,
      localRole.POST,
      rtmLogin.POST,
      rtmSubscribe.POST,
      rtmState.POST,
      rtmPublish.POST,
      rtmRenew.POST,
    ];
    await fc.assert(
      fc.asyncProperty(body, fc.constantFrom(...handlers), async (text, handler) => {
        const { status } = await call(handler, 'http://localhost/api/local/x', { method: 'POST', body: text });
        expect([400, 401, 403, 404, 409, 413]).toContain(status);
      }),
      { numRuns: 300 },
    );
  });
});

describe('fuzz: rooms', () => {
  it('POST /api/rooms and GET/POST /api/rooms/:channel: random channels, bodies and headers never 5xx', async () => {
    const body = fc.oneof(
      fc.json({ maxDepth: 2 }),
      fc
        .record({
          channel: fc.oneof(jsonValue, fc.constant('room')),
          stage: jsonValue,
          action: fc.oneof(
            jsonValue,
            fc.constantFrom('stage-on', 'stage-off', 'invite', 'move-to-audience', 'accept-invitation', 'leave-stage'),
          ),
          uid: jsonValue,
        })
        .map((v) => JSON.stringify(v)),
    );
    const channel = fc.oneof(fc.constant('room'), positional);
    const headers = fc.record({
      'x-host-key': fc.oneof(fc.constant(hostKey('room', localCertificate())), fc.string({ maxLength: 50 })),
      'x-call-ticket': fc.oneof(
        fc.constant(issuePageTicket({ channel: 'room', uids: [5, 6] }, localCertificate())),
        fc.string({ maxLength: 50 }),
      ),
    });
    await fc.assert(
      fc.asyncProperty(body, channel, headers, fc.nat(2), async (text, name, sent, which) => {
        const url = `http://localhost/api/rooms/${encodeURIComponent(name)}`;
        if (which === 0) await call(rooms.POST, 'http://localhost/api/rooms', { method: 'POST', body: text });
        else if (which === 1) await call(room.GET, url, { headers: sent });
        else await call(room.POST, url, { method: 'POST', body: text, headers: sent });
      }),
      { numRuns: 300 },
    );
  });
});

/**
 * Same signed content: the version, then the zlib stream inflated. Bytes can differ while the content
 * does not: a base64 character's unused low bits, the padding bits after deflate's last code, or a
 * byte after the stream's end (a replaced "="), and agora-token reads all of those as the same token.
 */
const signedContent = (token: string) => {
  try {
    return inflateSync(Buffer.from(token.slice(3), 'base64'));
  } catch {
    return null;
  }
};
const sameContent = (a: string, b: string) =>
  a.slice(0, 3) === b.slice(0, 3) && (signedContent(a)?.equals(signedContent(b)!) ?? false);

describe('fuzz: POST /api/inspect', () => {
  it('random bodies and damaged tokens: JSON below 500; "valid" only for the bytes this server minted', async () => {
    const minted = (await call(rtc.GET, 'http://localhost/api/rtc/fuzz/publisher/uid/7/')).body.rtcToken as string;
    const damaged = fc
      .tuple(fc.nat(), fc.constantFrom(...'AZaz09+/=-_ %"'.split('')))
      .map(
        ([at, character]) => minted.slice(0, at % minted.length) + character + minted.slice((at % minted.length) + 1),
      );
    const token = fc.oneof(fc.constant(minted), damaged, jsonValue, fc.string({ unit: 'grapheme', maxLength: 300 }));
    const body = fc.oneof(
      token.map((value) => JSON.stringify({ token: value })),
      fc.json({ maxDepth: 2 }),
      fc.string({ maxLength: 200 }),
    );
    await fc.assert(
      fc.asyncProperty(body, async (text) => {
        const { status, body: answer } = await call(inspect.POST, 'http://localhost/api/inspect', {
          method: 'POST',
          body: text,
        });
        expect([200, 400, 413]).toContain(status);
        if (status === 200) expect(answer).toEqual({ valid: sameContent(JSON.parse(text).token.trim(), minted) });
        else expect(typeof answer.error).toBe('string');
      }),
      { numRuns: 300 },
    );
  });
});
