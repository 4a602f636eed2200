import { beforeEach, describe, expect, it, vi } from 'vitest';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { localCertificate } from '@/lib/server/credentials';
import { issuePageTicket, readPageTicket } from '@/lib/server/page-ticket';
import { setRateLimiterFactory } from '@/lib/server/rate-limit';
import * as rtc from '@/app/api/rtc/[...segments]/route';
import * as rtm from '@/app/api/rtm/[uid]/route';
import * as rte from '@/app/api/rte/[...segments]/route';
import * as postToken from '@/app/api/token/route';
import * as localJoin from '@/app/api/local/join/route';
import { TEST_APP_CERTIFICATE, TEST_APP_ID, withServerEnv } from '../support/server-env';

let ip = 0;
/** Each request from its own address unless a test says otherwise, so limits do not leak across tests. */
async function get(
  handler: (request: Request) => Response | Promise<Response>,
  path: string,
  headers: Record<string, string> = {},
) {
  const response = await handler(
    new Request(`http://localhost${path}`, { headers: { 'x-forwarded-for': `10.0.0.${++ip % 250}`, ...headers } }),
  );
  return { status: response.status, headers: response.headers, body: await response.json() };
}

withServerEnv();
beforeEach(() => {
  setRateLimiterFactory((bucket, points) => new RateLimiterMemory({ keyPrefix: bucket, points, duration: 60 }));
});

describe('API keys', () => {
  beforeEach(() => vi.stubEnv('TOKEN_API_KEYS', 'key-one, key-two'));

  it('refuses callers without a key with 401 and WWW-Authenticate, and wrong keys too', async () => {
    const none = await get(rtc.GET, '/api/rtc/room/publisher/uid/1/');
    expect(none.status).toBe(401);
    expect(none.body).toEqual({
      error: 'this token API requires an API key: send Authorization: Bearer <key>',
      code: 'api_key_required',
    });
    expect(none.headers.get('www-authenticate')).toBe('Bearer');
    const wrong = await get(rtc.GET, '/api/rtc/room/publisher/uid/1/', { authorization: 'Bearer key-three' });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toEqual({ error: 'the API key is not valid', code: 'api_key_invalid' });
  });

  it('accepts any configured key', async () => {
    expect((await get(rtc.GET, '/api/rtc/room/publisher/uid/1/', { authorization: 'Bearer key-two' })).status).toBe(
      200,
    );
    expect((await get(rtm.GET, '/api/rtm/bob/', { authorization: 'bearer key-one' })).status).toBe(200);
  });

  it("accepts this app's own call page by its ticket: RTC for its channel and uids, RTM for its uids", async () => {
    // Nothing broader.
    const ticket = { 'x-call-ticket': issuePageTicket({ channel: 'room', uids: [11, 22] }, localCertificate()) };
    expect((await get(rtc.GET, '/api/rtc/room/publisher/uid/11/', ticket)).status).toBe(200);
    expect((await get(rtc.GET, '/api/rtc/room/publisher/uid/22/', ticket)).status).toBe(200);
    expect((await get(rtm.GET, '/api/rtm/11/', ticket)).status).toBe(200);
    expect((await get(rte.GET, '/api/rte/room/publisher/uid/11/', ticket)).status).toBe(200);
    // Another channel, another uid, "any uid" (0), an RTM id that is not the page's: refused.
    expect((await get(rtc.GET, '/api/rtc/other/publisher/uid/11/', ticket)).body.code).toBe('api_key_required');
    expect((await get(rtc.GET, '/api/rtc/other/publisher/uid/11/', ticket)).status).toBe(401);
    expect((await get(rtc.GET, '/api/rtc/room/publisher/uid/12/', ticket)).status).toBe(401);
    expect((await get(rtc.GET, '/api/rtc/room/publisher/uid/0/', ticket)).status).toBe(401);
    expect((await get(rtm.GET, '/api/rtm/bob/', ticket)).status).toBe(401);
    expect((await get(rte.GET, '/api/rte/room/publisher/uid/11/victim/', ticket)).status).toBe(401);
  });

  it('page tickets expire, cannot be edited, and are bound to the signing secret', () => {
    const now = 1_800_000_000;
    const ticket = issuePageTicket({ channel: 'room', uids: [11, 22] }, localCertificate(), now);
    expect(readPageTicket(ticket, localCertificate(), now + 3600)).toEqual({
      channel: 'room',
      uids: [11, 22],
      browser: null,
    });
    expect(readPageTicket(ticket, localCertificate(), now + 13 * 3600)).toBeNull();
    expect(readPageTicket(ticket, 'f'.repeat(32), now)).toBeNull();
    const [, signature] = ticket.split('.');
    const widened = Buffer.from(JSON.stringify({ c: 'room', u: [11, 22, 33], e: now + 3600 })).toString('base64url');
    expect(readPageTicket(`${widened}.${signature}`, localCertificate(), now)).toBeNull();
    expect(readPageTicket('garbage', localCertificate(), now)).toBeNull();
  });
});

