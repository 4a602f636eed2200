// The camera and microphone are captured by the browser (capture.ts), so the preview never waits
// for the Agora SDK. When the call publishes them, they are handed to the SDK as custom tracks
// (createCustomVideoTrack / createCustomAudioTrack on the same MediaStreamTrack: no second capture),
// and a device switch follows them there. Tracks the SDK made itself (a screen share) pass through.
import type { IAgoraRTC, IAgoraRTCClient, ILocalAudioTrack, ILocalTrack, ILocalVideoTrack } from 'agora-rtc-sdk-ng';
import type { LocalTrack, RtcClient } from '../rtc';
import { LocalMediaTrack } from '../media-track';

/** Tracks the SDK made itself (a screen share), so publishing one hands the SDK its own object. */
const sdkTracks = new WeakMap<LocalTrack, ILocalTrack>();

/** Registers a track the SDK made (it is both the SDK's track and one of ours) and returns it. */
export function sdkTrack<T extends ILocalTrack & LocalTrack>(track: T): T {
  sdkTracks.set(track, track);
  return track;
}

function sdkTrackOf(track: LocalTrack): ILocalTrack {
  const own = sdkTracks.get(track);
  if (!own)
    throw new Error(
      `a ${track.trackMediaType} track neither captured by this page nor made by the Agora SDK cannot be published`,
    );
  return own;
}

interface Handed {
  agora: ILocalTrack;
  stopWatching: () => void;
}

export function adaptAgoraClient(AgoraRTC: IAgoraRTC, client: IAgoraRTCClient): RtcClient {
  const handed = new Map<LocalTrack, Handed>();

  const custom = (track: LocalMediaTrack): ILocalTrack => {
    const mediaStreamTrack = track.getMediaStreamTrack();
    return track.trackMediaType === 'video'
      ? AgoraRTC.createCustomVideoTrack({ mediaStreamTrack })
      : AgoraRTC.createCustomAudioTrack({ mediaStreamTrack });
  };

  const toAgora = (track: LocalTrack): ILocalTrack => {
    if (!(track instanceof LocalMediaTrack)) return sdkTrackOf(track);
    const existing = handed.get(track);
    if (existing) return existing.agora;
    const entry: Handed = { agora: custom(track), stopWatching: () => {} };
    entry.stopWatching = track.onTrackChanged((next) => {
      if (!next) return; // turned off: the call unpublishes it first
      if (track.trackMediaType === 'video') void (entry.agora as ILocalVideoTrack).replaceTrack(next, false);
      else void swapAudio(track, entry);
    });
    handed.set(track, entry);
    return entry.agora;
  };

  /** Audio custom tracks cannot swap their source: publish a new one for the new microphone. */
  async function swapAudio(track: LocalMediaTrack, entry: Handed) {
    const previous = entry.agora as ILocalAudioTrack;
    entry.agora = custom(track);
    await client.unpublish(previous).catch(() => undefined);
    previous.close();
    await client.publish(entry.agora);
  }

  const release = (track: LocalTrack) => {
    const entry = handed.get(track);
    if (!entry) return;
    entry.stopWatching();
    handed.delete(track);
    // The browser capture is stopped by its owner (LocalMediaTrack), not by the SDK.
    entry.agora.close();
  };

  const list = (tracks: LocalTrack | LocalTrack[]) => ([] as LocalTrack[]).concat(tracks);

  // Agora's client is an RtcClient as it stands, checked here by the compiler, except subscribe: it
  // wants its own remote-user type, which ours (the part the call reads) is not; by uid it is the same call.
  const sdk: Omit<RtcClient, 'subscribe'> = client;
  return {
    join: (appId, channel, token, uid) => sdk.join(appId, channel, token, uid),
    leave: () => sdk.leave(),
    subscribe: (user, mediaType) =>
      mediaType === 'audio' ? client.subscribe(user.uid, 'audio') : client.subscribe(user.uid, 'video'),
    renewToken: (token) => sdk.renewToken(token),
    setClientRole: (role) => client.setClientRole(role),
    get role() {
      return client.role;
    },
    on: (event, listener) => sdk.on(event, listener),
    off: (event, listener) => sdk.off(event, listener),
    getNetworkQuality: () => client.getNetworkQuality(),
    getRemoteNetworkQuality: () => client.getRemoteNetworkQuality(),
    getRemoteVideoStats: () => client.getRemoteVideoStats(),
    publish: async (tracks) => {
      await client.publish(list(tracks).map(toAgora));
    },
    unpublish: async (tracks) => {
      const targets = tracks ? list(tracks) : [...handed.keys()];
      await client.unpublish(tracks ? targets.map(toAgora) : undefined);
      targets.forEach(release);
    },
  };
}
