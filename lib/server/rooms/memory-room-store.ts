import 'server-only';
// Rooms in this process's memory: right for one server (npm start, local mode), wrong for several
// instances (each would have its own rooms): roomStore() uses Redis when REDIS_URL is set and
// refuses this store on Vercel. Every operation is synchronous, hence atomic.
import type { HostRequest } from '../../shared/room-contract';
import { newRoom, snapshot, type Room } from './memory-room';
import {
  ENDED,
  HOST_SEEN_MS,
  MAX_REQUESTS,
  MAX_WAITING,
  ROOM_TTL_MS,
  roomEnded,
  type RoomState,
  type RoomStore,
} from './room-store';

/** Expired rooms are swept at most this often, so rooms nobody reads again do not pile up. */
const SWEEP_EVERY_MS = 60 * 1000;

class MemoryRoomStore implements RoomStore {
  readonly kind = 'memory';
  private readonly rooms = new Map<string, Room>();
  /** channel → until when (ms) it stays ended. */
  private readonly ended = new Map<string, number>();
  private lastSweep = 0;

  async claim(channel: string, stage: boolean): Promise<boolean> {
    this.refuseEnded(channel);
    if (this.live(channel)) return false;
    this.create(channel, stage);
    return true;
  }

  async read(channel: string): Promise<RoomState | null> {
    if (this.isEnded(channel)) return { ...ENDED };
    const room = this.live(channel);
    if (!room) return null;
    return snapshot(room);
  }

  async setStage(channel: string, on: boolean) {
    this.change(channel, true, (room) => {
      room.stage = on;
      if (!on) {
        room.onStage.clear();
        room.invited.clear();
      }
    });
  }

  async invite(channel: string, uid: number) {
    this.change(channel, true, (room) => {
      if (!room.onStage.has(uid)) room.invited.add(uid);
    });
  }

  async accept(channel: string, uid: number): Promise<boolean> {
    return (
      this.change(channel, false, (room) => {
        if (!room.invited.delete(uid)) return false;
        room.onStage.add(uid);
        return true;
      }) ?? false
    );
  }

  async decline(channel: string, uid: number) {
    this.change(channel, false, (room) => room.invited.delete(uid));
  }

  async toAudience(channel: string, uid: number) {
    this.change(channel, false, (room) => {
      room.onStage.delete(uid);
      room.invited.delete(uid);
    });
  }

  async hostSeen(channel: string, uid: number) {
    this.change(channel, true, (room) => {
      const now = Date.now();
      for (const [other, seen] of room.hosts) if (seen <= now - HOST_SEEN_MS) room.hosts.delete(other);
      room.hosts.set(uid, now);
    });
  }

  async end(channel: string, seconds: number) {
    this.rooms.delete(channel);
    if (!this.isEnded(channel)) this.ended.set(channel, Date.now() + seconds * 1000);
  }

  async setLocked(channel: string, on: boolean) {
    this.change(channel, true, (room) => void (room.locked = on));
  }

  async setWaitingRoom(channel: string, on: boolean) {
    this.change(channel, true, (room) => {
      room.waitingRoom = on;
      if (on) for (const uid of room.members) room.admitted.add(uid);
      else {
        room.waiting.clear();
        room.denied.clear();
      }
    });
  }

  async enter(channel: string, uid: number, browser: string | null) {
    this.change(channel, false, (room) => {
      room.members.add(uid);
      if (!browser) return;
      room.browsers.set(uid, browser);
      room.memberBrowsers.add(browser);
    });
  }

  async knock(channel: string, uid: number, name: string, browser: string | null) {
    this.change(channel, false, (room) => {
      if (!room.waiting.has(uid) && room.waiting.size >= MAX_WAITING) return;
      room.waiting.set(uid, { uid, name, since: room.waiting.get(uid)?.since ?? Date.now() });
      if (browser) room.browsers.set(uid, browser);
    });
  }

  async admit(channel: string, uid: number) {
    this.change(channel, true, (room) => {
      room.waiting.delete(uid);
      room.denied.delete(uid);
      room.admitted.add(uid);
      room.members.add(uid);
    });
  }

  async deny(channel: string, uid: number) {
    this.change(channel, true, (room) => {
      room.waiting.delete(uid);
      room.admitted.delete(uid);
      room.denied.add(uid);
    });
  }

  async remove(channel: string, uid: number, seconds: number) {
    this.change(channel, true, (room) => {
      const now = Date.now();
      for (const [key, until] of room.removed) if (until <= now) room.removed.delete(key);
      const until = now + seconds * 1000;
      room.removed.set(`u:${uid}`, until);
      const browser = room.browsers.get(uid);
      if (browser) {
        room.removed.set(`b:${browser}`, until);
        room.memberBrowsers.delete(browser);
      }
      for (const list of [room.onStage, room.invited, room.members, room.admitted]) list.delete(uid);
      room.waiting.delete(uid);
    });
  }

  async request(channel: string, uid: number, kind: HostRequest['kind'], by: string) {
    this.change(channel, true, (room) => {
      room.requests.push({ id: ++room.requestSeq, uid, kind, by, at: Date.now() });
      room.requests.splice(0, Math.max(0, room.requests.length - MAX_REQUESTS));
    });
  }

  async muteEveryone(channel: string) {
    this.change(channel, true, (room) => void room.muteAll++);
  }

  /**
   * Applies a change and renews the room. `create`: a host acting on a room nobody started takes it
   * over (it is created, not staged); a person acting on one changes nothing (undefined).
   */
  private change<T>(channel: string, create: boolean, apply: (room: Room) => T): T | undefined {
    this.refuseEnded(channel);
    const room = this.live(channel) ?? (create ? this.create(channel, false) : undefined);
    if (!room) return undefined;
    const result = apply(room);
    this.touch(channel);
    return result;
  }

  private isEnded(channel: string): boolean {
    const until = this.ended.get(channel);
    if (until !== undefined && until <= Date.now()) this.ended.delete(channel);
    return this.ended.has(channel);
  }

  private refuseEnded(channel: string) {
    if (this.isEnded(channel)) throw roomEnded();
  }

  private live(channel: string): Room | undefined {
    const room = this.rooms.get(channel);
    if (room && room.expiresAt <= Date.now()) {
      this.rooms.delete(channel);
      return undefined;
    }
    return room;
  }

  private create(channel: string, stage: boolean): Room {
    const room = newRoom(stage);
    this.rooms.set(channel, room);
    this.touch(channel);
    return room;
  }

  private touch(channel: string) {
    const now = Date.now();
    this.rooms.get(channel)!.expiresAt = now + ROOM_TTL_MS;
    if (now - this.lastSweep < SWEEP_EVERY_MS) return;
    this.lastSweep = now;
    for (const [name, room] of this.rooms) if (room.expiresAt <= now) this.rooms.delete(name);
    for (const name of this.ended.keys()) this.isEnded(name);
  }
}

// One store per process, kept across module reloads (Next can load a module more than once).
const KEY = Symbol.for('agora-calls.memory-room-store');

export function memoryRoomStore(): RoomStore {
  const holder = globalThis as typeof globalThis & { [KEY]?: MemoryRoomStore };
  holder[KEY] ??= new MemoryRoomStore();
  return holder[KEY];
}

/** Forgets every room (tests start from scratch). */
export function resetMemoryRoomStore() {
  delete (globalThis as typeof globalThis & { [KEY]?: MemoryRoomStore })[KEY];
}
