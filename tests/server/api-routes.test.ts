import { describe, expect, it, vi } from 'vitest';
import { decodeAccessToken } from '@/lib/server/access-token';
import { LOCAL_DEV_APP_ID, localCertificate } from '@/lib/server/credentials';
import * as ping from '@/app/api/ping/route';
import * as health from '@/app/api/health/route';
import * as rtc from '@/app/api/rtc/[...segments]/route';
import * as rte from '@/app/api/rte/[...segments]/route';
import * as rtm from '@/app/api/rtm/[uid]/route';
import * as chatApp from '@/app/api/chat/app/route';
import * as chatAccount from '@/app/api/chat/account/[chatid]/route';
import * as postToken from '@/app/api/token/route';
import * as getToken from '@/app/api/getToken/route';
import * as unknown from '@/app/api/[...path]/route';
import { TEST_APP_CERTIFICATE, TEST_APP_ID, withServerEnv } from '../support/server-env';

type Handler = (request: Request) => Promise<Response> | Response;

async function call(handler: Handler, path: string, init: RequestInit = {}) {
  const response = await handler(new Request(`http://localhost${path}`, init));
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, body: text ? JSON.parse(text) : null };
}

const post = (body: unknown, headers: Record<string, string> = {}) => ({
  method: 'POST',
  body: typeof body === 'string' ? body : JSON.stringify(body),
  headers: { 'content-type': 'application/json', ...headers },
});

const now = () => Math.floor(Date.now() / 1000);

withServerEnv({ RATE_LIMIT_TOKENS_PER_MINUTE: '0' });

describe('GET /api/ping', () => {
  it('answers exactly {"message":"pong"} with no-store', async () => {
    const res = await call(ping.GET, '/api/ping');
    expect(res.status).toBe(200);
    expect(res.text).toBe('{"message":"pong"}');
    expect(res.headers.get('cache-control')).toBe('no-store');
  });
});

describe('GET /api/rtc (local mode)', () => {
  it('mints a publisher token bound to channel and uid with the requested expiry', async () => {
    const before = now();
    const res = await call(rtc.GET, '/api/rtc/team%20sync!/publisher/uid/4294967295/?expiry=600');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const { rtcToken, ...rest } = res.body;
    expect(rest).toEqual({
      channel: 'team sync!',
      uid: 4294967295,
      role: 'publisher',
      appId: LOCAL_DEV_APP_ID,
      expiry: 600,
      expiresAt: expect.any(Number),
      mode: 'local',
    });
    const decoded = decodeAccessToken(rtcToken, localCertificate())!;
    expect(decoded).not.toBeNull();
    expect(decoded.appId).toBe(LOCAL_DEV_APP_ID);
    expect(decoded.expire).toBe(600);
    expect(decoded.rtc).toEqual([
      { channel: 'team sync!', uid: '4294967295', privileges: { 1: 600, 2: 600, 3: 600, 4: 600 } },
    ]);
    expect(decoded.issuedAt).toBeGreaterThanOrEqual(before);
    expect(rest.expiresAt).toBe(decoded.issuedAt + 600);
  });

  it('mints a join-only subscriber token for a user account, defaulting to 24 h', async () => {
    const res = await call(rtc.GET, '/api/rtc/demo/2/userAccount/alice%40example.com');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ account: 'alice@example.com', role: 'subscriber', expiry: 86400 });
    expect(res.body.uid).toBeUndefined();
    const decoded = decodeAccessToken(res.body.rtcToken, localCertificate())!;
    expect(decoded.rtc).toEqual([{ channel: 'demo', uid: 'alice@example.com', privileges: { 1: 86400 } }]);
  });

  it('uid 0 is encoded as "any uid"', async () => {
    const res = await call(rtc.GET, '/api/rtc/demo/1/uid/0/');
    expect(res.body.uid).toBe(0);
    expect(decodeAccessToken(res.body.rtcToken, localCertificate())!.rtc[0]!.uid).toBe('');
  });

  it.each([
    [
      '/api/rtc/demo/admin/uid/1',
      'invalid_role',
      'role "admin" is not supported; use publisher (or 1) or subscriber (or 2)',
    ],
    [
      '/api/rtc/demo/publisher/account/1',
      'invalid_token_type',
      'tokentype "account" is not supported; use uid or userAccount',
    ],
    ['/api/rtc/demo/publisher/uid/4294967296', 'invalid_uid', 'uid 4294967296 is too large; the maximum is 4294967295'],
    [
      '/api/rtc/demo/publisher/uid/-1',
      'invalid_uid',
      'uid "-1" is not a plain decimal integer; use 0 to 4294967295 without sign, leading zeros, decimals or hex',
    ],
    [
      '/api/rtc/demo/publisher/userAccount/a%2Fb',
      'invalid_account',
      expect.stringMatching(/^userAccount contains "\/"/),
    ],
    [
      '/api/rtc/demo/publisher/uid/1?expiry=0',
      'invalid_expiry',
      'expiry 0 is out of range; use whole seconds from 1 to 86400',
    ],
    [
      '/api/rtc/demo/publisher/uid/1?expiry=86401',
      'invalid_expiry',
      'expiry 86401 is out of range; use whole seconds from 1 to 86400',
    ],
    [
      '/api/rtc/demo/publisher/uid/1?expiry=soon',
      'invalid_expiry',
      'expiry "soon" is not a number; use whole seconds from 1 to 86400',
    ],
    [
      '/api/rtc/demo/publisher/uid/1?expiry=60&expiry=70',
      'invalid_expiry',
      'expiry is given more than once; give it at most once',
    ],
    [
      `/api/rtc/${'a'.repeat(65)}/publisher/uid/1`,
      'invalid_channel',
      'channelName is 65 bytes long; the maximum is 64',
    ],
    [
      '/api/rtc/caf%C3%A9/publisher/uid/1',
      'invalid_channel',
      expect.stringMatching(/^channelName contains "é" \(U\+00E9\), which is not allowed/),
    ],
    ['/api/rtc/a%2Fb/publisher/uid/1', 'invalid_channel', expect.stringMatching(/^channelName contains "\/"/)],
    [
      '/api/rtc/a%zz/publisher/uid/1',
      'invalid_path',
      expect.stringMatching(/^path segment "a%zz" is not valid percent-encoding/),
    ],
  ])('%s → 400 %s with a specific error', async (path, code, error) => {
    const res = await call(rtc.GET, path);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error, code });
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('answers other methods with a JSON 405 and an Allow header', async () => {
    const res = await call(rtc.POST, '/api/rtc/demo/1/uid/1', { method: 'POST' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, OPTIONS');
    expect(res.body).toEqual({ error: 'method POST is not allowed here; use GET', code: 'method_not_allowed' });
  });
});

