import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AccessToken, priviledges } from 'agora-token/src/AccessToken';
import { AccessToken2, ServiceRtc, ServiceRtm } from 'agora-token/src/AccessToken2';
import { inspectToken } from '@/lib/shared/token/decode';
import { joinClaims } from '@/lib/shared/token/claims';
import { joinChecks, joinRefusal, type JoinAttempt, type JoinCheck } from '@/lib/shared/token/rules';
import { formatDuration, timingNotes, untilOrSince } from '@/lib/shared/token/timing';
import { mintRtcToken } from '@/lib/server/mint';
import { TEST_APP_CERTIFICATE, TEST_APP_ID, TEST_CREDENTIALS } from './support/server-env';

// The join checklist (shared by local mode, the inspector and the call page): one case per
// mismatch people hit, with the words and the SDK error they see.

const credentials = TEST_CREDENTIALS;
const OTHER_APP_ID = 'aaaabbbbccccddddeeeeffff00001111';
const NOW = Math.floor(Date.now() / 1000);
// Tokens minted here are issued at NOW, however long the suite took to get to them (on a slow
// machine a second could pass, and "ended 1 min 35 s ago" became "1 min 34 s").
beforeEach(() => vi.useFakeTimers({ toFake: ['Date'], now: NOW * 1000 }));
afterEach(() => vi.useRealTimers());

const attempt = (overrides: Partial<JoinAttempt> = {}): JoinAttempt => ({
  appId: TEST_APP_ID,
  channel: 'demo',
  identity: { kind: 'uid', uid: 1234 },
  role: 'publisher',
  nowS: NOW,
  publishEnforced: true,
  ...overrides,
});

async function checksFor(token: string, overrides: Partial<JoinAttempt> = {}) {
  const decoded = await inspectToken(token);
  if (!decoded.ok) throw new Error(decoded.reason);
  const checks = joinChecks(joinClaims(decoded.token), attempt(overrides));
  return {
    checks,
    byId: (id: JoinCheck['id']) => checks.find((check) => check.id === id)!,
    refusal: joinRefusal(checks),
  };
}

const publisherFor1234 = () => mintRtcToken(credentials, 'demo', { kind: 'uid', uid: 1234 }, 'publisher', 600).token;

describe('a token that matches the join passes every check', () => {
  it('App ID, channel, uid, join and publish privileges are green and nothing is refused', async () => {
    const { checks, refusal } = await checksFor(publisherFor1234());
    expect(checks.map((check) => [check.id, check.status])).toEqual([
      ['app-id', 'pass'],
      ['channel', 'pass'],
      ['uid', 'pass'],
      ['join', 'pass'],
      ['publish', 'pass'],
    ]);
    expect(checks.find((check) => check.id === 'join')!.detail).toMatch(
      /^the join privilege ends in (10 min|9 min 5\d s)$/,
    );
    expect(refusal).toBeUndefined();
  });
});

