// Local mode's client: the RtcClient surface of the Agora SDK, carried by WebRTC between the
// browsers (a mesh) with this app's /api/local routes for signaling and token enforcement.
import type { LocalMediaTrack } from './local-media-track';
import type { ConnectionState, LocalTrack, MediaKind, RemoteTrack, RemoteUser, RtcClient, RtcClientEvents, Uid } from './rtc-client';

type Listener = (...args: unknown[]) => void;

interface ServerEvent {
  type: string;
  uid?: number;
  from?: number;
  reason?: string;
  audio?: boolean;
  video?: boolean;
  data?: { description?: RTCSessionDescriptionInit; candidate?: RTCIceCandidateInit };
}

/** Errors carry the SDK's code as a prefix ("CAN_NOT_GET_GATEWAY_SERVER: invalid token, …"). */
class LocalRtcError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'AgoraRTCError';
  }
}

async function post(path: string, body: unknown, signal?: AbortSignal) {
  let response: Response;
  try {
    response = await fetch(`/api/local/${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
      signal,
      keepalive: path === 'leave',
    });
  } catch (error) {
    if (signal?.aborted) throw new LocalRtcError('OPERATION_ABORTED', 'OPERATION_ABORTED: cancel token canceled');
    throw new LocalRtcError('NETWORK_ERROR', `NETWORK_ERROR: ${(error as Error).message}`);
  }
  const json = await response.json().catch(() => ({}));
  if (!response.ok) {
    const message = typeof json.error === 'string' ? json.error : `HTTP ${response.status}`;
    throw new LocalRtcError(message.split(':')[0] ?? 'UNEXPECTED_ERROR', message);
  }
  return json;
}

class LocalRemoteTrack implements RemoteTrack {
  private element: HTMLMediaElement | null = null;
  private sinkId: string | null = null;

  constructor(private readonly track: MediaStreamTrack) {}

  play(container?: HTMLElement | string) {
    this.stop();
    const element = document.createElement(this.track.kind === 'video' ? 'video' : 'audio');
    Object.assign(element, { autoplay: true, playsInline: true });
    element.srcObject = new MediaStream([this.track]);
    if (this.track.kind === 'video') {
      element.muted = true;
      element.style.cssText = 'width:100%;height:100%;object-fit:cover';
    }
    if (this.sinkId && 'setSinkId' in element) void (element as HTMLMediaElement & { setSinkId(id: string): Promise<void> }).setSinkId(this.sinkId);
    const parent = typeof container === 'string' ? document.getElementById(container) : container;
    (parent ?? document.body).appendChild(element);
    this.element = element;
  }

  stop() {
    this.element?.remove();
    this.element = null;
  }

  async setPlaybackDevice(deviceId: string) {
    this.sinkId = deviceId;
    const element = this.element as (HTMLMediaElement & { setSinkId?(id: string): Promise<void> }) | null;
    await element?.setSinkId?.(deviceId);
  }
}

interface Peer {
  pc: RTCPeerConnection;
  pendingCandidates: RTCIceCandidateInit[];
  remoteTracks: Partial<Record<MediaKind, LocalRemoteTrack>>;
}

export class LocalRtcClient implements RtcClient {
  private readonly listeners = new Map<string, Set<Listener>>();
  private readonly peers = new Map<number, Peer>();
  private readonly users = new Map<number, RemoteUser>();
  private readonly published: Partial<Record<MediaKind, LocalMediaTrack>> = {};
  private readonly unwatch = new Map<LocalMediaTrack, () => void>();
  private session: string | null = null;
  private events: EventSource | null = null;
  private joining: AbortController | null = null;
  private state: ConnectionState = 'DISCONNECTED';

  on<E extends keyof RtcClientEvents>(event: E, listener: RtcClientEvents[E]) {
    if (!this.listeners.has(event)) this.listeners.set(event, new Set());
    this.listeners.get(event)!.add(listener as Listener);
  }

  off<E extends keyof RtcClientEvents>(event: E, listener: RtcClientEvents[E]) {
    this.listeners.get(event)?.delete(listener as Listener);
  }

  private emit<E extends keyof RtcClientEvents>(event: E, ...args: Parameters<RtcClientEvents[E]>) {
    for (const listener of [...(this.listeners.get(event) ?? [])]) listener(...args);
  }

  private setState(next: ConnectionState, reason?: string) {
    const previous = this.state;
    if (previous === next) return;
    this.state = next;
    this.emit('connection-state-change', next, previous, reason);
  }

  async join(appId: string, channel: string, token: string | null, uid?: Uid | null): Promise<Uid> {
    if (this.session || this.joining) throw new LocalRtcError('INVALID_OPERATION', 'INVALID_OPERATION: already joined or joining');
    const controller = new AbortController();
    this.joining = controller;
    this.setState('CONNECTING');
    try {
      const aborted = () => {
        if (controller.signal.aborted) throw new LocalRtcError('OPERATION_ABORTED', 'OPERATION_ABORTED: join aborted');
      };
      const joined = await post('join', { appId, channel, uid, token }, controller.signal);
      this.session = joined.sessionId;
      if (controller.signal.aborted) {
        // Accepted by the server, but the caller gave up meanwhile: give the uid back at once.
        void post('leave', { session: joined.sessionId }).catch(() => undefined);
        aborted();
      }
      const participants = joined.participants as { uid: number; audio: boolean; video: boolean }[];
      // Offer to everyone already there before listening: events that arrive meanwhile wait in
      // the server's queue, so none of them can create a peer that should have been ours to offer.
      for (const participant of participants) {
        await this.connect(participant.uid, true);
        aborted();
      }
      await this.openEvents(controller.signal);
      aborted();
      for (const participant of participants) {
        const user = this.userFor(participant.uid);
        this.emit('user-joined', user);
        this.applyPublished(user, participant.audio, participant.video);
      }
      this.setState('CONNECTED');
      return joined.uid;
    } catch (error) {
      this.teardown();
      this.setState('DISCONNECTED', controller.signal.aborted ? 'LEAVE' : 'SERVER_ERROR');
      throw error;
    } finally {
      this.joining = null;
    }
  }

  private openEvents(signal: AbortSignal) {
    return new Promise<void>((resolve, reject) => {
      const events = new EventSource(`/api/local/events?session=${encodeURIComponent(this.session!)}`);
      this.events = events;
      let opened = false;
      const abort = () => reject(new LocalRtcError('OPERATION_ABORTED', 'OPERATION_ABORTED: join aborted'));
      if (signal.aborted) return abort();
      signal.addEventListener('abort', abort, { once: true });
      events.onopen = () => {
        opened = true;
        signal.removeEventListener('abort', abort);
        if (this.state === 'RECONNECTING') this.setState('CONNECTED');
        resolve();
      };
      events.onerror = () => {
        if (!opened) {
          reject(new LocalRtcError('NETWORK_ERROR', 'NETWORK_ERROR: the signaling stream did not open'));
          return;
        }
        if (events.readyState === EventSource.CLOSED) {
          // The server no longer knows this session (restarted, or removed it).
          this.teardown();
          this.setState('DISCONNECTED', 'SERVER_ERROR');
        } else {
          this.setState('RECONNECTING', 'NETWORK_ERROR');
        }
      };
      for (const type of ['user-joined', 'user-left', 'user-published', 'signal', 'token-privilege-will-expire', 'token-privilege-did-expire']) {
        events.addEventListener(type, (message) => void this.onServerEvent(JSON.parse((message as MessageEvent).data)));
      }
    });
  }

  private userFor(uid: number): RemoteUser {
    let user = this.users.get(uid);
    if (!user) {
      user = { uid, hasAudio: false, hasVideo: false };
      this.users.set(uid, user);
    }
    return user;
  }

  private async onServerEvent(event: ServerEvent) {
    switch (event.type) {
      case 'user-joined':
        this.emit('user-joined', this.userFor(event.uid!));
        return;
      case 'user-left': {
        const user = this.users.get(event.uid!);
        this.closePeer(event.uid!);
        this.users.delete(event.uid!);
        if (user) this.emit('user-left', user, event.reason ?? 'Quit');
        return;
      }
      case 'user-published':
        this.applyPublished(this.userFor(event.uid!), event.audio!, event.video!);
        return;
      case 'signal':
        await this.onSignal(event.from!, event.data ?? {});
        return;
      case 'token-privilege-will-expire':
        this.emit('token-privilege-will-expire');
        return;
      case 'token-privilege-did-expire':
        // As with Agora, the client has already been removed when this fires.
        this.teardown();
        this.setState('DISCONNECTED', 'TOKEN_EXPIRE');
        this.emit('token-privilege-did-expire');
        return;
    }
  }

  private applyPublished(user: RemoteUser, audio: boolean, video: boolean) {
    const changes: [MediaKind, boolean][] = [
      ['audio', audio],
      ['video', video],
    ];
    for (const [kind, now] of changes) {
      const was = kind === 'audio' ? user.hasAudio : user.hasVideo;
      if (was === now) continue;
      if (kind === 'audio') user.hasAudio = now;
      else user.hasVideo = now;
      if (!now) {
        if (kind === 'audio') user.audioTrack = undefined;
        else user.videoTrack = undefined;
      }
      this.emit(now ? 'user-published' : 'user-unpublished', user, kind);
    }
  }

  /** One peer connection per remote participant; the newcomer makes the offer, so there is no glare. */
  private async connect(remoteUid: number, initiator: boolean): Promise<Peer> {
    const existing = this.peers.get(remoteUid);
    if (existing) return existing;
    const pc = new RTCPeerConnection({ iceServers: [] });
    const peer: Peer = { pc, pendingCandidates: [], remoteTracks: {} };
    this.peers.set(remoteUid, peer);
    pc.onicecandidate = (event) => {
      if (event.candidate) void this.signal(remoteUid, { candidate: event.candidate.toJSON() });
    };
    if (initiator) {
      pc.addTransceiver('audio', { direction: 'sendrecv' });
      pc.addTransceiver('video', { direction: 'sendrecv' });
      await this.attachPublished(pc);
      await pc.setLocalDescription(await pc.createOffer());
      await this.signal(remoteUid, { description: pc.localDescription!.toJSON() });
    }
    return peer;
  }

  private transceiver(pc: RTCPeerConnection, kind: MediaKind) {
    return pc.getTransceivers().find((transceiver) => transceiver.receiver.track.kind === kind);
  }

  private async attachPublished(pc: RTCPeerConnection) {
    for (const kind of ['audio', 'video'] as const) {
      const track = this.published[kind];
      await this.transceiver(pc, kind)?.sender.replaceTrack(track?.currentTrack() ?? null);
    }
  }

  private async onSignal(from: number, data: NonNullable<ServerEvent['data']>) {
    const peer = await this.connect(from, false);
    const { pc } = peer;
    if (data.description) {
      await pc.setRemoteDescription(data.description);
      if (data.description.type === 'offer') {
        pc.getTransceivers().forEach((transceiver) => (transceiver.direction = 'sendrecv'));
        await this.attachPublished(pc);
        await pc.setLocalDescription(await pc.createAnswer());
        await this.signal(from, { description: pc.localDescription!.toJSON() });
      }
      for (const candidate of peer.pendingCandidates.splice(0)) await pc.addIceCandidate(candidate);
    } else if (data.candidate) {
      if (pc.remoteDescription) await pc.addIceCandidate(data.candidate);
      else peer.pendingCandidates.push(data.candidate);
    }
  }

  private async signal(to: number, data: unknown) {
    if (!this.session) return;
    await post('signal', { session: this.session, to, data }).catch((error) => console.warn('local mode signal failed', error));
  }

  async subscribe(user: RemoteUser, mediaType: MediaKind): Promise<RemoteTrack> {
    const uid = Number(user.uid);
    const peer = this.peers.get(uid) ?? (await this.connect(uid, false));
    let track = peer.remoteTracks[mediaType];
    if (!track) {
      for (let attempt = 0; attempt < 100 && !this.transceiver(peer.pc, mediaType); attempt++) {
        await new Promise((resolve) => setTimeout(resolve, 50)); // the offer is still on its way
      }
      const transceiver = this.transceiver(peer.pc, mediaType);
      if (!transceiver) throw new LocalRtcError('INVALID_REMOTE_USER', `INVALID_REMOTE_USER: no ${mediaType} from uid ${uid}`);
      track = new LocalRemoteTrack(transceiver.receiver.track);
      peer.remoteTracks[mediaType] = track;
    }
    if (mediaType === 'audio') user.audioTrack = track;
    else user.videoTrack = track;
    return track;
  }

  async publish(tracks: LocalTrack | LocalTrack[]) {
    for (const track of ([] as LocalTrack[]).concat(tracks) as LocalMediaTrack[]) {
      this.published[track.trackMediaType] = track;
      if (!this.unwatch.has(track)) {
        this.unwatch.set(track, track.onTrackChanged(() => this.peers.forEach(({ pc }) => void this.attachPublished(pc))));
      }
    }
    await this.syncPublished();
  }

  async unpublish(tracks?: LocalTrack | LocalTrack[]) {
    const targets = tracks ? ([] as LocalTrack[]).concat(tracks) : Object.values(this.published);
    for (const track of targets as LocalMediaTrack[]) {
      if (this.published[track.trackMediaType] === track) delete this.published[track.trackMediaType];
      this.unwatch.get(track)?.();
      this.unwatch.delete(track);
    }
    await this.syncPublished();
  }

  private async syncPublished() {
    await Promise.all([...this.peers.values()].map(({ pc }) => this.attachPublished(pc)));
    if (!this.session) return;
    try {
      await post('publish', { session: this.session, audio: Boolean(this.published.audio), video: Boolean(this.published.video) });
    } catch (error) {
      delete this.published.audio;
      delete this.published.video;
      await Promise.all([...this.peers.values()].map(({ pc }) => this.attachPublished(pc)));
      throw error;
    }
  }

  async renewToken(token: string) {
    if (!this.session) throw new LocalRtcError('INVALID_OPERATION', 'INVALID_OPERATION: not in a channel');
    await post('renew', { session: this.session, token });
  }

  async leave() {
    this.joining?.abort();
    const session = this.session;
    this.teardown();
    if (session) await post('leave', { session }).catch(() => undefined);
    this.setState('DISCONNECTED', 'LEAVE');
  }

  private closePeer(uid: number) {
    const peer = this.peers.get(uid);
    if (!peer) return;
    Object.values(peer.remoteTracks).forEach((track) => track.stop());
    peer.pc.close();
    this.peers.delete(uid);
  }

  private teardown() {
    this.events?.close();
    this.events = null;
    this.session = null;
    // Out of the channel nothing is published; a later join publishes afresh.
    this.unwatch.forEach((stop) => stop());
    this.unwatch.clear();
    delete this.published.audio;
    delete this.published.video;
    [...this.peers.keys()].forEach((uid) => this.closePeer(uid));
    this.users.clear();
  }
}
