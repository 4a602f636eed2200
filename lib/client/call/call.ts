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
import { qualitySourceOf } from '../network-quality';
import { apiCodeOf } from '../call-problems';
import type { TokenRole } from '../client-role';
import { clientRoleOf, type RoomSession } from '../room/room-session';
import { isRoomRefusal } from '../room/room-gate';

export interface CallTokens {
  /** A fresh RTC token for the camera's uid, for a role (the app wires it to SWR's mutate). */
  camera: (role: TokenRole) => Promise<TokenGrant>;
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
  /** The room's state from the server (hosts, stage): it decides whether this person publishes. */
  room?: RoomSession;
  /** Turns the microphone and camera off: when stage mode ends, the audience comes back unheard and unseen. */
  turnOffDevices?: () => Promise<void>;
}

export class Call {
  readonly camera: CallSession;
  readonly presence: PresenceSession;
  readonly share: ScreenShare;
  readonly speaking = new SpeakingMonitor('self');
  readonly quality = new QualityMonitor();
  private readonly ended = new AbortController();
  private readonly pastedGrant: TokenGrant | null;
  private readonly tokens: CallTokens;
  private readonly room: RoomSession | null;
  private readonly turnOffDevices: () => Promise<void>;

  constructor(options: CallOptions) {
    const { engine, channel, uid, screenUid, name, joinTimeoutMs, tokens, pasted, room } = options;
    const pastedGrant: TokenGrant | null = pasted
      ? { token: pasted.token, appId: pasted.appId, uid: 0, channel, expiresAt: null }
      : null;
    const role = pastedGrant ? 'host' : clientRoleOf(room?.getSnapshot().view ?? null);
    const client = engine.createClient({ role });
    this.camera = new CallSession({
      client,
      channel,
      getToken: pastedGrant ? async () => pastedGrant : (role) => this.cameraToken(role),
      role,
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
      onRoomChanged: () => void room?.refresh(),
    });
    this.share = new ScreenShare({
      engine,
      channel,
      screenUid: String(screenUid),
      getToken: tokens.screen,
      joinTimeoutMs,
      announce: (shared) => void this.presence.setScreen(shared),
    });
    this.quality.readFrom(qualitySourceOf(client));
    this.pastedGrant = pastedGrant;
    this.tokens = tokens;
    this.room = pastedGrant ? null : (room ?? null);
    this.turnOffDevices = options.turnOffDevices ?? (async () => {});
  }

  /**
   * A token for the camera; refused by the room (moved to the audience, removed, call ended), the
   * room is read again.
   */
  private async cameraToken(role: TokenRole): Promise<TokenGrant> {
    try {
      return await this.tokens.camera(role);
    } catch (error) {
      const code = apiCodeOf(error);
      if (code === 'not_on_stage' || isRoomRefusal(code)) void this.room?.refresh();
      throw error;
    }
  }

  /** The room decides the role: off the stage, a share ends and the camera stops publishing; on it, the reverse. */
  private followRoom(signal: AbortSignal) {
    const room = this.room;
    if (!room) return;
    const follow = () => {
      const view = room.getSnapshot().view;
      const role = clientRoleOf(view);
      const held = this.camera.getSnapshot().role;
      if (role === held) return;
      if (role === 'audience') void this.share.stop();
      // Stage mode ended: nobody in the audience is suddenly heard or seen; they turn on what they choose.
      const first = held === 'audience' && view?.you.role === 'guest' ? this.turnOffDevices() : Promise.resolve();
      void first.then(() => this.camera.setRole(role)).catch(() => undefined); // refusals: the session's notice says
    };
    const unsubscribe = room.subscribe(follow);
    room.announce = () => this.presence.announceRoomChange();
    signal.addEventListener('abort', () => {
      unsubscribe();
      room.announce = () => {};
    });
    follow();
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
    this.followRoom(signal);
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
