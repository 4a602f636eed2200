import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { callPageConfig } from '@/lib/server/call-page-config';
import { setRateLimiterFactory } from '@/lib/server/rate-limit';
import { SETTING_NAMES, tokenPolicy } from '@/lib/server/settings';
import * as health from '@/app/api/health/route';
import * as rtc from '@/app/api/rtc/[...segments]/route';
import * as localJoin from '@/app/api/local/join/route';
import { withServerEnv } from '../support/server-env';

withServerEnv();
beforeEach(() =>
  setRateLimiterFactory((bucket, points) => new RateLimiterMemory({ keyPrefix: bucket, points, duration: 60 })),
);

const answer = async (response: Response | Promise<Response>) => {
  const settled = await response;
  return { status: settled.status, body: await settled.json() };
};

describe('a wrong value for a numeric setting is a 503 naming it, never its value', () => {
  const NUMERIC = [
    'TOKEN_EXPIRY_SECONDS',
    'JOIN_TIMEOUT_MS',
    'TOKEN_MAX_EXPIRY_SECONDS',
    'RATE_LIMIT_TOKENS_PER_MINUTE',
    'RATE_LIMIT_SIGNALING_PER_MINUTE',
    'STAGE_PUBLISH_SECONDS',
    'REMOVAL_SECONDS',
    'ROOM_END_SECONDS',
    'ROOM_JOIN_SECONDS',
  ];

  it.each(NUMERIC.flatMap((name) => ['soon', '-1', '1.5', '99999999999'].map((value) => [name, value])))(
    '%s=%s → /api/health 503',
    async (name, value) => {
      vi.stubEnv(name, value);
      const { status, body } = await answer(health.GET(new Request('http://localhost/api/health')));
      expect(status).toBe(503);
      expect(body).toMatchObject({
        code: 'not_configured',
        status: 'misconfigured',
        error: expect.stringMatching(new RegExp(`^${name} must be whole .* from \\d+ to \\d+; fix it on the server$`)),
      });
      expect(body.error).not.toContain(value);
    },
  );

  it('the token routes refuse with it while a token rate limit is wrong', async () => {
    // Local signaling refuses while its limit is wrong.
    vi.stubEnv('RATE_LIMIT_TOKENS_PER_MINUTE', 'many');
    const token = await answer(rtc.GET(new Request('http://localhost/api/rtc/room/publisher/uid/1/')));
    expect(token).toMatchObject({
      status: 503,
      body: { code: 'not_configured', error: expect.stringMatching(/^RATE_LIMIT_TOKENS_PER_MINUTE must be/) },
    });
    vi.stubEnv('RATE_LIMIT_TOKENS_PER_MINUTE', '');
    vi.stubEnv('RATE_LIMIT_SIGNALING_PER_MINUTE', '-5');
    const join = await answer(
      localJoin.POST(new Request('http://localhost/api/local/join', { method: 'POST', body: '{}' })),
    );
    expect(join).toMatchObject({
      status: 503,
      body: { code: 'not_configured', error: expect.stringMatching(/^RATE_LIMIT_SIGNALING_PER_MINUTE must be/) },
    });
  });

  it('the call page says which variable is wrong instead of joining with a made-up value', () => {
    vi.stubEnv('TOKEN_EXPIRY_SECONDS', '20');
    expect(callPageConfig('room').configurationError).toBe(
      'TOKEN_EXPIRY_SECONDS must be whole seconds from 40 to 86400; fix it on the server',
    );
    vi.stubEnv('TOKEN_EXPIRY_SECONDS', '60');
    vi.stubEnv('JOIN_TIMEOUT_MS', '5000');
    expect(callPageConfig('room')).toMatchObject({
      configurationError: null,
      tokenExpirySeconds: 60,
      joinTimeoutMs: 5000,
    });
  });
});

describe('settings are read per request, parsed once per set of values', () => {
  it('the same values give the same parsed policy; a change is seen at once', () => {
    vi.stubEnv('TOKEN_CHANNEL_PATTERN', 'team-[0-9]+');
    const first = tokenPolicy();
    expect(tokenPolicy()).toBe(first);
    vi.stubEnv('TOKEN_CHANNEL_PATTERN', 'other');
    expect(tokenPolicy()).not.toBe(first);
    expect(tokenPolicy().channelPattern!.test('other')).toBe(true);
  });
});

describe('one module reads the environment', () => {
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? files(path) : /\.tsx?$/.test(name) ? [path] : [];
    });

  it('no other server, shared or route module reads process.env', () => {
    const readers = [...files('lib'), ...files('app'), 'proxy.ts'].filter((path) =>
      /process\.env/.test(readFileSync(path, 'utf8')),
    );
    expect(readers.sort()).toEqual(['lib/server/env-memo.ts', 'lib/server/settings.ts']);
  });

  it('every variable it reads is in SETTING_NAMES (so tests can blank them all)', () => {
    const source = readFileSync('lib/server/settings.ts', 'utf8');
    const named = new Set([...source.matchAll(/'([A-Z][A-Z0-9_]{3,})'/g)].map((match) => match[1]!));
    expect([...named].filter((name) => !(SETTING_NAMES as readonly string[]).includes(name))).toEqual([]);
  });
});