describe('Agora mode configuration', () => {
  it('signs with the configured credentials and never echoes the certificate', async () => {
    vi.stubEnv('AGORA_APP_ID', TEST_APP_ID);
    vi.stubEnv('AGORA_APP_CERTIFICATE', TEST_APP_CERTIFICATE);
    const res = await call(rtc.GET, '/api/rtc/demo/publisher/uid/42/?expiry=3600');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ appId: TEST_APP_ID, mode: 'agora', uid: 42 });
    const decoded = decodeAccessToken(res.body.rtcToken, TEST_APP_CERTIFICATE)!;
    expect(decoded.appId).toBe(TEST_APP_ID);
    expect(decodeAccessToken(res.body.rtcToken, localCertificate())).toBeNull();
    const everything = res.text + JSON.stringify([...res.headers.entries()]);
    expect(everything.toLowerCase()).not.toContain(TEST_APP_CERTIFICATE);
  });

  it('on Vercel without credentials every token route answers 503 naming the variables', async () => {
    vi.stubEnv('VERCEL', '1');
    const results = [
      await call(rtc.GET, '/api/rtc/demo/1/uid/1'),
      await call(rte.GET, '/api/rte/demo/1/uid/1'),
      await call(rtm.GET, '/api/rtm/bob'),
      await call(chatApp.GET, '/api/chat/app'),
      await call(chatAccount.GET, '/api/chat/account/bob'),
      await call(postToken.POST, '/api/token', post({ tokenType: 'rtm', uid: 'bob' })),
    ];
    for (const res of results) {
      expect(res.status).toBe(503);
      expect(res.body.code).toBe('not_configured');
      expect(res.body.error).toMatch(/set AGORA_APP_ID and AGORA_APP_CERTIFICATE/);
      expect(res.headers.get('cache-control')).toBe('no-store');
    }
  });

  it('malformed or half-set credentials are a 503 that names the variable but not its value', async () => {
    vi.stubEnv('AGORA_APP_ID', 'not-hex-secret-value');
    vi.stubEnv('AGORA_APP_CERTIFICATE', TEST_APP_CERTIFICATE);
    const malformed = await call(rtc.GET, '/api/rtc/demo/1/uid/1');
    expect(malformed.status).toBe(503);
    expect(malformed.body.code).toBe('not_configured');
    expect(malformed.body.error).toContain('AGORA_APP_ID is not 32 hexadecimal characters');
    expect(malformed.text).not.toContain('not-hex-secret-value');
    expect(malformed.text).not.toContain(TEST_APP_CERTIFICATE);

    vi.stubEnv('AGORA_APP_ID', TEST_APP_ID);
    vi.stubEnv('AGORA_APP_CERTIFICATE', '');
    const halfSet = await call(rtc.GET, '/api/rtc/demo/1/uid/1');
    expect(halfSet.status).toBe(503);
    expect(halfSet.body.error).toContain('AGORA_APP_CERTIFICATE is not set');
  });
});