describe('each mismatch is red, with the SDK error and what to change', () => {
  it('another App ID', async () => {
    const { byId, refusal } = await checksFor(publisherFor1234(), { appId: OTHER_APP_ID });
    expect(byId('app-id')).toMatchObject({
      status: 'fail',
      detail: `the token is for App ID ${TEST_APP_ID}, not ${OTHER_APP_ID}`,
      sdkError: { code: 'CAN_NOT_GET_GATEWAY_SERVER', message: 'invalid token, authorized failed' },
    });
    expect(refusal?.id).toBe('app-id');
  });

  it('another channel, naming both', async () => {
    const { byId, refusal } = await checksFor(publisherFor1234(), { channel: 'demo2' });
    expect(byId('channel')).toMatchObject({
      status: 'fail',
      detail: 'the token is for channel "demo", not "demo2"',
      fix: 'Join channel "demo", or get a token for "demo2".',
      sdkError: { message: 'invalid token, authorized failed' },
    });
    expect(byId('uid').status).toBe('pass'); // the other rules still read the token's grant
    expect(refusal?.id).toBe('channel');
  });

  it('another uid', async () => {
    const { byId } = await checksFor(publisherFor1234(), { identity: { kind: 'uid', uid: 99 } });
    expect(byId('uid')).toMatchObject({
      status: 'fail',
      detail: 'the token is for uid 1234, not uid 99',
      fix: 'Join with uid 1234, or get a token for uid 99.',
    });
  });

  it('a token for uid 12345 used to join as uid 0', async () => {
    const token = mintRtcToken(credentials, 'demo', { kind: 'uid', uid: 12345 }, 'publisher', 600).token;
    const { byId } = await checksFor(token, { identity: { kind: 'uid', uid: 0 } });
    expect(byId('uid')).toMatchObject({
      status: 'fail',
      detail:
        'the token is for uid 12345, not uid 0: ' +
        "joining with uid 0 lets Agora assign a uid, which will not be the token's",
      fix: 'Join with uid 12345, or get a token for uid 0 (any uid).',
    });
  });

  it('a uid-0 token lets anyone join; a user-account token names the account', async () => {
    const anyone = mintRtcToken(credentials, 'demo', { kind: 'uid', uid: 0 }, 'publisher', 600).token;
    expect((await checksFor(anyone, { identity: { kind: 'uid', uid: 777 } })).byId('uid')).toMatchObject({
      status: 'pass',
      detail: 'the token lets any uid join (it was made for uid 0)',
    });
    const account = mintRtcToken(
      credentials,
      'demo',
      { kind: 'userAccount', account: 'alice' },
      'publisher',
      600,
    ).token;
    expect((await checksFor(account, { identity: { kind: 'userAccount', account: 'bob' } })).byId('uid').detail).toBe(
      'the token is for user account "alice", not user account "bob"',
    );
  });

  it('an expired join privilege is TOKEN_EXPIRE, saying how long ago', async () => {
    const { byId, refusal } = await checksFor(publisherFor1234(), { nowS: NOW + 600 + 95 });
    expect(byId('join')).toMatchObject({
      status: 'fail',
      detail: 'the join privilege ended 1 min 35 s ago',
      sdkError: { code: 'TOKEN_EXPIRE', message: 'token expired' },
    });
    expect(refusal?.id).toBe('join');
  });

  it('a token without a join privilege', async () => {
    const token = new AccessToken2(TEST_APP_ID, TEST_APP_CERTIFICATE, NOW, 600);
    const rtc = new ServiceRtc('demo', 1234);
    rtc.add_privilege(2, 600);
    token.add_service(rtc);
    const { byId } = await checksFor(token.build());
    expect(byId('join')).toMatchObject({ status: 'fail', detail: 'the token carries no join privilege' });
  });

  it('an RTM-only token cannot join any channel', async () => {
    const token = new AccessToken2(TEST_APP_ID, TEST_APP_CERTIFICATE, NOW, 600);
    token.add_service(new ServiceRtm('bob'));
    const { byId, refusal } = await checksFor(token.build());
    expect(byId('channel')).toMatchObject({
      status: 'fail',
      detail: 'the token carries no RTC service, so it cannot join any channel',
    });
    expect(refusal?.id).toBe('channel');
  });

  it('a subscriber asked to publish: red where enforced, amber for Agora, never a join refusal', async () => {
    // Enforced: in local mode.
    const subscriber = mintRtcToken(credentials, 'demo', { kind: 'uid', uid: 1234 }, 'subscriber', 600).token;
    const local = await checksFor(subscriber, { publishEnforced: true });
    expect(local.byId('publish')).toMatchObject({
      status: 'fail',
      detail: 'the token has no publish audio or video privilege (a subscriber token)',
      sdkError: { code: 'NO_PUBLISH_PRIVILEGE' },
    });
    expect(local.refusal).toBeUndefined();
    const agora = await checksFor(subscriber, { publishEnforced: false });
    expect(agora.byId('publish').status).toBe('warn');
    expect(agora.byId('publish').fix).toContain('co-host authentication');
    expect((await checksFor(subscriber, { role: 'subscriber' })).byId('publish').status).toBe('pass');
    // An audience member's token in Agora mode: it says the audience's silence rests on co-host authentication.
    const audience = await checksFor(subscriber, { role: 'subscriber', publishEnforced: false });
    expect(audience.byId('publish').detail).toContain('only when co-host authentication is enabled');
  });

  it('unknown fields are unchecked, never guessed', async () => {
    const { checks } = await checksFor(publisherFor1234(), { appId: null, channel: null, identity: null, role: null });
    expect(checks.map((check) => check.status)).toEqual(['unchecked', 'unchecked', 'unchecked', 'pass', 'unchecked']);
    expect(checks[1]!.detail).toBe('the token is for channel "demo"; type the channel you join to compare');
  });
});

