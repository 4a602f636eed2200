// The call's state machine, independent of React and of which engine carries the media:
// idle → joining → joined ⇄ renewing, joined → rejoining → joined, and → left / failed.
// It owns the token lifecycle: renew before expiry, rejoin after expiry, retry with backoff.
import { JoinTimeoutError, describeJoinError, type CallProblem } from './join-errors';
import type { ConnectionState, LocalTrack, MediaKind, RemoteTrack, RemoteUser, RtcClient, RtcClientEvents, TokenGrant } from './rtc-client';

export type CallPhase = 'idle' | 'joining' | 'joined' | 'renewing' | 'rejoining' | 'left' | 'failed';

export interface Notice {
  kind: 'info' | 'warning';
  text: string;
}

export interface Participant {
  uid: string;
  hasAudio: boolean;
  hasVideo: boolean;
  videoTrack?: RemoteTrack;
}

export interface CallSnapshot {
  phase: CallPhase;
  connection: ConnectionState;
  connectionReason?: string;
  problem?: CallProblem;
  notice?: Notice;
  participants: Participant[];
  localUid?: string;
  /** Unix seconds when the current token stops working; null when unknown. */
  tokenExpiresAt: number | null;
  renewals: number;
  rejoins: number;
}

export interface CallSessionOptions {
  client: RtcClient;
  channel: string;
  /** Fetches a fresh token for this channel and uid (the app wires it to SWR's mutate). */
  getToken: () => Promise<TokenGrant>;
  joinTimeoutMs: number;
  /** False for a pasted token: there is nowhere to get a new one from. */
  renewable?: boolean;
  retryDelayMs?: { first: number; max: number };
}

/** A token this close to expiry (the SDK warns 30 s ahead) is refreshed before joining rather than used. */
const MIN_TOKEN_LIFETIME_AT_JOIN_S = 35;

const INITIAL: CallSnapshot = {
  phase: 'idle',
  connection: 'DISCONNECTED',
  participants: [],
  tokenExpiresAt: null,
  renewals: 0,
  rejoins: 0,
};

const formatTime = (unixSeconds: number) =>
  new Date(unixSeconds * 1000).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });

export class CallSession {
  private snapshot: CallSnapshot = INITIAL;
  private readonly listeners = new Set<() => void>();
  private readonly remoteUsers = new Map<string, RemoteUser>();
  private readonly published = new Set<LocalTrack>();
  private tracks: LocalTrack[] = [];
  private grant: TokenGrant | null = null;
  private speakerId: string | null = null;
  private joining: Promise<void> | null = null;
  private attached = false;
  /** Bumped by leave(): loops and callbacks from an older generation stop. */
  private generation = 0;

  constructor(private readonly options: CallSessionOptions) {}

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = () => this.snapshot;

  /** Read through a call so TypeScript does not narrow it across awaits. */
  private phase(): CallPhase {
    return this.snapshot.phase;
  }

