import 'server-only';
// Rooms in this process's memory: right for one server (npm start, local mode), wrong for several
// instances (each would have its own rooms): roomStore() uses Redis when REDIS_URL is set and
// refuses this store on Vercel. Every operation is synchronous, hence atomic.
import { HOST_SEEN_MS, ROOM_TTL_MS, type RoomState, type RoomStore } from './room-store';

interface Room {
  stage: boolean;
  onStage: Set<number>;
  invited: Set<number>;
  /** uid → when last seen (ms). */
  hosts: Map<number, number>;
  expiresAt: number;
}

/** Expired rooms are swept at most this often, so rooms nobody reads again do not pile up. */
const SWEEP_EVERY_MS = 60 * 1000;

class MemoryRoomStore implements RoomStore {
  readonly kind = 'memory';
  private readonly rooms = new Map<string, Room>();
  private lastSweep = 0;

  async claim(channel: string, stage: boolean): Promise<boolean> {
    if (this.live(channel)) return false;
    this.create(channel, stage);
    return true;
  }

  async read(channel: string): Promise<RoomState | null> {
    const room = this.live(channel);
    if (!room) return null;
    const since = Date.now() - HOST_SEEN_MS;
    return {
      hosted: true,
      stage: room.stage,
      onStage: [...room.onStage],
      invited: [...room.invited],
      hosts: [...room.hosts].filter(([, seen]) => seen > since).map(([uid]) => uid),
    };
  }

  async setStage(channel: string, on: boolean) {
    const room = this.existing(channel);
    room.stage = on;
    if (!on) {
      room.onStage.clear();
      room.invited.clear();
    }
    this.touch(channel);
  }

  async invite(channel: string, uid: number) {
    const room = this.existing(channel);
    if (!room.onStage.has(uid)) room.invited.add(uid);
    this.touch(channel);
  }

  async accept(channel: string, uid: number): Promise<boolean> {
    const room = this.live(channel);
    if (!room?.invited.delete(uid)) return false;
    room.onStage.add(uid);
    this.touch(channel);
    return true;
  }

  async decline(channel: string, uid: number) {
    const room = this.live(channel);
    if (room?.invited.delete(uid)) this.touch(channel);
  }

  async toAudience(channel: string, uid: number) {
    const room = this.live(channel);
    if (!room) return;
    room.onStage.delete(uid);
    room.invited.delete(uid);
    this.touch(channel);
  }

  async hostSeen(channel: string, uid: number) {
    const room = this.existing(channel);
    const now = Date.now();
    for (const [other, seen] of room.hosts) if (seen <= now - HOST_SEEN_MS) room.hosts.delete(other);
    room.hosts.set(uid, now);
    this.touch(channel);
  }

  private live(channel: string): Room | undefined {
    const room = this.rooms.get(channel);
    if (room && room.expiresAt <= Date.now()) {
      this.rooms.delete(channel);
      return undefined;
    }
    return room;
  }

  /** A room a host acts on: created (not staged) when nobody started it, as the host link takes over. */
  private existing(channel: string): Room {
    const room = this.live(channel);
    return room ?? this.create(channel, false);
  }

  private create(channel: string, stage: boolean): Room {
    const room = { stage, onStage: new Set<number>(), invited: new Set<number>(), hosts: new Map(), expiresAt: 0 };
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
