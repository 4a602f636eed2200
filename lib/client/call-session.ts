// The call's state machine, independent of React and of which engine carries the media:
// idle → joining → joined ⇄ renewing, joined → rejoining → joined, and → left / failed.
// It owns the token lifecycle: renew before expiry, rejoin after expiry, retry with backoff.
import { CALL_PROBLEMS, describeCallProblem, type CallProblem } from './call-problems';
import type { LocalTrack, RemoteUser, RtcClient, RtcClientEvents, TokenGrant } from './engine/rtc';
import { backoff, sleep, type BackoffOptions } from './backoff';
import { EventBinding } from './event-binding';
import { Store } from './store';
import { mark } from './timing-marks';
import { IDLE_SNAPSHOT, NOTICES, type CallPhase, type CallSnapshot, type DropCause } from './call-snapshot';
import { joinWithTimeout } from './join-with-timeout';
import { lastsLongEnoughToJoin, renewUntilExpiry } from './token-renewal';
import { dropCause, type RenewalUnderWay } from './drop-cause';
import { Publication } from './publication';
import { RemoteParticipants } from './remote-participants';

export type { CallPhase, CallSnapshot, Notice, Participant } from './call-snapshot';

export interface CallSessionOptions {
  client: RtcClient;
  channel: string;
  /** Fetches a fresh token for this channel and uid (the app wires it to SWR's mutate). */
  getToken: () => Promise<TokenGrant>;
  joinTimeoutMs: number;
  /** False for a pasted token: there is nowhere to get a new one from. */
  renewable?: boolean;
  /** False for a screen-share client: it only sends, and takes no notice of anyone else. */
  receive?: boolean;
  /** Remote uids to take no notice of (this person's own screen share, seen from the camera client). */
  ignoreUids?: string[];
  retryDelayMs?: BackoffOptions;
  /** Who carries the call, so a join that times out names who did not answer. */
  engine?: 'agora' | 'local';
}

export class CallSession extends Store<CallSnapshot> {
  private readonly remote: RemoteParticipants;
  private readonly publication: Publication;
  private tracks: LocalTrack[] = [];
  private grant: TokenGrant | null = null;
  /** The grant the current join attempt uses; a failure hands it to the UI to say what did not match. */
  private attempted: TokenGrant | null = null;
  private joining: Promise<void> | null = null;
  private readonly events: EventBinding<CallSession['handlers']>;
  /** Bumped by leave(): loops and callbacks from an older generation stop. */
  private generation = 0;
  /** The renewal under way, if any: what a drop meanwhile is blamed on. */
  private renewal: RenewalUnderWay | null = null;

  constructor(private readonly options: CallSessionOptions) {
    super(IDLE_SNAPSHOT);
    this.publication = new Publication(options.client);
    this.remote = new RemoteParticipants(options.client, (participants) => this.update({ participants }));
    this.events = new EventBinding(options.client as never, this.handlers);
  }

  /** Read through a call so TypeScript does not narrow it across awaits. */
  private phase = (): CallPhase => this.snapshot.phase;

  /** Joins and publishes the enabled tracks. Calling it again while joining or joined is a no-op. */
  join(tracks: LocalTrack[], initialGrant?: TokenGrant): Promise<void> {
    if (this.joining) return this.joining;
    if (this.snapshot.phase === 'left') return Promise.resolve();
    this.tracks = tracks;
    this.joining = this.runJoin(initialGrant);
    return this.joining;
  }

  /** After a failed join: try again with the same tracks and a fresh token. */
  retry(): Promise<void> {
    if (this.snapshot.phase !== 'failed') return this.joining ?? Promise.resolve();
    return this.join(this.tracks);
  }

  private async runJoin(initialGrant?: TokenGrant) {
    const generation = this.generation;
    this.events.bind();
    const usable = initialGrant && lastsLongEnoughToJoin(initialGrant);
    // The join request goes out first; the re-render that says "Connecting…" happens meanwhile.
    const connecting = this.connect(generation, usable ? initialGrant : undefined);
    this.update({ phase: 'joining', problem: undefined, failedGrant: undefined, notice: undefined });
    try {
      if (await connecting) {
        mark('published');
        this.update({ phase: 'joined' });
      }
    } catch (error) {
      if (generation !== this.generation) return;
      this.fail(describeCallProblem(error));
    }
  }

  private fail(problem: CallProblem) {
    this.joining = null;
    this.publication.stop();
    this.update({ phase: 'failed', problem, failedGrant: this.attempted ?? undefined });
  }

  /**
   * The one way into the channel, for the first join and the rejoin after expiry: a token (fetched
   * unless given), join with a timeout, publish. False when leave() happened meanwhile.
   */
  private async connect(generation: number, grant?: TokenGrant): Promise<boolean> {
    this.attempted = null;
    const token = grant ?? (await this.options.getToken());
    this.attempted = token;
    if (generation !== this.generation) return false;
    await this.joinWith(token);
    if (generation !== this.generation) return false;
    await this.publication.start(this.tracks);
    return generation === this.generation;
  }

  private async joinWith(grant: TokenGrant) {
    const { client, channel, joinTimeoutMs } = this.options;
    const uid = await joinWithTimeout(client, channel, grant, joinTimeoutMs, this.options.engine);
    this.grant = grant;
    this.update({
      localUid: String(uid),
      tokenExpiresAt: grant.expiresAt,
      connection: 'CONNECTED',
      connectionReason: undefined,
    });
  }

  /** Mic or camera on/off: a disabled track is unpublished and stops capturing. */
  setTrackEnabled(track: LocalTrack, enabled: boolean) {
    return this.publication.setEnabled(track, enabled);
  }

