// Sharing a screen, independent of React: the Agora SDK sends one video track per client, so the
// screen goes out through a second client with the page's second uid and its own token lifecycle
// (a CallSession like the camera's, receiving nothing). `announce` tells the others, over
// Signaling, whose screen that uid is.
import type { TokenGrant } from '../engine/rtc';
import type { CallEngine, ScreenTrack } from '../engine/call-engine';
import { CallSession } from '../call-session';
import { Store } from '../store';

export type ShareStatus = 'idle' | 'starting' | 'sharing';

export interface ShareState {
  status: ShareStatus;
  /** Why the last attempt failed, in words; null when it did not (a cancelled picker is no failure). */
  error: string | null;
}

export interface ScreenShareOptions {
  engine: CallEngine;
  channel: string;
  screenUid: string;
  getToken: () => Promise<TokenGrant>;
  joinTimeoutMs: number;
  announce: (screenUid: string | null) => void;
}

/** Browsers that can share a screen (not phones: they have no getDisplayMedia). */
export const canShareScreen = () =>
  typeof navigator !== 'undefined' && typeof navigator.mediaDevices?.getDisplayMedia === 'function';

const cancelled = (error: unknown) =>
  /NotAllowed|Permission denied|PERMISSION_DENIED|AbortError/i.test(
    `${(error as Error)?.name} ${(error as Error)?.message}`,
  );

export class ScreenShare extends Store<ShareState> {
  private session: CallSession | null = null;
  /** Aborted by stop(): a start still waiting for the picker or the join gives up. */
  private attempt: AbortController | null = null;

  constructor(private readonly options: ScreenShareOptions) {
    super({ status: 'idle', error: null });
  }

  async start() {
    if (this.attempt) return;
    const attempt = (this.attempt = new AbortController());
    const { engine, channel, getToken, joinTimeoutMs, screenUid } = this.options;
    this.update({ status: 'starting', error: null });
    let screen: ScreenTrack;
    try {
      screen = await engine.createScreenTrack();
    } catch (failure) {
      if (attempt.signal.aborted) return;
      this.attempt = null;
      this.update({
        status: 'idle',
        error: cancelled(failure) ? null : `The screen could not be shared (${(failure as Error).message}).`,
      });
      return;
    }
    if (attempt.signal.aborted) return screen.close();
    const session = (this.session = new CallSession({
      client: engine.createClient({ receive: false, role: 'host' }),
      channel,
      getToken,
      joinTimeoutMs,
      engine: engine.name,
      receive: false,
    }));
    screen.onEnded(() => void this.stop()); // the browser's own "Stop sharing"
    await session.join([screen]);
    if (attempt.signal.aborted) return;
    if (session.getSnapshot().phase !== 'joined') {
      const detail = session.getSnapshot().problem?.detail ?? 'the share did not connect.';
      await this.stop();
      this.update({ error: `The screen could not be shared: ${detail}` });
      return;
    }
    this.options.announce(screenUid);
    this.update({ status: 'sharing' });
  }

  /** Ends the share (closing the screen track with its client). Safe to call when not sharing. */
  async stop() {
    const { session } = this;
    const wasSharing = this.attempt !== null;
    this.attempt?.abort();
    this.attempt = null;
    this.session = null;
    if (!wasSharing) return;
    this.options.announce(null);
    this.update({ status: 'idle' });
    await session?.leave();
  }

  /** The page is going away: the screen's client leaves at once (see CallSession.leaveNow). */
  stopNow() {
    const { session } = this;
    this.attempt?.abort();
    this.attempt = null;
    this.session = null;
    session?.leaveNow();
  }

  clearError() {
    this.update({ error: null });
  }
}
