import { afterEach, describe, expect, it, vi } from 'vitest';
import { describeCallProblem, JoinTimeoutError, TokenFetchError } from '@/lib/client/call-problems';
import { fetchRtcToken } from '@/lib/client/token-client';
import { LocalRtcError, postSignaling } from '@/lib/client/engine/local/signaling-request';

const refusal = (status: number, body: unknown) => vi.fn(async () => new Response(JSON.stringify(body), { status }));

afterEach(() => vi.unstubAllGlobals());

describe('the call decides by the API code, never by the sentence', () => {
  it.each([
    ['uid_conflict', 'uid-conflict'],
    ['room_full', 'room-full'],
    ['token_expired', 'token-expired'],
    ['invalid_token', 'invalid-token'],
    ['token_required', 'certificate-required'],
    ['invalid_app_id', 'invalid-app-id'],
    ['session_gone', 'session-gone'],
    ['not_in_channel', 'session-gone'],
    ['rate_limited', 'rate-limited'],
  ] as const)('%s → %s, whatever the sentence says', (code, id) => {
    const reworded = new LocalRtcError(
      'UNEXPECTED_RESPONSE',
      'a sentence someone rewrote: network timeout, invalid token, room full',
      code,
    );
    expect(describeCallProblem(reworded).id).toBe(id);
  });

  it('a code the call has no special words for keeps the server sentence and matches no SDK words', () => {
    const problem = describeCallProblem(
      new LocalRtcError('UNEXPECTED_RESPONSE', 'NO_PUBLISH_PRIVILEGE: token expired', 'no_publish_privilege'),
    );
    expect(problem).toMatchObject({ id: 'unknown', detail: 'UNEXPECTED_RESPONSE NO_PUBLISH_PRIVILEGE: token expired' });
  });

  it("the Agora SDK's own errors, which carry no code of ours, are still recognised by their words", () => {
    const agora = Object.assign(new Error('CAN_NOT_GET_GATEWAY_SERVER: invalid token, authorized failed'), {
      code: 'CAN_NOT_GET_GATEWAY_SERVER',
    });
    expect(describeCallProblem(agora).id).toBe('invalid-token');
  });

  it('a token refusal is worth retrying by its code: a rate limit yes, a bad channel no', () => {
    expect(
      describeCallProblem(new TokenFetchError('The token server refused: slow down', 429, 'rate_limited')).retryable,
    ).toBe(true);
    expect(
      describeCallProblem(new TokenFetchError('The token server refused: bad name', 400, 'invalid_channel')).retryable,
    ).toBe(false);
    expect(describeCallProblem(new TokenFetchError('The token server could not be reached.')).retryable).toBe(true);
  });

  it('a join timeout names who did not answer', () => {
    expect(describeCallProblem(new JoinTimeoutError(15_000)).title).toBe('Cannot reach Agora');
    expect(describeCallProblem(new JoinTimeoutError(15_000, 'local')).title).toBe(
      'The call server answered too slowly',
    );
  });
});

describe('the clients carry the code from the answer', () => {
  it("local mode's signaling: the API code, and the SDK's code word for it", async () => {
    vi.stubGlobal('fetch', refusal(409, { error: 'any words at all', code: 'room_full' }));
    const error = await postSignaling('join', {}).catch((caught) => caught);
    expect(error).toBeInstanceOf(LocalRtcError);
    expect(error).toMatchObject({ apiCode: 'room_full', code: 'ROOM_FULL', message: 'any words at all' });
    expect(describeCallProblem(error).id).toBe('room-full');
  });

  it('the token client: the API code beside the status', async () => {
    vi.stubGlobal('fetch', refusal(429, { error: 'slow down', code: 'rate_limited' }));
    const config = { baseUrl: '/api', fallbackAppId: null, expirySeconds: 300 };
    const error = await fetchRtcToken(config, 'room', 1).catch((caught) => caught);
    expect(error).toMatchObject({ status: 429, apiCode: 'rate_limited' });
  });
});
