// @vitest-environment jsdom
import { StrictMode } from 'react';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { CallRoom } from '@/components/call-room';
import type { CallEngine, PreviewAudioTrack, PreviewVideoTrack } from '@/lib/client/call-engine';
import { mintRtcToken } from '@/lib/server/mint';
import { FakeRtcClient, FakeTrack } from '../support/fake-rtc-client';
import { TEST_APP_CERTIFICATE, TEST_APP_ID } from '../support/server-env';

class FakePreviewTrack extends FakeTrack {
  play = vi.fn();
  stop = vi.fn();
  setDevice = vi.fn(async () => {});
  getVolumeLevel = () => 0.2;
}

function fakeEngine() {
  const clients: FakeRtcClient[] = [];
  const tracks: FakePreviewTrack[] = [];
  const engine: CallEngine = {
    name: 'agora',
    createClient: () => {
      const client = new FakeRtcClient();
      clients.push(client);
      return client;
    },
    createCameraTrack: async () => {
      const track = new FakePreviewTrack('video');
      tracks.push(track);
      return track as unknown as PreviewVideoTrack;
    },
    createMicrophoneTrack: async () => {
      const track = new FakePreviewTrack('audio');
      tracks.push(track);
      return track as unknown as PreviewAudioTrack;
    },
    listDevices: async () => ({ cameras: [], microphones: [], speakers: [] }),
  };
  return { engine, clients, tracks };
}

const config = {
  mode: 'agora' as const,
  tokenBaseUrl: '/api',
  fallbackAppId: null,
  tokenExpirySeconds: 300,
  joinTimeoutMs: 15_000,
  pageTicket: 'ticket-from-the-page',
  configurationError: null,
};

beforeEach(() => {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      const uid = Number(url.match(/uid\/(\d+)\//)![1]);
      const body = { rtcToken: `007token-for-${uid}`, appId: 'a'.repeat(32), uid, expiresAt: Math.floor(Date.now() / 1000) + 300 };
      return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
    }),
  );
  vi.stubGlobal('requestAnimationFrame', () => 0);
  vi.stubGlobal('cancelAnimationFrame', () => {});
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

it('under StrictMode, one Join click joins exactly once with the SWR-fetched token, and Leave closes the tracks', async () => {
  const { engine, clients, tracks } = fakeEngine();
  render(
    <StrictMode>
      <CallRoom channel="strict-room" config={config} engine={engine} />
    </StrictMode>,
  );
  const join = await screen.findByRole('button', { name: 'Join call' });
  await waitFor(() => expect((join as HTMLButtonElement).disabled).toBe(false));
  await act(async () => {
    fireEvent.click(join);
  });
  await waitFor(() => expect(screen.getByTestId('connection-status').textContent).toBe('Connected'));
  expect(clients).toHaveLength(1);
  expect(clients[0]!.join).toHaveBeenCalledTimes(1);
  const [appId, channel, token, uid] = clients[0]!.join.mock.calls[0]!;
  expect([appId, channel, token]).toEqual(['a'.repeat(32), 'strict-room', `007token-for-${uid}`]);
  expect(uid).toBeGreaterThan(0);
  const fetched = vi.mocked(fetch).mock.calls;
  expect(fetched.every(([url]) => String(url) === `/api/rtc/strict-room/publisher/uid/${uid}/?expiry=300`)).toBe(true);
  expect(fetched.every(([, init]) => (init as RequestInit).headers && (init!.headers as Record<string, string>)['x-call-ticket'] === 'ticket-from-the-page')).toBe(true);

  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: 'Leave' }));
  });
  await screen.findByRole('heading', { name: 'You left the call' });
  expect(clients[0]!.leave).toHaveBeenCalled();
  const live = tracks.filter((track) => !track.closed);
  expect(live).toEqual([]);
});

it('a join Agora refuses shows, in the problem panel, what in the token did not match', async () => {
  const { engine } = fakeEngine();
  const createClient = engine.createClient;
  engine.createClient = () => {
    const client = createClient() as FakeRtcClient;
    client.joinImpl = async () => {
      throw Object.assign(new Error('CAN_NOT_GET_GATEWAY_SERVER: invalid token, authorized failed'), { code: 'CAN_NOT_GET_GATEWAY_SERVER' });
    };
    return client;
  };
  // The token service hands out a token for another channel (a misconfigured external server).
  vi.mocked(fetch).mockImplementation(async (url) => {
    const uid = Number(String(url).match(/uid\/(\d+)\//)![1]);
    const rtcToken = mintRtcToken({ mode: 'agora', appId: TEST_APP_ID, appCertificate: TEST_APP_CERTIFICATE }, 'other-room', { kind: 'uid', uid }, 'publisher', 300).token;
    const body = { rtcToken, appId: TEST_APP_ID, uid, expiresAt: Math.floor(Date.now() / 1000) + 300 };
    return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
  });
  render(<CallRoom channel="strict-room" config={config} engine={engine} />);
  const join = await screen.findByRole('button', { name: 'Join call' });
  await waitFor(() => expect((join as HTMLButtonElement).disabled).toBe(false));
  await act(async () => {
    fireEvent.click(join);
  });
  const panel = await screen.findByTestId('call-problem');
  expect(panel.textContent).toContain('Agora rejected the access token');
  await waitFor(() => expect(screen.getByTestId('token-diagnosis').textContent).toContain('the token is for channel "other-room", not "strict-room"'));
  expect(screen.getByText('Open the token inspector').getAttribute('href')).toMatch(/^\/inspect\?channel=strict-room&uid=\d+$/);
});
