// The call's state machine, independent of React and of which engine carries the media:
// idle → joining → joined ⇄ renewing, joined → rejoining → joined, and → left / failed.
// It owns the token lifecycle: renew before expiry, rejoin after expiry, retry with backoff.
import { CALL_PROBLEMS, describeCallProblem, type CallProblem } from './call-problems';
import type { ClientRole, LocalTrack, RemoteUser, RtcClientEvents, TokenGrant } from './engine/rtc';
import { grantFits, PublishRenewal, RoleInChannel, tokenRoleFor } from './client-role';
import { EventBinding } from './event-binding';
import { Store } from './store';
import { mark } from './timing-marks';
import { IDLE_SNAPSHOT, NOTICES, type CallPhase, type CallSnapshot, type DropCause } from './call-snapshot';
import { joinWithTimeout } from './join-with-timeout';
import { lastsLongEnoughToJoin, rejoinUntilJoined, renewUntilExpiry } from './token-renewal';
import { dropCause, type RenewalUnderWay } from './drop-cause';
import { Publication } from './publication';
import { RemoteParticipants } from './remote-participants';
import type { CallSessionOptions } from './call-session-options';

export type { CallPhase, CallSnapshot, Notice, Participant } from './call-snapshot';
export type { CallSessionOptions } from './call-session-options';

export class CallSession extends Store<CallSnapshot> {
  private readonly remote: RemoteParticipants;
  private readonly publication: Publication;
  private tracks: LocalTrack[] = [];
  private grant: TokenGrant | null = null;
  /** The current join attempt's grant: a failure hands it to the UI to say what did not match. */
  private attempted: TokenGrant | null = null;
  private joining: Promise<void> | null = null;
  private readonly events: EventBinding<CallSession['handlers']>;
  /** Aborted by leave() (for good: a session never joins again): loops and callbacks still running stop. */
  private readonly left = new AbortController();
  /** The renewal under way, if any: what a drop meanwhile is blamed on. */
  private renewal: RenewalUnderWay | null = null;
  private readonly publishRenewal = new PublishRenewal();
  /** The role the client holds in the channel (the snapshot's is the one wanted). */
  private readonly role: RoleInChannel;

  constructor(private readonly options: CallSessionOptions) {
    super({ ...IDLE_SNAPSHOT, role: options.role ?? 'host' });
    this.publication = new Publication(options.client);
    this.role = new RoleInChannel({
      client: options.client,
      getToken: options.getToken,
      publish: () => this.publication.start(this.tracks),
      unpublish: () => this.publication.unpublishAll(),
    });
    this.remote = new RemoteParticipants(options.client, (participants) => this.update({ participants }));
    this.events = new EventBinding(options.client as never, this.handlers);
  }

