// Local mode's client: the RtcClient surface of the Agora SDK, carried by WebRTC between the
// browsers (a mesh) with this app's /api/local routes for signaling and token enforcement.
import type {
  ClientRole,
  ConnectionState,
  LocalTrack,
  MediaKind,
  RemoteTrack,
  RemoteUser,
  RtcClient,
  RtcClientEvents,
  Uid,
} from '../rtc';
import { QualityMeter } from './path-quality';
import { PeerMesh } from './peer-mesh';
import { PublishedTracks } from './published-tracks';
import { mark } from '../../timing-marks';
import { LocalConnection } from './connection';
import { Listeners } from '../listeners';
import { Roster } from './roster';
import { LiveRole, showHosts, showRoleChange, type Participant } from './live-role';
import { aborted, LocalRtcError, postSignaling, relaySignal, type ServerEvent } from './signaling-request';

/**
 * How long the roster's events may wait for an answer being made. On a busy machine the UI's
 * render of a newcomer (~50–100 ms) used to run between the steps of the answer it is waiting for.
 */
const ROSTER_WAITS_FOR_ANSWER_MS = 250;
/** How long a join waits for the answers to its offers before it reports itself joined regardless. */
const JOIN_WAITS_FOR_ANSWERS_MS = 300;

export class LocalRtcClient implements RtcClient {
  private readonly listeners = new Listeners<RtcClientEvents>();
  /** Who joined, left, published: told to the UI after an answer being made has left. */
  private readonly roster = new Roster(this.listeners);
  private readonly publications = new PublishedTracks(
    () => this.mesh.refreshOutgoing(),
    () => this.session,
  );
  private readonly mesh: PeerMesh;
  private readonly quality: QualityMeter;
  private session: string | null = null;
  /**
   * The session the tab's stream lost. A page being left loses its stream (the browser aborts it)
   * just before its pagehide: leave() still tells the server, which ignores a session it forgot.
   */
  private lostSession: string | null = null;
  private unlisten: (() => void) | null = null;
  private joining: AbortController | null = null;
  private state: ConnectionState = 'DISCONNECTED';
  private readonly liveRole: LiveRole;
  /** This client's uid in the channel, once joined. */
  private uid: number | null = null;

  /** `receive: false` for a screen share: it sends its track and receives nobody's media. */
  constructor({ receive = true, role = 'audience' }: { receive?: boolean; role?: ClientRole } = {}) {
    this.liveRole = new LiveRole(
      () => this.session,
      () => this.publications.any(),
      () => this.publications.stopSending(),
      role,
    );
    this.mesh = new PeerMesh(
      (to, data) => relaySignal(this.session, to, data),
      (kind) => this.publications.current(kind),
      receive,
    );
    this.quality = new QualityMeter(() => this.mesh.stats());
  }

  getNetworkQuality = () => this.quality.current.self;
  getRemoteNetworkQuality = () => this.quality.current.remote;
  getRemoteVideoStats = () => this.quality.current.stats;

  on: RtcClient['on'] = (event, listener) => this.listeners.add(event, listener);
  off: RtcClient['off'] = (event, listener) => this.listeners.remove(event, listener);

  private setState(next: ConnectionState, reason?: string) {
    const previous = this.state;
    if (previous === next) return;
    this.state = next;
    this.listeners.emit('connection-state-change', next, previous, reason);
  }

