import { describe, expect, it } from 'vitest';
import { dropCause } from '@/lib/client/drop-cause';

const now = 1_800_000_000_000;
const nowS = now / 1000;
const slowServer = { title: 'Could not get an access token', id: 'token-fetch', detail: '', retryable: true } as const;

describe('why the call dropped', () => {
  it('an expiry with no renewal under way is the token expiring', () => {
    expect(dropCause('token-expired', nowS, null, now)).toEqual({ kind: 'token-expired' });
  });

  it('an expiry while a renewal waits on the server blames the wait, with how long it was', () => {
    expect(dropCause('token-expired', nowS, { startedAt: now - 31_000, failure: null }, now)).toEqual({
      kind: 'renewal-too-slow',
      waitedS: 31,
    });
  });

  it('an expiry after failed renewals names the failure', () => {
    expect(dropCause('token-expired', nowS, { startedAt: now - 31_000, failure: slowServer }, now)).toEqual({
      kind: 'renewal-failed',
      problem: 'Could not get an access token',
    });
  });

  it("an expiry well before the token's end by this clock is the clock's doing", () => {
    expect(dropCause('token-expired', nowS + 120, null, now)).toEqual({ kind: 'clock-ahead', secondsLeft: 120 });
    expect(dropCause('token-expired', nowS + 3, null, now)).toEqual({ kind: 'token-expired' }); // within the slack
  });

  it('a session the server forgot: dropped if the token had time left, the renewal blamed if it had run out', () => {
    expect(dropCause('session-gone', nowS + 60, { startedAt: now - 1000, failure: null }, now)).toEqual({
      kind: 'session-gone',
    });
    expect(dropCause('session-gone', null, null, now)).toEqual({ kind: 'session-gone' });
    expect(dropCause('session-gone', nowS - 1, { startedAt: now - 40_000, failure: null }, now)).toEqual({
      kind: 'renewal-too-slow',
      waitedS: 40,
    });
  });
});
