import { describe, expect, it, vi } from 'vitest';
import type { RemoteUser } from '@/lib/client/engine/rtc';
import { RemoteParticipants, type Participant } from '@/lib/client/remote-participants';
import { FakeRtcClient } from '../support/fake-rtc-client';

const settle = () => new Promise((resolve) => setTimeout(resolve));

describe('RemoteParticipants', () => {
  // The call dropped (the token expired: rejoining) while someone's audio was being subscribed. That
  // track belongs to the stay that ended: it must not play; the people heard are those of the new stay.
  it('audio subscribed after the call dropped does not play; audio subscribed after the rejoin does', async () => {
    const client = new FakeRtcClient();
    let shown: Participant[] = [];
    const remote = new RemoteParticipants(client, (participants) => (shown = participants));
    const late = { play: vi.fn(), stop: vi.fn() };
    let finishSubscribing: (track: typeof late) => void = () => {};
    client.subscribe.mockImplementationOnce(() => new Promise((resolve) => (finishSubscribing = resolve)));
    const ada: RemoteUser = { uid: 7, hasAudio: true, hasVideo: false };
    remote.published(ada, 'audio');
    remote.clear();
    finishSubscribing(late);
    await settle();
    expect(late.play).not.toHaveBeenCalled();
    expect(shown).toEqual([]);

    const again: RemoteUser = { uid: 7, hasAudio: true, hasVideo: false };
    remote.published(again, 'audio');
    await settle();
    expect(again.audioTrack?.play).toHaveBeenCalled();
    expect(shown).toMatchObject([{ uid: '7', hasAudio: true, audioTrack: again.audioTrack }]);
  });
});
