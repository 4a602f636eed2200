// The room as the server keeps it (hosts, stage mode, who is on stage, who is invited), read by
// this page and changed only through the server: independent of React and of the call. It is read
// when the page opens, every few seconds, and at once when someone says over Signaling that it
// changed (a hint only: what counts is what the server answers, so a forged hint changes nothing).
import type { ClientRole } from '../engine/rtc';
import { HOST_ACTIONS, type RoomAction, type RoomView } from '../../shared/room-contract';
import { Store } from '../store';
import { actOnRoom, fetchRoom, RoomApiError, type RoomAccess } from './room-api';
import { HandledRequests, type NewHostRequests } from './handled-requests';

export interface RoomSnapshot {
  view: RoomView | null;
  /** The first read has answered (or failed): the role to join with is known. */
  settled: boolean;
  /** Why the room could not be read or changed, in words; null when all is well. */
  problem: string | null;
  /** An action under way (so its button shows it). */
  busy: RoomAction | null;
  /** Why the last action was refused, until dismissed or another action. */
  actionError: string | null;
  /** The room's host key this browser holds (host-key.ts), null when none. */
  hostKey: string | null;
}

export interface RoomSessionOptions {
  channel: string;
  /** The page ticket: it says which uid is asking. */
  pageTicket: string | null;
  /** False where there is no rooms API (an external token server, a configuration error). */
  enabled: boolean;
  pollMs?: number;
  /** The key was refused: this browser forgets it. */
  forgetHostKey?: () => void;
}

const POLL_MS = 4_000;
/**
 * A room nobody started changes only when a host link is used: read less often (a host's change is
 * also hinted at once).
 */
const UNHOSTED_POLL_MS = 15_000;

/** The live-mode role a room view gives: the audience of a stage room receives only; everyone else may publish. */
export const clientRoleOf = (view: RoomView | null): ClientRole =>
  view?.you.role === 'audience' ? 'audience' : 'host';

function problemText(error: unknown): string {
  if (error instanceof RoomApiError && error.code === 'room_store_unavailable')
    return (
      'Room controls are paused: the server cannot reach its room store. ' +
      'Nobody can join the stage until it is back; the call goes on.'
    );
  return error instanceof Error ? error.message : 'The room could not be read.';
}

export class RoomSession extends Store<RoomSnapshot> {
  private timer: ReturnType<typeof setInterval> | undefined;
  private reading: Promise<void> | null = null;
  private lastRead = 0;
  private readAgain = false;
  private settledOnce: () => void = () => {};
  private readonly settled = new Promise<void>((resolve) => (this.settledOnce = resolve));
  /** Told after this page changed the room, so the others read it now (Signaling). */
  announce: () => void = () => {};
  /** The hosts' requests this page has handled (by id), kept across Leave and Rejoin. */
  private readonly handled = new HandledRequests();
  /** The person's name: sent with a knock (hosts see who waits) and a host's actions (who asked). */
  private name = '';

  constructor(private readonly options: RoomSessionOptions) {
    super({ view: null, settled: !options.enabled, problem: null, busy: null, actionError: null, hostKey: null });
    if (!options.enabled) this.settledOnce();
  }

  /** Starts reading the room, as a host when a key is given. */
  start(hostKey: string | null = this.snapshot.hostKey) {
    if (hostKey !== this.snapshot.hostKey) this.update({ hostKey });
    if (!this.options.enabled || this.timer) return;
    void this.refresh();
    this.timer = setInterval(() => {
      const unhosted = this.snapshot.view?.hosted === false;
      if (!unhosted || Date.now() - this.lastRead >= UNHOSTED_POLL_MS) void this.refresh();
    }, this.options.pollMs ?? POLL_MS);
  }

  stop() {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Settles once the first read has answered or failed. */
  whenSettled = () => this.settled;

  /** Reads the room now; a request made while one is under way reads once more after it. */
  refresh = (): Promise<void> => {
    if (!this.options.enabled) return Promise.resolve();
    if (this.reading) {
      this.readAgain = true;
      return this.reading;
    }
    this.reading = this.read().finally(() => {
      this.reading = null;
      if (this.readAgain) {
        this.readAgain = false;
        void this.refresh();
      }
    });
    return this.reading;
  };

  private access = (): RoomAccess => ({ pageTicket: this.options.pageTicket, hostKey: this.snapshot.hostKey });

  private async read() {
    this.lastRead = Date.now();
    try {
      this.accept(await fetchRoom(this.options.channel, this.access()));
    } catch (error) {
      // No shared room store on this deployment (Vercel without REDIS_URL): no rooms with hosts, calls as before.
      if (error instanceof RoomApiError && error.code === 'room_store_required') this.stop();
      else this.update({ problem: problemText(error) });
      this.update({ settled: true });
    }
    this.settledOnce();
  }

  private accept(view: RoomView, action?: RoomAction) {
    const refused = this.snapshot.hostKey !== null && view.you.role !== 'host';
    if (refused) this.options.forgetHostKey?.();
    // Before anyone is told of the view: the host who pressed Mute everyone is not muted by it.
    if (action === 'mute-everyone') this.handled.handleOwnMuteEveryone(view);
    this.update({ view, problem: null, settled: true, ...(refused && { hostKey: null }) });
  }

  setName(name: string) {
    this.name = name;
  }

  /** What hosts asked of this person since last taken (each request once), and whether a host muted everyone. */
  takeHostRequests(): NewHostRequests {
    return this.handled.take(this.snapshot.view, this.snapshot.busy === 'mute-everyone');
  }

  /** From now on only new requests count: joining (again) does not act on what hosts asked before. */
  catchUpHostRequests() {
    this.handled.catchUp(this.snapshot.view);
  }

  /** Asks the server to change the room; true when it did. The others are told to read it again. */
  async act(action: RoomAction, uid?: number): Promise<boolean> {
    if (!this.options.enabled) return false;
    this.update({ busy: action, actionError: null });
    const named = this.name && (action === 'knock' || (HOST_ACTIONS as readonly string[]).includes(action));
    try {
      this.accept(
        await actOnRoom(this.options.channel, this.access(), action, { uid, ...(named && { name: this.name }) }),
        action,
      );
      this.announce();
      return true;
    } catch (error) {
      this.update({ actionError: problemText(error) });
      void this.refresh();
      return false;
    } finally {
      this.update({ busy: null });
    }
  }

  dismissActionError() {
    this.update({ actionError: null });
  }
}
