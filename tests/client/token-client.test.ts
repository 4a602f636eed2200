import { afterEach, describe, expect, it, vi } from 'vitest';
import { TokenFetchError } from '@/lib/client/call-problems';
import { fetchRtcToken, rtcTokenUrl, type TokenSourceConfig } from '@/lib/client/token-client';

const own: TokenSourceConfig = { baseUrl: '/api', fallbackAppId: null, expirySeconds: 300, pageTicket: 'ticket' };
const goService: TokenSourceConfig = {
  baseUrl: 'https://tokens.example.com/',
  fallbackAppId: 'b'.repeat(32),
  expirySeconds: 600,
};

const answer = (status: number, body: unknown) =>
  vi.fn<(url: string, init?: RequestInit) => Promise<Response>>(
    async () => new Response(JSON.stringify(body), { status }),
  );

afterEach(() => vi.unstubAllGlobals());

describe('token client', () => {
  it("builds the Go service's URL shape, percent-encoding the channel", () => {
    expect(rtcTokenUrl(own, 'team sync #1', 42)).toBe('/api/rtc/team%20sync%20%231/publisher/uid/42/?expiry=300');
    expect(rtcTokenUrl(goService, 'room', 7)).toBe('https://tokens.example.com/rtc/room/publisher/uid/7/?expiry=600');
  });

  it("sends this app's page ticket to its own API only", async () => {
    const fetchMock = answer(200, { rtcToken: '007a', appId: 'a'.repeat(32), expiresAt: 123 });
    vi.stubGlobal('fetch', fetchMock);
    expect(await fetchRtcToken(own, 'room', 5)).toEqual({
      token: '007a',
      appId: 'a'.repeat(32),
      uid: 5,
      channel: 'room',
      expiresAt: 123,
    });
    expect(fetchMock.mock.calls[0]).toEqual([
      '/api/rtc/room/publisher/uid/5/?expiry=300',
      { cache: 'no-store', headers: { 'x-call-ticket': 'ticket' } },
    ]);
    await fetchRtcToken(goService, 'room', 5);
    expect(fetchMock.mock.calls[1]![1]).toEqual({ cache: 'no-store', headers: {} });
  });

  it('works with an external server that answers only {"rtcToken"}, using NEXT_PUBLIC_AGORA_APP_ID', async () => {
    vi.stubGlobal('fetch', answer(200, { rtcToken: '007b' }));
    const before = Math.floor(Date.now() / 1000);
    const grant = await fetchRtcToken(goService, 'room', 9);
    expect(grant).toMatchObject({ token: '007b', appId: 'b'.repeat(32), uid: 9 });
    expect(grant.expiresAt).toBeGreaterThanOrEqual(before + 600);
    await expect(fetchRtcToken({ ...goService, fallbackAppId: null }, 'room', 9)).rejects.toThrow(
      'The token server sent no App ID: set NEXT_PUBLIC_AGORA_APP_ID.',
    );
  });

  it("passes the server's reason on, with its status, and explains a network failure", async () => {
    vi.stubGlobal('fetch', answer(403, { error: 'channel "x" is not allowed' }));
    const refused = await fetchRtcToken(own, 'x', 1).catch((error) => error);
    expect(refused).toBeInstanceOf(TokenFetchError);
    expect(refused).toMatchObject({ status: 403, message: 'The token server refused: channel "x" is not allowed' });
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    );
    await expect(fetchRtcToken(own, 'x', 1)).rejects.toThrow(
      'The token server could not be reached. Check your connection.',
    );
  });
});
