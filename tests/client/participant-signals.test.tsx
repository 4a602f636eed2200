// @vitest-environment jsdom
import { createElement } from 'react';
import { act, cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Call } from '@/lib/client/call/call';
import { CallContext } from '@/lib/client/call/use-call';
import type { CallEngine } from '@/lib/client/engine/call-engine';
import type { LocalMedia } from '@/lib/client/use-local-media';
import { ACTIVE, SpeakingMonitor } from '@/lib/client/participant-signals';
import { FakeRtcClient, grant } from '../support/fake-rtc-client';
import { FakeSignalingClient } from '../support/fake-signaling-client';
import { roomWithoutHost } from '../support/rooms';

// Counts renders of the call view (through its controls, which it renders every time it renders)
// and of each tile (through its quality bars, told apart by their description).
const renders = vi.hoisted(() => ({ view: 0, tiles: new Map<string, number>() }));
vi.mock('@/components/call/call-controls', async (original) => {
  const actual = await original<typeof import('@/components/call/call-controls')>();
  return {
    ...actual,
    CallControls: (props: Parameters<typeof actual.CallControls>[0]) => (
      renders.view++,
      createElement(actual.CallControls, props)
    ),
  };
});
vi.mock('@/components/call/quality-bars', async (original) => {
  const actual = await original<typeof import('@/components/call/quality-bars')>();
  return {
    QualityBars: (props: Parameters<typeof actual.QualityBars>[0]) => {
      const key = props.mark?.description ?? '';
      renders.tiles.set(key, (renders.tiles.get(key) ?? 0) + 1);
      return createElement(actual.QualityBars, props);
    },
  };
});
const { CallView } = await import('@/components/call/call-view');

const level = (value: { now: number }) => ({ play: vi.fn(), stop: vi.fn(), getVolumeLevel: () => value.now });

describe('SpeakingMonitor', () => {
  it('lights a speaker while loud, holds briefly between words, and names the loudest remote one', () => {
    const ada = { now: 0.3 };
    const grace = { now: 0.1 };
    const monitor = new SpeakingMonitor('self');
    monitor.listenTo({ self: level({ now: 0.9 }), ada: level(ada), grace: level(grace) });
    monitor.poll(1000);
    expect([monitor.speaking.get('self'), monitor.speaking.get('ada'), monitor.speaking.get('grace')]).toEqual([
      true,
      true,
      true,
    ]);
    expect(monitor.active.get(ACTIVE)).toBe('ada');
    ada.now = 0;
    monitor.poll(1500);
    expect(monitor.speaking.get('ada')).toBe(true);
    monitor.poll(1900);
    expect(monitor.speaking.get('ada')).toBe(false);
    expect(monitor.active.get(ACTIVE)).toBe('grace');
  });
});

describe('the call view and its tiles', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.stubGlobal(
      'ResizeObserver',
      class {
        observe() {}
        disconnect() {}
      },
    );
  });
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('a change in one person’s speaking re-renders that person’s tile', async () => {
    // Not the call view or the other tiles.
    const levels: Record<string, { now: number }> = { '1': { now: 0 }, '2': { now: 0 } };
    const client = Object.assign(new FakeRtcClient(), {
      getNetworkQuality: () => ({ uplinkNetworkQuality: 1, downlinkNetworkQuality: 1 }),
      getRemoteNetworkQuality: () => ({
        '1': { uplinkNetworkQuality: 2, downlinkNetworkQuality: 2 },
        '2': { uplinkNetworkQuality: 2, downlinkNetworkQuality: 2 },
      }),
      getRemoteVideoStats: () => ({
        '1': { end2EndDelay: 11, packetLossRate: 0 },
        '2': { end2EndDelay: 22, packetLossRate: 0 },
      }),
    });
    client.subscribe.mockImplementation(async (user) => (user.audioTrack = level(levels[String(user.uid)]!)));
    const engine: CallEngine = {
      name: 'local',
      createClient: () => client,
      createSignalingClient: async () => new FakeSignalingClient(),
      createScreenTrack: async () => Promise.reject(new Error('no')),
    };
    const tokens = {
      camera: async () => grant(),
      screen: async () => grant(),
      signaling: async () => ({
        token: '007rtm',
        appId: 'a'.repeat(32),
        expiresAt: Math.floor(Date.now() / 1000) + 300,
      }),
    };
    const call = new Call({ engine, channel: 'room', uid: 9, screenUid: 10, name: 'Me', joinTimeoutMs: 5000, tokens });
    const media: LocalMedia = {
      audioTrack: null,
      videoTrack: null,
      audioError: null,
      videoError: null,
      micOn: false,
      cameraOn: false,
      devices: { cameras: [], microphones: [], speakers: [] },
      cameraId: null,
      microphoneId: null,
      speakerId: null,
      starting: false,
    };
    render(
      createElement(
        CallContext,
        { value: call },
        createElement(CallView, {
          channel: 'room',
          media,
          me: { uid: '9', name: 'Me' },
          layout: { mode: 'grid', setMode: () => {}, pinned: null, setPinned: () => {} },
          modeBadge: null,
          onToggle: () => {},
          onSelectDevice: () => {},
          onLeave: () => {},
          room: roomWithoutHost(),
        }),
      ),
    );
    await act(async () => {
      call.join([]);
      await vi.advanceTimersByTimeAsync(0);
      for (const uid of ['1', '2']) client.emit('user-published', { uid, hasAudio: true, hasVideo: false }, 'audio');
      await vi.advanceTimersByTimeAsync(2000);
    });
    const adaTile = 'Connection: good (round trip 11 ms, 0 % loss)';
    const graceTile = 'Connection: good (round trip 22 ms, 0 % loss)';
    expect(renders.tiles.get(adaTile)).toBeGreaterThan(0);
    const before = { view: renders.view, ada: renders.tiles.get(adaTile), grace: renders.tiles.get(graceTile) };

    levels['1']!.now = 0.5;
    await act(async () => vi.advanceTimersByTime(200));

    expect(
      within(screen.getByRole('img', { name: adaTile }).closest('figure')!).getByText('speaking', { exact: true }),
    ).toBeTruthy();
    expect(renders.tiles.get(adaTile)).toBe(before.ada! + 1);
    expect(renders.tiles.get(graceTile)).toBe(before.grace);
    expect(renders.view).toBe(before.view);
    await act(() => call.leave());
  });
});
