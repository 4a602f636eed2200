import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { IAgoraRTC, IAgoraRTCClient, ILocalVideoTrack } from 'agora-rtc-sdk-ng';
import { adaptAgoraClient, sdkTrack } from '@/lib/client/engine/agora/rtc-adapter';
import { LocalMediaTrack } from '@/lib/client/engine/media-track';
import { createAgoraEngine } from '@/lib/client/engine/agora/engine';

// Agora mode publishes the browser's own camera and microphone tracks as the SDK's custom tracks.

let captured = 0;
const fakeMediaStreamTrack = (kind: string) => ({
  kind,
  id: `${kind}-${++captured}`,
  stop: vi.fn(),
  addEventListener: vi.fn(),
});

function fakeSdk() {
  const custom = (mediaStreamTrack: unknown) => ({
    mediaStreamTrack,
    close: vi.fn(),
    replaceTrack: vi.fn(async () => {}),
  });
  const AgoraRTC = {
    createCustomVideoTrack: vi.fn(({ mediaStreamTrack }) => custom(mediaStreamTrack)),
    createCustomAudioTrack: vi.fn(({ mediaStreamTrack }) => custom(mediaStreamTrack)),
  };
  const client = {
    publish: vi.fn(async () => {}),
    unpublish: vi.fn(async () => {}),
    join: vi.fn(async () => 7),
    leave: vi.fn(async () => {}),
    // As the SDK's client: `role` reads the role set at creation or by the last setClientRole.
    role: 'audience' as 'audience' | 'host',
    setClientRole: vi.fn(async (role: 'audience' | 'host') => void (client.role = role)),
  };
  return {
    AgoraRTC,
    client,
    rtc: adaptAgoraClient(AgoraRTC as unknown as IAgoraRTC, client as unknown as IAgoraRTCClient),
  };
}

beforeEach(() => {
  vi.stubGlobal('navigator', {
    mediaDevices: {
      getUserMedia: vi.fn(async (constraints: { video?: unknown }) => ({
        getTracks: () => [fakeMediaStreamTrack(constraints.video ? 'video' : 'audio')],
      })),
    },
  });
});
afterEach(() => vi.unstubAllGlobals());

describe('live mode', () => {
  it("makes live-mode clients and passes the role to Agora's client", async () => {
    // An rtc-mode client cannot change role.
    const { AgoraRTC, client } = fakeSdk();
    const createClient = vi.fn(() => client);
    const engine = createAgoraEngine({ ...AgoraRTC, createClient } as unknown as IAgoraRTC);
    const rtc = engine.createClient();
    expect(createClient).toHaveBeenCalledWith({ mode: 'live', codec: 'vp8', role: 'audience' });
    await rtc.setClientRole('host');
    expect(client.setClientRole).toHaveBeenCalledWith('host');
    expect(rtc.role).toBe('host');
  });

  it('makes a client in the role the call joins with (no setClientRole before the join)', () => {
    const { AgoraRTC, client } = fakeSdk();
    const createClient = vi.fn(() => client);
    createAgoraEngine({ ...AgoraRTC, createClient } as unknown as IAgoraRTC).createClient({ role: 'host' });
    expect(createClient).toHaveBeenCalledWith({ mode: 'live', codec: 'vp8', role: 'host' });
  });
});

