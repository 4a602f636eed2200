// A call page (CallRoom) against a fake server: a fake engine and camera, and a fetch that answers
// room views and tokens as a test sets them, recording each room action posted.
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { expect, vi } from 'vitest';
import type { CallEngine, PreviewAudioTrack, PreviewVideoTrack, ScreenTrack } from '@/lib/client/engine/call-engine';
import type { Capture } from '@/lib/client/capture';
import type { CallPageConfig } from '@/lib/shared/call-contract';
import type { ErrorCode } from '@/lib/shared/error-codes';
import type { RoomView } from '@/lib/shared/room-contract';
import { ROOM_CHANGED } from '@/lib/client/presence/protocol';
import { FakeRtcClient, FakeTrack } from './fake-rtc-client';
import { FakeSignalingClient } from './fake-signaling-client';

export class FakePreviewTrack extends FakeTrack {
  play = vi.fn();
  stop = vi.fn();
  setDevice = vi.fn(async () => {});
  getVolumeLevel = () => 0.2;
}

export function fakeCallEngine() {
  const clients: FakeRtcClient[] = [];
  const tracks: FakePreviewTrack[] = [];
  const signaling = new FakeSignalingClient();
  /** What a screen track's onEnded registered: call one to end the share as the browser's "Stop sharing" would. */
  const endedListeners: (() => void)[] = [];
  const engine: CallEngine = {
    name: 'agora',
    createClient: (options) => {
      const client = new FakeRtcClient(options?.role);
      clients.push(client);
      return client;
    },
    createSignalingClient: vi.fn(async () => signaling),
    createScreenTrack: vi.fn(async () => {
      const track = Object.assign(new FakePreviewTrack('video'), {
        onEnded: vi.fn((listener: () => void) => endedListeners.push(listener)),
      });
      tracks.push(track);
      return track as unknown as ScreenTrack;
    }),
  };
  const capture: Capture = {
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
  return { engine, capture, clients, tracks, signaling, endedListeners };
}

export const pageConfig = (overrides: Partial<CallPageConfig> = {}): CallPageConfig => ({
  mode: 'agora',
  uid: 4242,
  screenUid: 4343,
  tokenBaseUrl: '/api',
  fallbackAppId: null,
  tokenExpirySeconds: 300,
  joinTimeoutMs: 15_000,
  pageTicket: 'ticket-from-the-page',
  configurationError: null,
  ...overrides,
});

export interface PostedAction {
  action: string;
  uid?: number;
  name?: string;
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** The server as a test sets it: the room view it answers, and whether it refuses tokens (and why). */
export class FakeRoomServer {
  posted: PostedAction[] = [];
  tokenRequests = 0;
  refuseTokens: ErrorCode | null = null;
  /** Changes the view for a posted action (default: the view as it is). */
  onAction: (action: PostedAction, view: RoomView) => RoomView = (_action, view) => view;

  constructor(public view: RoomView) {}

  fetch = vi.fn(async (url: string, init?: RequestInit) => {
    if (url.startsWith('/api/rooms/')) {
      if (init?.method === 'POST') {
        const action = JSON.parse(String(init.body)) as PostedAction;
        this.posted.push(action);
        this.view = this.onAction(action, this.view);
      }
      return json(200, this.view);
    }
    const rtm = url.match(/\/rtm\/(\d+)\//);
    if (!rtm) this.tokenRequests++;
    if (this.refuseTokens) return json(403, { error: `refused: ${this.refuseTokens}`, code: this.refuseTokens });
    const uid = Number(rtm ? rtm[1] : url.match(/uid\/(\d+)\//)![1]);
    const expiresAt = Math.floor(Date.now() / 1000) + 300;
    return json(
      200,
      rtm
        ? { rtmToken: `007rtm-for-${uid}`, appId: 'a'.repeat(32), uid: String(uid), expiresAt }
        : { rtcToken: `007token-for-${uid}`, appId: 'a'.repeat(32), uid, expiresAt },
    );
  });
}

/** Presses Join once it is enabled. */
export async function pressJoin() {
  const join = await screen.findByRole('button', { name: 'Join call' });
  await waitFor(() => expect((join as HTMLButtonElement).disabled).toBe(false));
  await act(async () => {
    fireEvent.click(join);
  });
}

export async function waitUntilConnected() {
  await waitFor(() => expect(screen.getByRole('status', { name: 'Connection' }).textContent).toBe('Connected'));
}

/** Someone in the call says over Signaling that the room changed: the page reads it again now. */
export async function hintRoomChanged(signaling: FakeSignalingClient, channel: string) {
  await act(async () => {
    signaling.emit('message', { channelName: channel, publisher: '1', message: ROOM_CHANGED, timestamp: 1 } as never);
  });
}

export async function chooseFromMore(item: string) {
  fireEvent.click(screen.getByRole('button', { name: 'More options' }));
  await act(async () => {
    fireEvent.click(screen.getByRole('menuitem', { name: item }));
  });
}

/** jsdom has no layout and no animation frames: what the call screen needs to render there. */
export function stubLayout() {
  vi.stubGlobal('requestAnimationFrame', () => 0);
  vi.stubGlobal('cancelAnimationFrame', () => {});
  vi.stubGlobal(
    'ResizeObserver',
    class {
      observe() {}
      disconnect() {}
    },
  );
}