describe('006 tokens: channel and uid compared by CRC32', () => {
  const legacy = (channel: string, uid: number, joinUntil: number) => {
    const token = new AccessToken(TEST_APP_ID, TEST_APP_CERTIFICATE, channel, uid);
    token.addPriviledge(priviledges.kJoinChannel, joinUntil);
    return token.build();
  };

  it('the right channel and uid pass; others fail naming both checksums', async () => {
    const token = legacy('demo', 1234, NOW + 600);
    const right = await checksFor(token);
    expect(right.checks.slice(0, 4).map((check) => check.status)).toEqual(['pass', 'pass', 'pass', 'pass']);
    expect(right.byId('channel').detail).toBe(
      '"demo" matches the token\'s channel checksum (006 tokens store only a CRC32 of the channel)',
    );
    const wrong = await checksFor(token, { channel: 'demo2', identity: { kind: 'uid', uid: 1 } });
    expect(wrong.byId('channel').detail).toMatch(
      /^the token was made for another channel: its channel checksum is 0x[0-9a-f]{8}, and "demo2" has 0x[0-9a-f]{8}$/,
    );
    const wrongUid = await checksFor(token, { identity: { kind: 'uid', uid: 1 } });
    expect(wrongUid.byId('uid').status).toBe('fail');
  });

  it('privilege times are absolute: a past one is expired', async () => {
    const { byId } = await checksFor(legacy('demo', 1234, NOW - 7200));
    expect(byId('join')).toMatchObject({ status: 'fail', detail: 'the join privilege ended 2 h ago' });
  });
});

describe('times in words, and absolute/relative mix-ups', () => {
  it('durations keep the two largest units', () => {
    expect([1, 95, 3600, 3660, 90061, 86400 * 400].map(formatDuration)).toEqual([
      '1 s',
      '1 min 35 s',
      '1 h',
      '1 h 1 min',
      '1 d 1 h',
      '1 y 35 d',
    ]);
    expect(untilOrSince(NOW + 30, NOW)).toBe('expires in 30 s');
    expect(untilOrSince(NOW - 7200, NOW)).toBe('expired 2 h ago');
  });

  it('an AccessToken2 expiry given as a Unix time, and a 006 privilege given as seconds', async () => {
    const absolute = new AccessToken2(TEST_APP_ID, TEST_APP_CERTIFICATE, NOW, NOW + 3600);
    absolute.add_service(new ServiceRtc('demo', 0));
    const decoded = await inspectToken(absolute.build());
    expect(decoded.ok && timingNotes(decoded.token, NOW)[0]).toMatch(
      /^The token's expiry is \d{10}, which looks like a Unix time/,
    );
    const token006 = new AccessToken(TEST_APP_ID, TEST_APP_CERTIFICATE, 'demo', 0);
    token006.addPriviledge(priviledges.kJoinChannel, 3600);
    const legacy = await inspectToken(token006.build());
    expect(legacy.ok && timingNotes(legacy.token, NOW)).toEqual([
      'Privilege "join channel" is 3600. 006 tokens take a Unix time, so this means 1970-01-01 01:00:00 UTC, ' +
        'long past; it looks like a number of seconds. Pass the current Unix time plus the seconds instead.',
    ]);
  });

  it('a token issued in the future points at a wrong clock', async () => {
    const ahead = new AccessToken2(TEST_APP_ID, TEST_APP_CERTIFICATE, NOW + 3600, 600);
    ahead.add_service(new ServiceRtc('demo', 0));
    const decoded = await inspectToken(ahead.build());
    expect(decoded.ok && timingNotes(decoded.token, NOW)).toEqual([
      'The token was issued 1 h in the future: the clock of the machine that made it is ahead.',
    ]);
  });
});