describe('adaptAgoraClient', () => {
  it('publishes a browser camera track as a custom track on the same MediaStreamTrack', async () => {
    // No second capture.
    const { AgoraRTC, client, rtc } = fakeSdk();
    const camera = await LocalMediaTrack.create('video');
    await rtc.publish([camera]);
    expect(AgoraRTC.createCustomVideoTrack).toHaveBeenCalledWith({ mediaStreamTrack: camera.getMediaStreamTrack() });
    expect(client.publish).toHaveBeenCalledWith([AgoraRTC.createCustomVideoTrack.mock.results[0]!.value]);
    expect(navigator.mediaDevices.getUserMedia).toHaveBeenCalledTimes(1);
  });

  it('follows a camera switch with replaceTrack', async () => {
    // And a microphone switch by publishing a new custom track.
    const { AgoraRTC, client, rtc } = fakeSdk();
    const camera = await LocalMediaTrack.create('video');
    const microphone = await LocalMediaTrack.create('audio');
    await rtc.publish([camera, microphone]);
    const customVideo = AgoraRTC.createCustomVideoTrack.mock.results[0]!.value;
    const firstAudio = AgoraRTC.createCustomAudioTrack.mock.results[0]!.value;
    await camera.setDevice('another-camera');
    expect(customVideo.replaceTrack).toHaveBeenCalledWith(camera.getMediaStreamTrack(), false);
    await microphone.setDevice('another-microphone');
    await vi.waitFor(() => expect(AgoraRTC.createCustomAudioTrack).toHaveBeenCalledTimes(2));
    const secondAudio = AgoraRTC.createCustomAudioTrack.mock.results[1]!.value;
    expect(secondAudio.mediaStreamTrack).toBe(microphone.getMediaStreamTrack());
    await vi.waitFor(() => expect(client.publish).toHaveBeenLastCalledWith(secondAudio));
    expect(client.unpublish).toHaveBeenCalledWith(firstAudio);
    expect(firstAudio.close).toHaveBeenCalled();
  });

  it('unpublishing releases the custom track; publishing again (camera back on) makes a new one', async () => {
    const { AgoraRTC, client, rtc } = fakeSdk();
    const camera = await LocalMediaTrack.create('video');
    await rtc.publish(camera);
    const first = AgoraRTC.createCustomVideoTrack.mock.results[0]!.value;
    await rtc.unpublish(camera);
    expect(client.unpublish).toHaveBeenCalledWith([first]);
    expect(first.close).toHaveBeenCalled();
    await camera.setEnabled(false);
    await camera.setEnabled(true);
    await rtc.publish(camera);
    expect(AgoraRTC.createCustomVideoTrack).toHaveBeenCalledTimes(2);
    expect(client.publish).toHaveBeenLastCalledWith([AgoraRTC.createCustomVideoTrack.mock.results[1]!.value]);
  });

  it("passes the SDK's own tracks (a screen share) through untouched", async () => {
    const { AgoraRTC, client, rtc } = fakeSdk();
    const screen = {
      trackMediaType: 'video' as const,
      enabled: true,
      setEnabled: vi.fn(),
      close: vi.fn(),
      getMediaStreamTrack: vi.fn(),
    };
    await rtc.publish([sdkTrack(screen as unknown as ILocalVideoTrack & typeof screen)]);
    expect(client.publish).toHaveBeenCalledWith([screen]);
    expect(AgoraRTC.createCustomVideoTrack).not.toHaveBeenCalled();
  });

  it('refuses a track that is neither captured by the page nor made by the SDK', async () => {
    // Instead of handing the SDK a stranger.
    const { client, rtc } = fakeSdk();
    const stranger = {
      trackMediaType: 'video' as const,
      enabled: true,
      setEnabled: vi.fn(),
      close: vi.fn(),
      getMediaStreamTrack: vi.fn(),
    };
    await expect(rtc.publish([stranger])).rejects.toThrow('cannot be published');
    expect(client.publish).not.toHaveBeenCalled();
  });

  it('subscribes by uid: the remote user the call holds is the one the SDK announced', async () => {
    const { client, rtc } = fakeSdk();
    const track = { play: vi.fn(), stop: vi.fn() };
    Object.assign(client, { subscribe: vi.fn(async () => track) });
    expect(await rtc.subscribe({ uid: 9, hasAudio: true, hasVideo: false }, 'audio')).toBe(track);
    expect((client as unknown as { subscribe: unknown }).subscribe).toHaveBeenCalledWith(9, 'audio');
  });
});
