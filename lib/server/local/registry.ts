import 'server-only';
// One set of local-mode state per server process, shared by every route module that imports it
// (Next may load a module more than once, so it lives on globalThis).
import { LocalConnections } from './connections';
import { LocalPresence } from './presence';
import { LocalRooms } from './rooms';

export interface LocalSignaling {
  connections: LocalConnections;
  rooms: LocalRooms;
  presence: LocalPresence;
}

const KEY = Symbol.for('agora-calls.local-signaling');

export function createLocalSignaling(now?: () => number): LocalSignaling {
  const connections = new LocalConnections();
  return { connections, rooms: new LocalRooms(connections, now), presence: new LocalPresence(connections, now) };
}

export function localSignaling(): LocalSignaling {
  const holder = globalThis as typeof globalThis & { [KEY]?: LocalSignaling };
  holder[KEY] ??= createLocalSignaling();
  return holder[KEY];
}