  private phase = (): CallPhase => this.snapshot.phase; // a call, so TypeScript does not narrow it across awaits

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
    const { signal } = this.left;
    this.events.bind();
    const usable = initialGrant && lastsLongEnoughToJoin(initialGrant);
    // The join request goes out first; the re-render that says "Connecting…" happens meanwhile.
    const connecting = this.connect(signal, usable ? initialGrant : undefined);
    this.update({ phase: 'joining', problem: undefined, failedGrant: undefined, notice: undefined });
    try {
      if (await connecting) {
        mark('published');
        this.joinedNow({});
      }
    } catch (error) {
      if (signal.aborted) return;
      this.fail(describeCallProblem(error));
    }
  }

  private fail(problem: CallProblem) {
    this.joining = null;
    this.publication.stop();
    this.update({ phase: 'failed', problem, failedGrant: this.attempted ?? undefined });
  }

  /** The one way into the channel (join, rejoin): token, role, join with a timeout, publish. False if left since. */
  private async connect(signal: AbortSignal, grant?: TokenGrant): Promise<boolean> {
    this.attempted = null;
    const role = this.snapshot.role;
    const token = grant && grantFits(grant, role) ? grant : await this.token();
    this.attempted = token;
    if (signal.aborted) return false;
    // Made in this role, the client joins without an await first: the join request then leaves
    // within the Join click's task, before React renders the call view.
    if (this.options.client.role !== role) await this.options.client.setClientRole(role);
    this.role.joinedAs(role);
    await this.joinWith(token);
    if (signal.aborted) return false;
    if (role === 'host') await this.publication.start(this.tracks);
    return !signal.aborted;
  }

  private async joinWith(grant: TokenGrant) {
    const { client, channel, joinTimeoutMs } = this.options;
    const uid = await joinWithTimeout(client, channel, grant, joinTimeoutMs, this.options.engine);
    this.useGrant(grant);
    this.update({
      localUid: String(uid),
      tokenExpiresAt: grant.expiresAt,
      connection: 'CONNECTED',
      connectionReason: undefined,
    });
  }

  /** In the channel; a role asked for meanwhile is taken up now. */
  private joinedNow(patch: Partial<CallSnapshot>) {
    this.update({ ...patch, phase: 'joined' });
    void this.changeRoleInPlace().catch(() => undefined);
  }

  /** A token for the role held now. */
  private token = () => this.options.getToken(tokenRoleFor(this.snapshot.role));

  private useGrant(grant: TokenGrant) {
    this.grant = grant;
    this.publishRenewal.schedule(grant, () => void this.renew());
  }

  /** On or off the stage, as the server said: in the channel the role changes in place, else the next join uses it. */
  setRole(role: ClientRole): Promise<void> {
    if (role !== this.snapshot.role) this.update({ role, notice: undefined });
    return this.changeRoleInPlace();
  }

  private changeRoleInPlace(): Promise<void> {
    if (!['joined', 'renewing'].includes(this.snapshot.phase)) return Promise.resolve();
    const current = () => !this.left.signal.aborted;
    const wanted = this.snapshot.role;
    return this.role.bringTo(wanted, {
      renewed: (grant) => current() && this.useGrant(grant),
      failed: (held, error) =>
        current() && this.update({ role: held, notice: NOTICES.roleChangeFailed(wanted, describeCallProblem(error)) }),
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
    this.left.abort();
    await this.publication.unpublishAll();
    await this.finishLeaving();
  }

  /** The page is going away: leave at once, so the others see us go now (no time for an unpublish round trip). */
  leaveNow() {
    if (this.snapshot.phase === 'left') return;
    this.left.abort();
    this.publication.stop();
    void this.finishLeaving();
  }

  private async finishLeaving() {
    this.publishRenewal.cancel();
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

  /** token-privilege-will-expire: fetch a fresh token and renew, retrying until the old one expires. */
  private async renew(): Promise<void> {
    // Warned again mid-renewal (the server got the new token only inside the 30 s window): once more after.
    if (this.snapshot.phase === 'renewing' && this.renewal) return void (this.renewal.warnedAgain = true);
    if (this.snapshot.phase !== 'joined') return;
    if (this.options.renewable === false) return this.update({ notice: NOTICES.pastedTokenExpiring });
    this.update({ phase: 'renewing' });
    const renewal: RenewalUnderWay = (this.renewal = { startedAt: Date.now(), failure: null });
    await renewUntilExpiry(renewal, {
      signal: this.left.signal,
      getToken: this.token,
      renewToken: (token) => this.options.client.renewToken(token),
      stillRenewing: () => this.phase() === 'renewing',
      expiresAt: () => this.grant?.expiresAt ?? null,
      renewed: (grant) => {
        this.useGrant(grant);
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

  /** After the SDK left (did-expire) or the server dropped the session: fresh token, join, republish; saying why. */
  private async rejoin(cause: DropCause) {
    if (!['joined', 'renewing'].includes(this.snapshot.phase)) return;
    const { signal } = this.left;
    this.renewal = null;
    this.publication.stop();
    this.remote.clear();
    this.update({ phase: 'rejoining', notice: NOTICES.dropped(cause) });
    await this.options.client.leave().catch(() => undefined);
    if (this.options.renewable === false) return void (signal.aborted || this.fail(CALL_PROBLEMS.tokenExpired));
    await rejoinUntilJoined({
      connect: () => this.connect(signal),
      signal,
      joined: () => this.joinedNow({ rejoins: this.snapshot.rejoins + 1, notice: NOTICES.rejoined(cause) }),
      fail: (problem) => this.fail(problem),
      retrying: (problem, delay) => this.update({ notice: NOTICES.rejoinFailed(cause, problem.title, delay) }),
      retryDelayMs: this.options.retryDelayMs,
    });
  }
}
