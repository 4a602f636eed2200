import { describe, expect, it } from 'vitest';
import { Publication } from '@/lib/client/publication';
import { FakeRtcClient, FakeTrack } from '../support/fake-rtc-client';

describe('Publication', () => {
  // The token expires (stop) while the join's publish is still under way: after the rejoin, the
  // track must be published again, not taken as published already.
  it('a publish still under way when the client leaves the channel does not count for the next stay', async () => {
    const client = Object.assign(new FakeRtcClient(), { role: 'host' as const });
    const publication = new Publication(client);
    const audio = new FakeTrack('audio');
    const finishPublish = client.holdPublishing();
    const first = publication.start([audio]);
    await Promise.resolve();
    publication.stop();
    finishPublish();
    await first;
    client.publishedTracks.clear(); // leaving the channel unpublished it
    await publication.start([audio]);
    expect(client.publish).toHaveBeenCalledTimes(2);
    expect([...client.publishedTracks]).toEqual([audio]);
  });

  // The token expired (the SDK left the channel) while the join's publish was under way; the person
  // then turns the microphone off. Agora refuses to unpublish out of a channel: had that publish
  // counted, the refusal would have kept the microphone on.
  it('a microphone turned off after the client left mid-publish turns off', async () => {
    const client = Object.assign(new FakeRtcClient(), { role: 'host' as const });
    client.unpublish.mockRejectedValue(new Error("INVALID_OPERATION: Can't unpublish stream, haven't joined yet!"));
    const publication = new Publication(client);
    const audio = new FakeTrack('audio');
    const finishPublish = client.holdPublishing();
    const joinPublish = publication.start([audio]);
    await Promise.resolve();
    publication.stop();
    const muting = publication.setEnabled(audio, false);
    finishPublish();
    await joinPublish;
    await muting;
    expect(audio.enabled).toBe(false);
  });

  it('a track turned on before the join publishes nothing until the join, then goes with it', async () => {
    const client = Object.assign(new FakeRtcClient(), { role: 'host' as const });
    const publication = new Publication(client);
    const video = new FakeTrack('video');
    video.enabled = false;
    await publication.setEnabled(video, true);
    expect(client.publish).not.toHaveBeenCalled();
    await publication.start([video]);
    expect(client.publish).toHaveBeenCalledWith([video]);
  });
});