describe('policy', () => {
  it('TOKEN_CHANNEL_PATTERN limits channel names (whole-name match)', async () => {
    vi.stubEnv('TOKEN_CHANNEL_PATTERN', '[a-z]+-[0-9]+');
    expect((await get(rtc.GET, '/api/rtc/team-42/publisher/uid/1/')).status).toBe(200);
    const refused = await get(rtc.GET, '/api/rtc/team-42x/publisher/uid/1/');
    expect(refused.status).toBe(403);
    expect(refused.body).toEqual({
      error: `channel "team-42x" is not allowed by this server's policy (TOKEN_CHANNEL_PATTERN)`,
      code: 'channel_not_allowed',
    });
    vi.stubEnv('TOKEN_CHANNEL_PATTERN', '([');
    const misconfigured = await get(rtc.GET, '/api/rtc/team-42/publisher/uid/1/');
    expect(misconfigured.status).toBe(503);
    expect(misconfigured.body).toMatchObject({
      code: 'not_configured',
      error: expect.stringContaining('TOKEN_CHANNEL_PATTERN'),
    });
  });

  it('TOKEN_ALLOW_PUBLISHER=false leaves only subscriber tokens', async () => {
    vi.stubEnv('TOKEN_ALLOW_PUBLISHER', 'false');
    const publisher = await get(rtc.GET, '/api/rtc/room/publisher/uid/1/');
    expect(publisher.status).toBe(403);
    expect(publisher.body.code).toBe('publisher_disabled');
    expect(publisher.body.error).toMatch(/publisher tokens are disabled/);
    expect((await get(rtc.GET, '/api/rtc/room/subscriber/uid/1/')).status).toBe(200);
  });

  it('TOKEN_MAX_EXPIRY_SECONDS caps lifetimes and becomes the default', async () => {
    vi.stubEnv('TOKEN_MAX_EXPIRY_SECONDS', '600');
    const over = await get(rtc.GET, '/api/rtc/room/publisher/uid/1/?expiry=601');
    expect(over.status).toBe(403);
    expect(over.body).toEqual({
      error: "expiry 601 s exceeds this server's maximum of 600 s (TOKEN_MAX_EXPIRY_SECONDS)",
      code: 'expiry_too_long',
    });
    expect((await get(rtc.GET, '/api/rtc/room/publisher/uid/1/')).body.expiry).toBe(600);
    const posted = await postToken.POST(
      new Request('http://localhost/api/token', {
        method: 'POST',
        body: JSON.stringify({ tokenType: 'rtm', uid: 'u', expire: 900 }),
      }),
    );
    expect(posted.status).toBe(403);
  });
});

describe('rate limits', () => {
  it('cuts one client off with 429 and Retry-After while another is unaffected', async () => {
    vi.stubEnv('RATE_LIMIT_TOKENS_PER_MINUTE', '3');
    const from = (address: string) => ({ 'x-forwarded-for': address });
    for (let i = 0; i < 3; i++)
      expect((await get(rtc.GET, '/api/rtc/room/publisher/uid/1/', from('203.0.113.7'))).status).toBe(200);
    const limited = await get(rtc.GET, '/api/rtc/room/publisher/uid/1/', from('203.0.113.7'));
    expect(limited.status).toBe(429);
    expect(limited.body.code).toBe('rate_limited');
    expect(limited.body.error).toMatch(
      /^too many token requests from this client \(limit 3 a minute\); retry in \d+ s$/,
    );
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await get(rtc.GET, '/api/rtc/room/publisher/uid/1/', from('203.0.113.8'))).status).toBe(200);
  });

  it('on Vercel keys on the platform address, so a client-sent X-Forwarded-For does not help', async () => {
    vi.stubEnv('VERCEL', '1');
    vi.stubEnv('AGORA_APP_ID', TEST_APP_ID);
    vi.stubEnv('AGORA_APP_CERTIFICATE', TEST_APP_CERTIFICATE);
    vi.stubEnv('RATE_LIMIT_TOKENS_PER_MINUTE', '2');
    const spoofing = (n: number) => ({ 'x-real-ip': '198.51.100.9', 'x-forwarded-for': `192.0.2.${n}` });
    expect((await get(rtc.GET, '/api/rtc/room/publisher/uid/1/', spoofing(1))).status).toBe(200);
    expect((await get(rtc.GET, '/api/rtc/room/publisher/uid/1/', spoofing(2))).status).toBe(200);
    expect((await get(rtc.GET, '/api/rtc/room/publisher/uid/1/', spoofing(3))).status).toBe(429);
  });

  it('local signaling has its own limit', async () => {
    vi.stubEnv('RATE_LIMIT_SIGNALING_PER_MINUTE', '2');
    const join = () =>
      localJoin.POST(
        new Request('http://localhost/api/local/join', {
          method: 'POST',
          headers: { 'x-forwarded-for': '203.0.113.50' },
          body: '{}',
        }),
      );
    expect((await join()).status).toBe(400);
    expect((await join()).status).toBe(400);
    expect((await join()).status).toBe(429);
  });

  it("a client flooding the signaling is cut off without touching another participant's signaling", async () => {
    vi.stubEnv('RATE_LIMIT_SIGNALING_PER_MINUTE', '5');
    const from = (address: string) =>
      localJoin.POST(
        new Request('http://localhost/api/local/join', {
          method: 'POST',
          headers: { 'x-forwarded-for': address },
          body: '{}',
        }),
      );
    const flood = [];
    for (let i = 0; i < 20; i++) flood.push((await from('203.0.113.70')).status);
    expect(flood.filter((status) => status === 429)).toHaveLength(15);
    expect((await from('203.0.113.71')).status).toBe(400); // refused for its empty body, not rate-limited
  });

  it('0 turns a limit off', async () => {
    vi.stubEnv('RATE_LIMIT_TOKENS_PER_MINUTE', '0');
    for (let i = 0; i < 5; i++)
      expect((await get(rtc.GET, '/api/rtc/room/publisher/uid/1/', { 'x-forwarded-for': '203.0.113.99' })).status).toBe(
        200,
      );
  });
});
