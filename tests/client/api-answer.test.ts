import { describe, expect, it } from 'vitest';
import { readApiAnswer } from '@/lib/client/api-answer';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('readApiAnswer', () => {
  it('gives the JSON body of a success and no error', async () => {
    expect(await readApiAnswer(json(200, { rtcToken: '007a' }))).toEqual({
      ok: true,
      status: 200,
      body: { rtcToken: '007a' },
      error: null,
      code: null,
    });
  });

  it("gives the server's reason and status for a failure", async () => {
    const answer = await readApiAnswer(json(403, { error: 'channel "x" is not allowed', code: 'channel_not_allowed' }));
    expect(answer).toMatchObject({
      ok: false,
      status: 403,
      error: 'channel "x" is not allowed',
      code: 'channel_not_allowed',
    });
  });

  it('gives no code for an answer without one, or with a code outside the table', async () => {
    expect((await readApiAnswer(json(403, { error: 'refused' }))).code).toBeNull();
    expect((await readApiAnswer(json(403, { error: 'refused', code: 'toString' }))).code).toBeNull();
    expect((await readApiAnswer(json(403, { error: 'refused', code: 'made_up' }))).code).toBeNull();
  });

  it('names the status when a failure is not our JSON (a proxy page, an empty body, an array)', async () => {
    expect((await readApiAnswer(new Response('<html>Bad gateway</html>', { status: 502 }))).error).toBe('HTTP 502');
    expect((await readApiAnswer(new Response(null, { status: 500 }))).error).toBe('HTTP 500');
    expect(await readApiAnswer(json(500, ['x']))).toMatchObject({ body: {}, error: 'HTTP 500' });
  });
});