describe('GET /api/rte, /api/rtm, /api/chat', () => {
  it('rte mints RTC and RTM tokens, the RTM id defaulting to the uid', async () => {
    const res = await call(rte.GET, '/api/rte/demo/publisher/uid/5/?expiry=300');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ channel: 'demo', uid: 5, rtmUid: '5', expiry: 300, mode: 'local' });
    expect(decodeAccessToken(res.body.rtcToken, localCertificate())!.rtc[0]).toMatchObject({
      channel: 'demo',
      uid: '5',
    });
    expect(decodeAccessToken(res.body.rtmToken, localCertificate())!.rtm).toEqual([
      { userId: '5', privileges: { 1: 300 } },
    ]);
  });

  it('rte takes a separate RTM user id', async () => {
    const res = await call(rte.GET, '/api/rte/demo/subscriber/uid/5/rtm-bob/');
    expect(res.body.rtmUid).toBe('rtm-bob');
    expect(decodeAccessToken(res.body.rtmToken, localCertificate())!.rtm[0]!.userId).toBe('rtm-bob');
  });

  it('rtm mints a login token and limits ids to 64 bytes', async () => {
    const res = await call(rtm.GET, '/api/rtm/bob?expiry=60');
    expect(res.body).toMatchObject({ uid: 'bob', expiry: 60 });
    expect(decodeAccessToken(res.body.rtmToken, localCertificate())!.rtm).toEqual([
      { userId: 'bob', privileges: { 1: 60 } },
    ]);
    const tooLong = await call(rtm.GET, `/api/rtm/${'r'.repeat(65)}`);
    expect(tooLong.status).toBe(400);
    expect(tooLong.body).toEqual({ error: 'uid is 65 bytes long; the maximum is 64', code: 'invalid_user_id' });
  });

  it('chat app and user tokens carry the right privilege', async () => {
    const app = await call(chatApp.GET, '/api/chat/app/');
    expect(decodeAccessToken(app.body.chatToken, localCertificate())!.chat).toEqual([
      { userId: '', privileges: { 2: 86400 } },
    ]);
    const user = await call(chatAccount.GET, '/api/chat/account/user_1/?expiry=90');
    expect(user.body.chatid).toBe('user_1');
    expect(decodeAccessToken(user.body.chatToken, localCertificate())!.chat).toEqual([
      { userId: 'user_1', privileges: { 1: 90 } },
    ]);
    const bad = await call(chatAccount.GET, '/api/chat/account/a%20b/');
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('invalid_user_id');
  });
});

