import { expect, test } from './support/fixtures';

// Real HTTP against the running app: routing, trailing slashes, percent-decoding and the proxy,
// which the unit tests (calling handlers directly) cannot see.

test('both /api/ping and /api/ping/ answer directly with {"message":"pong"}', async ({ request }) => {
  for (const path of ['/api/ping', '/api/ping/']) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(200);
    expect(await response.text()).toBe('{"message":"pong"}');
    expect(response.headers()['cache-control']).toBe('no-store');
  }
});

test('the Go service URL shape mints a token, with and without the trailing slash', async ({ request }) => {
  for (const path of ['/api/rtc/demo/publisher/uid/1234/?expiry=600', '/api/rtc/demo/publisher/uid/1234?expiry=600']) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ channel: 'demo', uid: 1234, role: 'publisher', expiry: 600 });
    expect(body.rtcToken).toMatch(/^007/);
    expect(body.appId).toMatch(/^[0-9a-f]{32}$/);
    expect(['local', 'agora']).toContain(body.mode);
  }
});

test('percent-encoded channel names are decoded exactly once', async ({ request }) => {
  const response = await request.get('/api/rtc/a%20b%25c%3F%23/1/uid/1/');
  expect(response.status()).toBe(200);
  expect((await response.json()).channel).toBe('a b%c?#');
});

test('broken percent-encoding is a JSON 400, not the framework 500', async ({ request }) => {
  for (const path of ['/api/rtc/a%zz/1/uid/1/', '/api/rtc/%C3%28/1/uid/1', '/api/rtm/%E0%A4%A/']) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(400);
    // Answered by proxy.ts, before any route: the same shape and code as the routes' own answers.
    expect(await response.json()).toEqual({
      error: expect.stringMatching(/is not valid percent-encoding/),
      code: 'invalid_path',
    });
  }
});

test('a slash inside a channel name is rejected as a character', async ({ request }) => {
  const response = await request.get('/api/rtc/a%2Fb/1/uid/1/');
  expect(response.status()).toBe(400);
  expect(await response.json()).toEqual({
    error: expect.stringMatching(/^channelName contains "\/"/),
    code: 'invalid_channel',
  });
});

test('unknown and incomplete API paths are JSON 404s', async ({ request }) => {
  const incomplete = await request.get('/api/rtc/demo/publisher/uid/');
  expect(incomplete.status()).toBe(404);
  expect((await incomplete.json()).error).toContain('use GET /api/rtc/:channelName/:role/:tokentype/:uid/');
  const unknown = await request.post('/api/whatever/deeper', { data: {} });
  expect(unknown.status()).toBe(404);
  expect(unknown.headers()['content-type']).toMatch(/^application\/json/);
  expect((await unknown.json()).code).toBe('unknown_route');
});

test('POST /api/token and /api/getToken accept the Go service body', async ({ request }) => {
  for (const path of ['/api/token', '/api/getToken']) {
    const response = await request.post(path, {
      data: { tokenType: 'rtc', channel: 'demo', role: 'subscriber', uid: '5', expire: 60 },
    });
    expect(response.status(), path).toBe(200);
    expect(await response.json()).toMatchObject({ tokenType: 'rtc', channel: 'demo', uid: 5, expiry: 60 });
  }
  const wrongMethod = await request.get('/api/token');
  expect(wrongMethod.status()).toBe(405);
  expect((await wrongMethod.json()).error).toBe('method GET is not allowed here; use POST');
});

test('/api/health reports the mode and the credential states, never values', async ({ request, targetMode }) => {
  const response = await request.get('/api/health/');
  expect(response.status()).toBe(200);
  const health = await response.json();
  expect(health).toMatchObject({ status: 'ok', mode: targetMode });
  expect(['memory', 'redis']).toContain(health.rateLimitStore);
  expect(
    Object.values(health.credentials).every((state) => ['set', 'missing', 'malformed'].includes(state as string)),
  ).toBe(true);
});
