import { ERROR_CODES, type ErrorCode } from '@/lib/shared/error-codes';
import { deflateSync, inflateSync } from 'node:zlib';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AccessToken } from 'agora-token/src/AccessToken';
import { localCertificate } from '@/lib/server/credentials';
import { inspectPageConfig } from '@/lib/server/inspect-page-config';
import { mintRtcToken } from '@/lib/server/mint';
import { issueInspectTicket, issuePageTicket, verifyInspectTicket } from '@/lib/server/page-ticket';
import { setRateLimiterFactory } from '@/lib/server/rate-limit';
import * as inspect from '@/app/api/inspect/route';
import * as rtc from '@/app/api/rtc/[...segments]/route';
import { TEST_APP_CERTIFICATE, TEST_APP_ID, TEST_CREDENTIALS, withServerEnv } from '../support/server-env';

// POST /api/inspect: the inspector's signature check. One boolean for tokens of this server's App
// ID, JSON 4xx for everything else, the token routes' rate limit and key rules, nothing logged.

let address = 0;
async function verify(body: unknown, headers: Record<string, string> = {}) {
  const response = await inspect.POST(
    new Request('http://localhost/api/inspect', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.1.0.${++address % 250}`, ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }),
  );
  return { status: response.status, headers: response.headers, body: await response.json() };
}

async function mintedByRoute(
  path = '/api/rtc/demo/publisher/uid/1234/?expiry=600',
  headers: Record<string, string> = {},
) {
  const response = await rtc.GET(
    new Request(`http://localhost${path}`, { headers: { 'x-forwarded-for': `10.2.0.${++address % 250}`, ...headers } }),
  );
  return { status: response.status, body: await response.json() };
}

/** Changes the channel inside a genuine token and compresses it again: readable, wrongly signed. */
function withChannelChanged(token: string): string {
  const content = inflateSync(Buffer.from(token.slice(3), 'base64'));
  const at = content.indexOf(Buffer.from('demo'));
  content.write('dema', at);
  return '007' + deflateSync(content).toString('base64');
}

withServerEnv({ RATE_LIMIT_TOKENS_PER_MINUTE: '0' });
beforeEach(() =>
  setRateLimiterFactory((bucket, points) => new RateLimiterMemory({ keyPrefix: bucket, points, duration: 60 })),
);
afterEach(() => vi.restoreAllMocks());

describe("POST /api/inspect answers valid or not for this server's tokens", () => {
  it('local mode: a token this server minted is valid; the same token with its channel changed is not', async () => {
    const { rtcToken } = (await mintedByRoute()).body;
    const ours = await verify({ token: rtcToken });
    expect(ours).toMatchObject({ status: 200, body: { valid: true } });
    expect(ours.headers.get('cache-control')).toBe('no-store');
    expect(await verify({ token: withChannelChanged(rtcToken) })).toMatchObject({
      status: 200,
      body: { valid: false },
    });
  });

  it('Agora mode: valid for our certificate, not for a token signed with another certificate', async () => {
    // One for the same App ID.
    vi.stubEnv('AGORA_APP_ID', TEST_APP_ID);
    vi.stubEnv('AGORA_APP_CERTIFICATE', TEST_APP_CERTIFICATE);
    const { rtcToken } = (await mintedByRoute()).body;
    expect((await verify({ token: `  ${rtcToken}\n` })).body).toEqual({ valid: true });
    const forged = mintRtcToken(
      { mode: 'agora', appId: TEST_APP_ID, appCertificate: 'f'.repeat(32) },
      'demo',
      { kind: 'uid', uid: 1234 },
      'publisher',
      600,
    ).token;
    expect((await verify({ token: forged })).body).toEqual({ valid: false });
  });

  it('never writes the token to the log', async () => {
    const logged = vi.fn();
    for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const)
      vi.spyOn(console, method).mockImplementation(logged);
    const { rtcToken } = (await mintedByRoute()).body;
    await verify({ token: rtcToken });
    await verify({ token: withChannelChanged(rtcToken) });
    await verify({ token: rtcToken.slice(0, 40) });
    expect(logged).not.toHaveBeenCalled();
  });
});

