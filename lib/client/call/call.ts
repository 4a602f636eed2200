// One stay in a call, independent of React: the camera's CallSession, names and chat (a
// PresenceSession, logged in once the RTC join has succeeded so Signaling never delays joining),
// the screen share, and who is speaking and how good each connection is. Made at Join, ended at
// Leave; a Rejoin is a new Call. React reads it through CallContext and the hooks in use-call.ts.
import type { LocalTrack, TokenGrant, Uid } from '../engine/rtc';
import type { CallEngine } from '../engine/call-engine';
import { CallSession } from '../call-session';
import { QualityMonitor, SpeakingMonitor } from '../participant-signals';
import { PresenceSession, type SignalingGrant } from '../presence/presence-session';
import { ScreenShare } from './screen-share';

export interface CallTokens {
  /** A fresh RTC token for the camera's uid (the app wires it to SWR's mutate). */
  camera: () => Promise<TokenGrant>;
  /** A fresh RTC token for the screen share's uid. */
  screen: () => Promise<TokenGrant>;
  /** A fresh Signaling token for the camera's uid. */
  signaling: () => Promise<SignalingGrant>;
}

export interface CallOptions {
  engine: CallEngine;
  channel: string;
  uid: Uid;
  screenUid: Uid;
  /** The name the others see. */
  name: string;
  joinTimeoutMs: number;
  tokens: CallTokens;
  /** A token pasted from Agora Console: used as is and never renewed. */
  pasted?: { appId: string; token: string } | null;
}

export class Call {
  readonly camera: CallSession;
  readonly presence: PresenceSession;
  readonly share: ScreenShare;
  readonly speaking = new SpeakingMonitor('self');
  readonly quality = new QualityMonitor();
  private readonly ended = new AbortController();
  private readonly pastedGrant: TokenGrant | null;

  constructor(options: CallOptions) {
    const { engine, channel, uid, screenUid, name, joinTimeoutMs, tokens, pasted } = options;
    const pastedGrant: TokenGrant | null = pasted
      ? { token: pasted.token, appId: pasted.appId, uid: 0, channel, expiresAt: null }
      : null;
    this.camera = new CallSession({
      client: engine.createClient(),
      channel,
      getToken: pastedGrant ? async () => pastedGrant : tokens.camera,
      joinTimeoutMs,
      engine: engine.name,
      renewable: !pastedGrant,
      // This page's own screen share is its second client: shown as "Your screen", not received.
      ignoreUids: [String(screenUid)],
    });
    this.presence = new PresenceSession({
      channel,
      userId: String(uid),
      name,
      getToken: tokens.signaling,
      createClient: (grant) => engine.createSignalingClient(grant.appId, String(uid)),
      loginTimeoutMs: joinTimeoutMs,
    });
    this.share = new ScreenShare({
      engine,
      channel,
      screenUid: String(screenUid),
      getToken: tokens.screen,
      joinTimeoutMs,
      announce: (shared) => void this.presence.setScreen(shared),
    });
    this.quality.readFrom(this.camera);
    this.pastedGrant = pastedGrant;
  }

  /** Joins and publishes `tracks`; Signaling logs in once the join has succeeded. */
  join(tracks: LocalTrack[], options: { initialGrant?: TokenGrant; speakerId?: string | null } = {}) {
    const { signal } = this.ended;
    if (signal.aborted) return;
    if (options.speakerId) void this.camera.setSpeaker(options.speakerId);
    const startPresenceOnceJoined = () => {
      if (signal.aborted || this.camera.getSnapshot().phase !== 'joined') return;
      unsubscribe();
      void this.presence.start();
    };
    const unsubscribe = this.camera.subscribe(startPresenceOnceJoined);
    signal.addEventListener('abort', unsubscribe);
    this.speaking.start();
    this.quality.start();
    void this.camera.join(tracks, this.pastedGrant ?? options.initialGrant);
  }

  /** Ends the share, leaves (camera off), logs out of Signaling. Safe to call twice. */
  async leave() {
    this.ended.abort();
    this.speaking.stop();
    this.quality.stop();
    await this.share.stop();
    await Promise.all([this.camera.leave(), this.presence.stop()]);
  }

  /**
   * The page is going away (tab closed, reload, navigation): the camera's and the screen's clients
   * leave and Signaling logs out within this call, so their requests go out before the page is
   * gone and the others see the person leave now, not after a timeout.
   */
  leaveNow() {
    this.ended.abort();
    this.speaking.stop();
    this.quality.stop();
    this.camera.leaveNow();
    this.share.stopNow();
    void this.presence.stop();
  }
}