describe('POST /api/token', () => {
  it('mints rtc tokens from a numeric or string uid, and accounts from other strings', async () => {
    const numeric = await call(
      postToken.POST,
      '/api/token',
      post({ tokenType: 'rtc', channel: 'c1', role: 'publisher', uid: 9, expire: 120 }),
    );
    expect(numeric.status).toBe(200);
    expect(numeric.body).toMatchObject({ tokenType: 'rtc', channel: 'c1', uid: 9, role: 'publisher', expiry: 120 });
    expect(decodeAccessToken(numeric.body.token, localCertificate())!.rtc[0]).toEqual({
      channel: 'c1',
      uid: '9',
      privileges: { 1: 120, 2: 120, 3: 120, 4: 120 },
    });
    const stringUid = await call(
      getToken.POST,
      '/api/getToken',
      post({ tokenType: 'rtc', channel: 'c1', role: 'subscriber', uid: '9' }),
    );
    expect(stringUid.body).toMatchObject({ uid: 9, role: 'subscriber', expiry: 86400 });
    const account = await call(
      postToken.POST,
      '/api/token',
      post({ tokenType: 'rtc', channel: 'c1', role: '1', uid: 'alice' }),
    );
    expect(account.body).toMatchObject({ account: 'alice' });
  });

  it('mints rtm and chat tokens', async () => {
    const rtmRes = await call(postToken.POST, '/api/token', post({ tokenType: 'rtm', uid: 77 }));
    expect(decodeAccessToken(rtmRes.body.token, localCertificate())!.rtm[0]!.userId).toBe('77');
    const chatAppRes = await call(postToken.POST, '/api/token', post({ tokenType: 'chat' }));
    expect(decodeAccessToken(chatAppRes.body.token, localCertificate())!.chat[0]!.privileges).toEqual({ 2: 86400 });
    const chatUserRes = await call(postToken.POST, '/api/token', post({ tokenType: 'chat', uid: 'u1' }));
    expect(decodeAccessToken(chatUserRes.body.token, localCertificate())!.chat[0]!.userId).toBe('u1');
  });

  it.each([
    ['{not json', 'invalid_json', 'request body is not valid JSON'],
    ['[1,2]', 'invalid_json', 'request body must be a JSON object'],
    ['null', 'invalid_json', 'request body must be a JSON object'],
    [{ channel: 'c' }, 'invalid_token_type', 'tokenType is missing; use rtc, rtm or chat'],
    [{ tokenType: 'voice' }, 'invalid_token_type', 'tokenType "voice" is not supported; use rtc, rtm or chat'],
    [{ tokenType: 'rtc', channel: 'c', role: 'publisher' }, 'invalid_uid', 'uid is required for an rtc token'],
    [{ tokenType: 'rtc', channel: 'c', uid: 1 }, 'invalid_role', 'role "undefined" is not supported'],
    [{ tokenType: 'rtc', channel: 'c', role: 'publisher', uid: -3 }, 'invalid_uid', 'uid -3 is out of range'],
    [
      { tokenType: 'rtc', channel: 'c', role: 'publisher', uid: '007' },
      'invalid_uid',
      'uid "007" is not a plain decimal integer',
    ],
    [
      { tokenType: 'rtc', channel: 'c', role: 'publisher', uid: 1, expire: 0 },
      'invalid_expiry',
      'expire 0 is out of range',
    ],
    [
      { tokenType: 'rtc', channel: 'c', role: 'publisher', uid: 1, expire: '1h' },
      'invalid_expiry',
      'expire "1h" is not a number',
    ],
    [{ tokenType: 'rtc', channel: 7, role: 'publisher', uid: 1 }, 'invalid_channel', 'channelName must be a string'],
    [{ tokenType: 'rtm' }, 'invalid_user_id', 'uid must be a string'],
  ])('%j → 400 %s: %s', async (body, code, error) => {
    const res = await call(postToken.POST, '/api/token', post(body));
    expect(res.status).toBe(400);
    expect(res.body.code).toBe(code);
    expect(res.body.error).toContain(error);
  });

  it('refuses bodies over 16 KiB with 413', async () => {
    const res = await call(postToken.POST, '/api/token', post({ tokenType: 'rtm', uid: 'x', pad: 'p'.repeat(17000) }));
    expect(res.status).toBe(413);
    expect(res.body).toEqual({ error: 'request body is larger than 16384 bytes', code: 'body_too_large' });
  });

  it('GET on the POST route is a JSON 405', async () => {
    const res = await call(postToken.GET, '/api/token');
    expect(res.status).toBe(405);
    expect(res.body.code).toBe('method_not_allowed');
    expect(res.headers.get('allow')).toBe('POST, OPTIONS');
  });
});

describe('unknown API paths', () => {
  it('answer 404 JSON, with the usage of the route they resemble', async () => {
    const near = await call(unknown.GET, '/api/rtm');
    expect(near.status).toBe(404);
    expect(near.body.code).toBe('unknown_route');
    expect(near.body.error).toBe('GET /api/rtm does not match the route; use GET /api/rtm/:uid/?expiry=seconds');
    const far = await call(unknown.POST, '/api/nothing', { method: 'POST' });
    expect(far.status).toBe(404);
    expect(far.body.code).toBe('unknown_route');
    expect(far.body.error).toMatch(/^no API route at \/api\/nothing; routes: GET \/api\/ping/);
    expect(far.headers.get('cache-control')).toBe('no-store');
  });
});

