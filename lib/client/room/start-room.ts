// The start page's one room request: claim the room typed (its host if nobody started it yet).
// Read without readApiAnswer: the start page needs only the answer's words, and the error-code
// table would be its largest module.
import { roomLink, type RoomStart } from '../../shared/room-contract';
import { keepHostKey } from './host-key';

/**
 * The call page's path; when this person is now the room's host, the key is kept in this browser first
 * (not put in the address: the call page finds it there). Throws the server's words.
 */
export async function startRoom(channel: string, stage: boolean): Promise<string> {
  const response = await fetch('/api/rooms', {
    method: 'POST',
    cache: 'no-store',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ channel, stage }),
  });
  const body: Partial<RoomStart> & { error?: unknown; code?: unknown } = await response.json().catch(() => ({}));
  const guest = roomLink('', channel);
  // Without a shared room store (Vercel without REDIS_URL) a plain call still works, as a room without a host.
  if (!response.ok && body.code === 'room_store_required' && !stage) return guest;
  if (!response.ok) throw new Error(typeof body.error === 'string' ? body.error : `HTTP ${response.status}`);
  if (body.host && body.hostKey) keepHostKey(channel, body.hostKey);
  return guest;
}