  async join(appId: string, channel: string, token: string | null, uid?: Uid | null): Promise<Uid> {
    if (this.session || this.joining)
      throw new LocalRtcError('INVALID_OPERATION', 'INVALID_OPERATION: already joined or joining');
    const controller = new AbortController();
    const { signal } = controller;
    this.joining = controller;
    this.setState('CONNECTING');
    const stopIfAborted = () => {
      if (signal.aborted) throw aborted();
    };
    try {
      mark('join-start');
      const connection = LocalConnection.shared();
      const connectionId = connection.currentId() ?? (await connection.id());
      mark('stream-open');
      // The offer made during the preview rides on the join: the server hands it to someone already
      // there. No await when both are ready: the request then leaves before the call view renders.
      const offer = this.mesh.readyOfferForJoin() ?? (await this.mesh.offerForJoin());
      const request = { connection: connectionId, appId, channel, uid, token, role: this.liveRole.current };
      const joined = await postSignaling('join', { ...request, offer: offer?.description }, signal).catch((error) => {
        offer?.sentTo(undefined);
        throw error;
      });
      mark('join-answered');
      offer?.sentTo(typeof joined.offeredTo === 'number' ? joined.offeredTo : undefined);
      const session = joined.sessionId as string;
      this.session = session;
      this.uid = joined.uid as number;
      if (signal.aborted) {
        // Accepted by the server, but the caller gave up meanwhile: give the uid back at once.
        void postSignaling('leave', { session }).catch(() => undefined);
        stopIfAborted();
      }
      // Everyone, audience too: the media mesh connects to all, the UI hears of hosts only.
      const participants = joined.participants as Participant[];
      // Offer to everyone already there before listening, so no event can create a peer that
      // should have been ours to offer, and before the UI renders them: the offers leave first.
      await Promise.all(
        participants.map((participant) =>
          this.mesh
            .connect(participant.uid, true)
            .catch((error) =>
              console.warn(`local mode: offer to uid ${participant.uid} failed: ${(error as Error).message}`),
            ),
        ),
      );
      stopIfAborted();
      mark('offers-started');
      this.unlisten = connection.listen(session, {
        // Negotiation with a peer that left a moment ago can fail: routine, one line, no trace.
        onEvent: (event) =>
          void this.onServerEvent(event).catch((error) =>
            console.warn(`local mode: ${event.type} failed: ${(error as Error).message}`),
          ),
        onReconnecting: () => this.setState('RECONNECTING', 'NETWORK_ERROR'),
        onReopened: () => this.setState('CONNECTED'),
        onClosed: () => {
          this.lostSession = this.session;
          this.teardown();
          this.setState('DISCONNECTED', 'SERVER_ERROR');
        },
      });
      // The answers to this tab's offers are applied before the UI renders the people in the call
      // (and the call as connected): a render in between held each answer up by ~100 ms here.
      const release = this.roster.hold(JOIN_WAITS_FOR_ANSWERS_MS);
      showHosts(this.roster, participants);
      await this.mesh.answersFrom(
        participants.map((participant) => participant.uid),
        JOIN_WAITS_FOR_ANSWERS_MS,
      );
      stopIfAborted(); // before the UI hears of anyone: teardown drops what is held
      release();
      this.setState('CONNECTED');
      mark('joined');
      this.quality.start();
      return joined.uid as Uid;
    } catch (error) {
      this.teardown();
      this.setState('DISCONNECTED', signal.aborted ? 'LEAVE' : 'SERVER_ERROR');
      throw error;
    } finally {
      this.joining = null;
    }
  }

  private async onServerEvent(event: ServerEvent) {
    switch (event.type) {
      case 'user-joined':
        this.roster.joined(event.uid!);
        return;
      case 'user-left':
        this.mesh.close(event.uid!);
        this.roster.left(event.uid!, event.reason ?? 'Quit');
        return;
      case 'user-published':
        this.roster.published(event.uid!, event.audio!, event.video!);
        return;
      case 'user-role':
        if (event.uid === this.uid) return this.liveRole.demoted();
        return showRoleChange(this.roster, event.uid!, event.role as ClientRole);
      case 'signal': {
        // A newcomer's offer: their arrival renders once the answer has left, not in between.
        const answerSent =
          event.data?.description?.type === 'offer' ? this.roster.hold(ROSTER_WAITS_FOR_ANSWER_MS) : undefined;
        try {
          await this.mesh.onSignal(event.from!, event.data ?? {}, answerSent);
        } finally {
          answerSent?.();
        }
        return;
      }
      case 'token-privilege-will-expire':
        this.listeners.emit('token-privilege-will-expire');
        return;
      case 'token-privilege-did-expire':
        // As with Agora, the client has already been removed when this fires.
        this.teardown();
        this.setState('DISCONNECTED', 'TOKEN_EXPIRE');
        this.listeners.emit('token-privilege-did-expire');
        return;
    }
  }

  async subscribe(user: RemoteUser, mediaType: MediaKind): Promise<RemoteTrack> {
    const uid = Number(user.uid);
    const track = await this.mesh.remoteTrack(uid, mediaType);
    if (!track) throw new LocalRtcError('INVALID_REMOTE_USER', `INVALID_REMOTE_USER: no ${mediaType} from uid ${uid}`);
    if (mediaType === 'audio') user.audioTrack = track;
    else user.videoTrack = track;
    return track;
  }

  async publish(tracks: LocalTrack | LocalTrack[]) {
    this.liveRole.requireHost();
    await this.publications.publish(tracks);
  }

  unpublish = (tracks?: LocalTrack | LocalTrack[]) => this.publications.unpublish(tracks);

  async renewToken(token: string) {
    if (!this.session) throw new LocalRtcError('INVALID_OPERATION', 'INVALID_OPERATION: not in a channel');
    await postSignaling('renew', { session: this.session, token });
  }

  setClientRole = (role: ClientRole) => this.liveRole.set(role);

  get role(): ClientRole {
    return this.liveRole.current;
  }

  async leave() {
    this.joining?.abort();
    const session = this.session ?? this.lostSession;
    this.lostSession = null;
    this.teardown();
    if (session) await postSignaling('leave', { session }).catch(() => undefined);
    this.setState('DISCONNECTED', 'LEAVE');
  }

  private teardown() {
    this.quality.stop();
    this.unlisten?.();
    this.unlisten = null;
    this.session = null;
    this.uid = null;
    this.publications.clear();
    this.mesh.closeAll();
    this.roster.clear();
  }
}
