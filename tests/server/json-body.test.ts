import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/server/http/api-error';
import { readJsonObject } from '@/lib/server/http/json-body';

const slowBody = (chunks: string[], gapMs: number) =>
  new ReadableStream<Uint8Array>({
    async start(controller) {
      for (const chunk of chunks) {
        controller.enqueue(new TextEncoder().encode(chunk));
        await new Promise((resolve) => setTimeout(resolve, gapMs));
      }
      controller.close();
    },
  });

const post = (body: BodyInit) =>
  new Request('http://localhost/api/token', { method: 'POST', body, duplex: 'half' } as RequestInit);

describe('readJsonObject', () => {
  it('refuses a body that trickles in too slowly with 408', async () => {
    const error = await readJsonObject(post(slowBody(['{"a":', '1}'], 200)), 16_384, 100).catch((caught) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 408, message: 'request body did not arrive within 0.1 s' });
  });

  it('reads a body that arrives in time', async () => {
    expect(await readJsonObject(post(slowBody(['{"a":', '1}'], 10)), 16_384, 1000)).toEqual({ a: 1 });
  });

  it('refuses an oversized body even without a Content-Length', async () => {
    const error = await readJsonObject(post(slowBody(['"', 'x'.repeat(20_000), '"'], 0))).catch((caught) => caught);
    expect(error).toMatchObject({ status: 413 });
  });
});