describe('token paths with too few or too many segments', () => {
  // The rtc and rte routes take any number of segments (a catch-all); the handler checks the shape.
  it.each([
    ['/api/rtc/demo/1/uid', rtc.GET, 'GET /api/rtc/:channelName/:role/:tokentype/:uid/?expiry=seconds'],
    [
      '/api/rtc/demo/publisher/uid/1/extra/',
      rtc.GET,
      'GET /api/rtc/:channelName/:role/:tokentype/:uid/?expiry=seconds',
    ],
    [
      '/api/rte/demo/publisher/uid',
      rte.GET,
      'GET /api/rte/:channelName/:role/:tokentype/:uid/[:rtmuid/]?expiry=seconds',
    ],
    [
      '/api/rte/demo/publisher/uid/1/bob/extra',
      rte.GET,
      'GET /api/rte/:channelName/:role/:tokentype/:uid/[:rtmuid/]?expiry=seconds',
    ],
  ])('%s is a 404 naming the route, and mints nothing', async (path, handler, usage) => {
    const res = await call(handler, path);
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ error: `GET ${path} does not match the route; use ${usage}`, code: 'unknown_route' });
  });
});

describe('CORS', () => {
  const origin = { headers: { origin: 'http://localhost:8080' } };

  it('is same-origin only by default', async () => {
    const res = await call(ping.GET, '/api/ping', origin);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await ping.OPTIONS(new Request('http://localhost/api/ping', { method: 'OPTIONS', ...origin }));
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('"*" opens every route, errors included', async () => {
    vi.stubEnv('CORS_ALLOW_ORIGIN', '*');
    const res = await call(rtc.GET, '/api/rtc/demo/bad/uid/1', origin);
    expect(res.status).toBe(400);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('a list echoes allowed origins only, with Vary: Origin and a full preflight', async () => {
    vi.stubEnv('CORS_ALLOW_ORIGIN', 'https://app.example, http://localhost:8080/');
    const allowed = await call(rtc.GET, '/api/rtc/demo/1/uid/1', origin);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('http://localhost:8080');
    expect(allowed.headers.get('vary')).toBe('Origin');
    const refused = await call(rtc.GET, '/api/rtc/demo/1/uid/1', { headers: { origin: 'https://evil.example' } });
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
    expect(refused.headers.get('vary')).toBe('Origin');
    const preflight = await postToken.OPTIONS(
      new Request('http://localhost/api/token', {
        method: 'OPTIONS',
        headers: { origin: 'https://app.example', 'access-control-request-method': 'POST' },
      }),
    );
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('https://app.example');
    expect(preflight.headers.get('access-control-allow-methods')).toBe('GET, POST, OPTIONS');
    expect(preflight.headers.get('access-control-allow-headers')).toBe('Content-Type, Authorization');
  });
});

describe('GET /api/health', () => {
  it('reports the mode and which variables are set, never their values', async () => {
    const local = await call(health.GET, '/api/health');
    expect(local.status).toBe(200);
    expect(local.body).toEqual({
      status: 'ok',
      mode: 'local',
      vercel: false,
      rateLimitStore: 'memory',
      tokenExpirySeconds: 300,
      credentials: { AGORA_APP_ID: 'missing', AGORA_APP_CERTIFICATE: 'missing' },
      rooms: {
        store: 'memory',
        note: "one instance only: rooms (hosts, stage) live in this process's memory; set REDIS_URL to share them",
        audience: 'local mode always refuses publishing without a publish privilege',
      },
    });
    vi.stubEnv('AGORA_APP_ID', TEST_APP_ID);
    vi.stubEnv('AGORA_APP_CERTIFICATE', TEST_APP_CERTIFICATE);
    const agora = await call(health.GET, '/api/health');
    expect(agora.body).toMatchObject({
      status: 'ok',
      mode: 'agora',
      credentials: { AGORA_APP_ID: 'set', AGORA_APP_CERTIFICATE: 'set' },
      rooms: {
        store: 'memory',
        audience: expect.stringContaining('co-host authentication is enabled in Agora Console'),
      },
    });
    expect(agora.text).not.toContain(TEST_APP_CERTIFICATE);
    expect(agora.text).not.toContain(TEST_APP_ID);
  });

  it('answers 503 with what to set on Vercel without credentials', async () => {
    vi.stubEnv('VERCEL', '1');
    vi.stubEnv('AGORA_APP_CERTIFICATE', 'secret-but-malformed');
    const res = await call(health.GET, '/api/health');
    expect(res.status).toBe(503);
    expect(res.body).toMatchObject({
      code: 'not_configured',
      status: 'misconfigured',
      mode: null,
      vercel: true,
      credentials: { AGORA_APP_ID: 'missing', AGORA_APP_CERTIFICATE: 'malformed' },
    });
    expect(res.body.error).toContain('AGORA_APP_ID is not set; AGORA_APP_CERTIFICATE is not 32 hexadecimal characters');
    expect(res.text).not.toContain('secret-but-malformed');
  });
});