describe('everything else is a JSON 4xx that says why, never a 500', () => {
  it.each([
    ['garbage', { token: 'hello' }, 'unreadable_token', /^Agora tokens start with "007"/],
    [
      'a damaged token',
      { token: '007eJxTYGBkAgAAiAAk' },
      'unreadable_token',
      /^This 007 token cannot be read\. The token's content ends early/,
    ],
    ['no token field', { tok: 'x' }, 'invalid_field', /^token must be a string/],
    ['a token that is not a string', { token: 7 }, 'invalid_field', /^token must be a string/],
    ['malformed JSON', '{"token":', 'invalid_json', /^request body is not valid JSON/],
    [
      'a token over 4096 characters',
      { token: `007${'A'.repeat(5000)}` },
      'field_too_large',
      /^token is longer than 4096 characters/,
    ],
    [
      'a body over 8 KiB',
      { token: 'x', pad: 'y'.repeat(9000) },
      'body_too_large',
      /^request body is larger than 8192 bytes$/,
    ],
  ] as [string, unknown, ErrorCode, RegExp][])('%s → %s', async (_label, body, code, error) => {
    const answer = await verify(body);
    expect(answer.status).toBe(ERROR_CODES[code].status);
    expect(answer.body.code).toBe(code);
    expect(answer.body.error).toMatch(error);
  });

  it('a token for another App ID, or a 006 token, cannot be checked here, and the answer says so', async () => {
    const foreign = mintRtcToken(TEST_CREDENTIALS, 'demo', { kind: 'uid', uid: 1 }, 'publisher', 60).token;
    const other = await verify({ token: foreign });
    expect(other.status).toBe(400);
    expect(other.body.code).toBe('foreign_app_id');
    expect(other.body.error).toMatch(
      new RegExp(`^the token is for App ID ${TEST_APP_ID}; this server holds the App Certificate of [0-9a-f]{32} only`),
    );
    const legacy = new AccessToken(TEST_APP_ID, TEST_APP_CERTIFICATE, 'demo', 1).build();
    expect((await verify({ token: legacy })).body).toMatchObject({
      code: 'unsupported_token',
      error: expect.stringMatching(/verifies AccessToken2 \(007\) tokens only$/),
    });
  });

  it('other methods get a JSON 405', async () => {
    const response = await inspect.GET(new Request('http://localhost/api/inspect'));
    expect(response.status).toBe(405);
    expect(await response.json()).toEqual({
      error: 'method GET is not allowed here; use POST',
      code: 'method_not_allowed',
    });
  });
});

describe("the token routes' rate limit and access rules", () => {
  it("shares the token routes' per-client limit: over it, 429 with Retry-After", async () => {
    vi.stubEnv('RATE_LIMIT_TOKENS_PER_MINUTE', '2');
    const client = { 'x-forwarded-for': '203.0.113.30' };
    expect((await mintedByRoute(undefined, client)).status).toBe(200);
    const rtcToken = (await mintedByRoute(undefined, { 'x-forwarded-for': '203.0.113.31' })).body.rtcToken;
    expect((await verify({ token: rtcToken }, client)).status).toBe(200);
    const limited = await verify({ token: rtcToken }, client);
    expect(limited.status).toBe(429);
    expect(limited.body.error).toMatch(/^too many token requests from this client \(limit 2 a minute\)/);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  describe('with TOKEN_API_KEYS set', () => {
    beforeEach(() => vi.stubEnv('TOKEN_API_KEYS', 'key-one'));
    const token = async () =>
      (await mintedByRoute(undefined, { authorization: 'Bearer key-one' })).body.rtcToken as string;

    it("needs an API key (401 with WWW-Authenticate otherwise) or the inspector page's ticket", async () => {
      const rtcToken = await token();
      const none = await verify({ token: rtcToken });
      expect(none.status).toBe(401);
      expect(none.headers.get('www-authenticate')).toBe('Bearer');
      expect((await verify({ token: rtcToken }, { authorization: 'Bearer key-two' })).body.error).toBe(
        'the API key is not valid',
      );
      expect((await verify({ token: rtcToken }, { authorization: 'Bearer key-one' })).body).toEqual({ valid: true });
      const ticket = inspectPageConfig().inspectTicket!;
      expect((await verify({ token: rtcToken }, { 'x-call-ticket': ticket })).body).toEqual({ valid: true });
    });

    it('tickets do not stand in for each other', async () => {
      // A call page ticket cannot verify, an inspector ticket cannot mint.
      const rtcToken = await token();
      expect(
        (
          await verify(
            { token: rtcToken },
            { 'x-call-ticket': issuePageTicket({ channel: 'demo', uids: [1] }, localCertificate()) },
          )
        ).status,
      ).toBe(401);
      expect(
        (
          await mintedByRoute('/api/rtc/demo/publisher/uid/1/', {
            'x-call-ticket': issueInspectTicket(localCertificate()),
          })
        ).status,
      ).toBe(401);
    });

    it('inspector tickets expire after 12 h and are bound to the signing secret', () => {
      const now = 1_800_000_000;
      const ticket = issueInspectTicket(localCertificate(), now);
      expect(verifyInspectTicket(ticket, localCertificate(), now + 3600)).toBe(true);
      expect(verifyInspectTicket(ticket, localCertificate(), now + 12 * 3600)).toBe(false);
      expect(verifyInspectTicket(ticket, 'f'.repeat(32), now)).toBe(false);
      expect(verifyInspectTicket(null, localCertificate(), now)).toBe(false);
    });
  });
});

describe("the inspector page's configuration", () => {
  it('local mode: the local App ID to compare and verify against, a ticket, never the certificate', () => {
    const config = inspectPageConfig();
    expect(config).toMatchObject({
      mode: 'local',
      joinAppId: '0c0a1d0e0000400080000000000000a1',
      verifiableAppId: '0c0a1d0e0000400080000000000000a1',
    });
    expect(verifyInspectTicket(config.inspectTicket, localCertificate())).toBe(true);
    expect(JSON.stringify(config)).not.toContain(localCertificate());
  });

  it('misconfigured (Vercel without credentials): no App ID to verify against, no ticket', () => {
    vi.stubEnv('VERCEL', '1');
    expect(inspectPageConfig()).toEqual({ mode: null, joinAppId: null, verifiableAppId: null, inspectTicket: null });
  });
});