  setSpeaker(deviceId: string) {
    return this.remote.setSpeaker(deviceId);
  }

  /** Unpublishes, closes local tracks (the camera light goes off) and leaves. Safe to call twice. */
  async leave() {
    if (this.snapshot.phase === 'left') return;
    this.generation++;
    await this.publication.unpublishAll();
    await this.finishLeaving();
  }

  /**
   * The page is going away (tab closed, reload, navigation): leave at once, so the request leaves
   * before the page does and the others see us go now rather than after a timeout. Nothing is
   * unpublished first: that would be a round trip the page does not live to finish.
   */
  leaveNow() {
    if (this.snapshot.phase === 'left') return;
    this.generation++;
    this.publication.stop();
    void this.finishLeaving();
  }

  private async finishLeaving() {
    this.tracks.forEach((track) => track.close());
    this.tracks = [];
    await this.options.client.leave().catch(() => undefined);
    this.events.unbind();
    this.joining = null;
    this.remote.clear();
    this.update({ phase: 'left', connection: 'DISCONNECTED', notice: undefined });
  }

  private readonly handlers: { [E in keyof RtcClientEvents]: RtcClientEvents[E] } = {
    'connection-state-change': (current, _previous, reason) => {
      this.update({ connection: current, connectionReason: current === 'DISCONNECTED' ? reason : undefined });
      // The server ended the session under us (local mode: the tab's event stream came back as a new connection).
      if (current === 'DISCONNECTED' && reason === 'SERVER_ERROR') void this.rejoin(this.cause('session-gone'));
    },
    'user-joined': (user) => this.noticed(user) && this.remote.joined(user),
    'user-left': (user) => this.noticed(user) && this.remote.left(user),
    'user-published': (user, mediaType) => {
      if (mediaType !== 'datachannel' && this.noticed(user)) this.remote.published(user, mediaType);
    },
    'user-unpublished': (user) => this.noticed(user) && this.remote.unpublished(user),
    'token-privilege-will-expire': () => void this.renew(),
    'token-privilege-did-expire': () => void this.rejoin(this.cause('token-expired')),
  };

  private noticed(user: RemoteUser) {
    return this.options.receive !== false && !this.options.ignoreUids?.includes(String(user.uid));
  }

  /** Connection quality of this client and of everyone it receives (Agora: updated every 2 s). */
  networkQuality() {
    const { client } = this.options;
    return {
      self: client.getNetworkQuality?.() ?? null,
      remote: client.getRemoteNetworkQuality?.() ?? {},
      stats: client.getRemoteVideoStats?.() ?? {},
    };
  }

  /** token-privilege-will-expire: fetch a fresh token and renew, retrying until the old one expires. */
  private async renew(): Promise<void> {
    // Warned again mid-renewal (the server got the new token only inside the 30 s window): once more after.
    if (this.snapshot.phase === 'renewing' && this.renewal) return void (this.renewal.warnedAgain = true);
    if (this.snapshot.phase !== 'joined') return;
    if (this.options.renewable === false) return this.update({ notice: NOTICES.pastedTokenExpiring });
    const generation = this.generation;
    this.update({ phase: 'renewing' });
    const renewal: RenewalUnderWay = (this.renewal = { startedAt: Date.now(), failure: null });
    await renewUntilExpiry(renewal, {
      getToken: () => this.options.getToken(),
      renewToken: (token) => this.options.client.renewToken(token),
      stillRenewing: () => generation === this.generation && this.phase() === 'renewing',
      expiresAt: () => this.grant?.expiresAt ?? null,
      renewed: (grant) => {
        this.grant = grant;
        this.renewal = null;
        const notice = this.snapshot.notice?.kind === 'warning' ? NOTICES.renewedAfterTrouble : undefined;
        this.update({ phase: 'joined', tokenExpiresAt: grant.expiresAt, renewals: this.snapshot.renewals + 1, notice });
        return renewal.warnedAgain ? this.renew() : undefined;
      },
      sessionGone: () => void this.rejoin(this.cause('session-gone')),
      failed: (problem) => this.update({ notice: NOTICES.renewFailed(problem.detail, this.grant?.expiresAt ?? null) }),
      retryDelayMs: this.options.retryDelayMs,
    });
  }

  /** Why the call dropped: what was said, judged against the token's end and the renewal under way. */
  private cause(said: 'token-expired' | 'session-gone'): DropCause {
    return dropCause(said, this.grant?.expiresAt ?? null, this.phase() === 'renewing' ? this.renewal : null);
  }

  /** After the SDK has left (did-expire) or the server dropped the session: a fresh token, join, republish; saying why it dropped. */
  private async rejoin(cause: DropCause) {
    if (!['joined', 'renewing'].includes(this.snapshot.phase)) return;
    const generation = this.generation;
    const nextDelay = backoff(this.options.retryDelayMs);
    this.renewal = null;
    this.publication.stop();
    this.remote.clear();
    this.update({ phase: 'rejoining', notice: NOTICES.dropped(cause) });
    await this.options.client.leave().catch(() => undefined);
    if (this.options.renewable === false)
      return void (generation === this.generation && this.fail(CALL_PROBLEMS.tokenExpired));
    while (generation === this.generation) {
      try {
        if (await this.connect(generation))
          this.update({ phase: 'joined', rejoins: this.snapshot.rejoins + 1, notice: NOTICES.rejoined(cause) });
        return;
      } catch (error) {
        if (generation !== this.generation) return;
        const problem = describeCallProblem(error);
        if (!problem.retryable) return this.fail(problem);
        const delay = nextDelay();
        this.update({ notice: NOTICES.rejoinFailed(cause, problem.title, delay) });
        await sleep(delay);
      }
    }
  }
}