  private update(patch: Partial<CallSnapshot>) {
    this.snapshot = { ...this.snapshot, ...patch };
    for (const listener of this.listeners) listener();
  }

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
    this.attach();
    this.update({ phase: 'joining', problem: undefined, notice: undefined });
    try {
      const nowS = Date.now() / 1000;
      const usable =
        initialGrant && (initialGrant.expiresAt === null || initialGrant.expiresAt - nowS > MIN_TOKEN_LIFETIME_AT_JOIN_S);
      const grant = usable ? initialGrant : await this.options.getToken();
      if (generation !== this.generation) return;
      await this.joinWith(grant);
      if (generation !== this.generation) return;
      await this.publishEnabledTracks();
      if (generation !== this.generation) return;
      this.update({ phase: 'joined' });
    } catch (error) {
      if (generation !== this.generation) return;
      this.joining = null;
      this.update({ phase: 'failed', problem: describeJoinError(error) });
    }
  }

  /** Joins with a timeout: offline, the SDK's join never settles, so abort it with leave(). */
  private async joinWith(grant: TokenGrant) {
    const { client, channel, joinTimeoutMs } = this.options;
    const attempt = client.join(grant.appId, channel, grant.token, grant.uid);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new JoinTimeoutError(joinTimeoutMs)), joinTimeoutMs);
    });
    try {
      const uid = await Promise.race([attempt, timeout]);
      this.grant = grant;
      this.update({ localUid: String(uid), tokenExpiresAt: grant.expiresAt, connection: 'CONNECTED', connectionReason: undefined });
    } catch (error) {
      if (error instanceof JoinTimeoutError) {
        attempt.catch(() => undefined); // leave() makes it reject with OPERATION_ABORTED
        await client.leave().catch(() => undefined);
      }
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  private async publishEnabledTracks() {
    const toPublish = this.tracks.filter((track) => track.enabled && !this.published.has(track));
    if (toPublish.length === 0) return;
    await this.options.client.publish(toPublish);
    toPublish.forEach((track) => this.published.add(track));
  }

  /** Mic or camera on/off: a disabled track is unpublished and stops capturing. */
  async setTrackEnabled(track: LocalTrack, enabled: boolean) {
    const live = this.snapshot.phase === 'joined' || this.snapshot.phase === 'renewing';
    if (!enabled && this.published.has(track)) {
      await this.options.client.unpublish(track);
      this.published.delete(track);
    }
    await track.setEnabled(enabled);
    if (enabled && live && !this.published.has(track)) {
      await this.options.client.publish(track);
      this.published.add(track);
    }
  }

  /** Plays remote audio through this output device, now and for people who join later. */
  async setSpeaker(deviceId: string) {
    this.speakerId = deviceId;
    await Promise.all(
      [...this.remoteUsers.values()].map((user) => user.audioTrack?.setPlaybackDevice?.(deviceId).catch(() => undefined)),
    );
  }

  /** Unpublishes, closes local tracks (the camera light goes off) and leaves. Safe to call twice. */
  async leave() {
    if (this.snapshot.phase === 'left') return;
    this.generation++;
    const { client } = this.options;
    if (this.published.size > 0) await client.unpublish().catch(() => undefined);
    this.published.clear();
    this.tracks.forEach((track) => track.close());
    this.tracks = [];
    await client.leave().catch(() => undefined);
    this.detach();
    this.joining = null;
    this.remoteUsers.clear();
    this.update({ phase: 'left', connection: 'DISCONNECTED', participants: [], notice: undefined });
  }

  private readonly handlers: { [E in keyof RtcClientEvents]: RtcClientEvents[E] } = {
    'connection-state-change': (current, _previous, reason) => {
      this.update({ connection: current, connectionReason: current === 'DISCONNECTED' ? reason : undefined });
    },
    'user-joined': (user) => {
      this.remoteUsers.set(String(user.uid), user);
      this.syncParticipants();
    },
    'user-left': (user) => {
      this.remoteUsers.delete(String(user.uid));
      this.syncParticipants();
    },
    'user-published': (user, mediaType) => {
      if (mediaType === 'datachannel') return;
      this.remoteUsers.set(String(user.uid), user);
      void this.subscribeTo(user, mediaType);
    },
    'user-unpublished': (user) => {
      this.remoteUsers.set(String(user.uid), user);
      this.syncParticipants();
    },
    'token-privilege-will-expire': () => void this.renew(),
    'token-privilege-did-expire': () => void this.rejoinAfterExpiry(),
  };

  private attach() {
    if (this.attached) return;
    this.attached = true;
    for (const [event, handler] of Object.entries(this.handlers)) {
      this.options.client.on(event as keyof RtcClientEvents, handler as never);
    }
  }

  private detach() {
    if (!this.attached) return;
    this.attached = false;
    for (const [event, handler] of Object.entries(this.handlers)) {
      this.options.client.off(event as keyof RtcClientEvents, handler as never);
    }
  }

  private async subscribeTo(user: RemoteUser, mediaType: MediaKind) {
    const generation = this.generation;
    try {
      const track = await this.options.client.subscribe(user, mediaType);
      if (generation !== this.generation) return;
      if (mediaType === 'audio') {
        if (this.speakerId) await track.setPlaybackDevice?.(this.speakerId).catch(() => undefined);
        track.play();
      }
    } catch (error) {
      console.warn(`Could not subscribe to ${mediaType} of user ${user.uid}`, error);
    }
    this.syncParticipants();
  }

  private syncParticipants() {
    const participants = [...this.remoteUsers.values()].map((user) => ({
      uid: String(user.uid),
      hasAudio: user.hasAudio,
      hasVideo: user.hasVideo,
      videoTrack: user.hasVideo ? user.videoTrack : undefined,
    }));
    this.update({ participants });
  }

  private delays() {
    const { first, max } = this.options.retryDelayMs ?? { first: 1000, max: 10_000 };
    let next = first;
    return () => {
      const current = next;
      next = Math.min(next * 2, max);
      return current;
    };
  }

  private sleep(ms: number) {
    return new Promise<void>((resolve) => setTimeout(resolve, ms));
  }

  /** token-privilege-will-expire: fetch a fresh token and renew, retrying until the old one expires. */
  private async renew() {
    if (this.snapshot.phase !== 'joined') return;
    if (this.options.renewable === false) {
      this.update({
        notice: { kind: 'warning', text: 'Your pasted token expires in about 30 seconds. Paste a fresh token and rejoin to continue.' },
      });
      return;
    }
    const generation = this.generation;
    const nextDelay = this.delays();
    this.update({ phase: 'renewing' });
    for (;;) {
      try {
        const grant = await this.options.getToken();
        if (generation !== this.generation || this.phase() !== 'renewing') return;
        await this.options.client.renewToken(grant.token ?? '');
        // The token may have expired (rejoining) or the person left while renewToken was in flight.
        if (generation !== this.generation || this.phase() !== 'renewing') return;
        this.grant = grant;
        const recovered = this.snapshot.notice?.kind === 'warning';
        this.update({
          phase: 'joined',
          tokenExpiresAt: grant.expiresAt,
          renewals: this.snapshot.renewals + 1,
          notice: recovered ? { kind: 'info', text: 'Access token renewed; the call continues.' } : undefined,
        });
        return;
      } catch (error) {
        if (generation !== this.generation || this.phase() !== 'renewing') return;
        const expiresAt = this.grant?.expiresAt ?? null;
        const when = expiresAt ? `at ${formatTime(expiresAt)}` : 'soon';
        this.update({
          notice: {
            kind: 'warning',
            text: `Could not renew your access token (${describeJoinError(error).detail}). Retrying — if it keeps failing, the call will drop ${when}.`,
          },
        });
        if (expiresAt !== null && Date.now() / 1000 >= expiresAt) return; // did-expire takes over
        await this.sleep(nextDelay());
      }
    }
  }

  /** token-privilege-did-expire: the SDK has left already; get a fresh token, join again, republish. */
  private async rejoinAfterExpiry() {
    if (!['joined', 'renewing'].includes(this.snapshot.phase)) return;
    const generation = this.generation;
    const nextDelay = this.delays();
    this.published.clear();
    this.remoteUsers.clear();
    this.update({
      phase: 'rejoining',
      participants: [],
      notice: { kind: 'warning', text: 'Your access token expired and the call disconnected. Reconnecting with a fresh token…' },
    });
    await this.options.client.leave().catch(() => undefined);
    for (;;) {
      if (generation !== this.generation) return;
      if (this.options.renewable === false) {
        this.update({ phase: 'failed', problem: describeJoinError(new Error('TOKEN_EXPIRE token expired')) });
        return;
      }
      try {
        const grant = await this.options.getToken();
        if (generation !== this.generation) return;
        await this.joinWith(grant);
        if (generation !== this.generation) return;
        await this.publishEnabledTracks();
        if (generation !== this.generation) return;
        this.update({
          phase: 'joined',
          rejoins: this.snapshot.rejoins + 1,
          notice: { kind: 'info', text: 'Your access token expired, so you were reconnected with a fresh one.' },
        });
        return;
      } catch (error) {
        if (generation !== this.generation) return;
        const problem = describeJoinError(error);
        if (!problem.retryable) {
          this.joining = null;
          this.update({ phase: 'failed', problem });
          return;
        }
        const delay = nextDelay();
        this.update({
          notice: {
            kind: 'warning',
            text: `Your access token expired and the call disconnected. Reconnecting failed (${problem.title.toLowerCase()}); retrying in ${Math.round(delay / 1000)} s…`,
          },
        });
        await this.sleep(delay);
      }
    }
  }
}
