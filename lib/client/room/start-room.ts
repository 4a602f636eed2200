// The start page's one room request: claim the room typed (its host if nobody started it yet).
// Kept small, as the start page is: no error-code table (readApiAnswer), no room module but the
// storage name; the key goes into this browser's storage, where the call page finds it.
import type { RoomStart } from '../../shared/room-contract';
import { hostKeyStorageName } from './host-key-storage';

/** The call page's path, once the room is started (or found started). Throws the server's words. */
export async function startRoom(channel: string, stage: boolean): Promise<string> {
  const response = await fetch('/api/rooms', {
    method: 'POST',
    cache: 'no-store',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ channel, stage }),
  });
  const body: Partial<RoomStart> & { error?: string; code?: string } = await response.json().catch(() => ({}));
  // Sign-in on (README → Sign-in): signed out, or refused, the sign-in page says what to do, then brings the name back.
  if (body.code === 'sign_in_required' || body.code === 'not_allowed') {
    return `/sign-in?next=${encodeURIComponent(`/?channel=${encodeURIComponent(channel)}`)}`;
  }
  // Without a shared room store (Vercel without REDIS_URL) a plain call still works, as a room without a host.
  if (!response.ok && !(body.code === 'room_store_required' && !stage))
    throw new Error(body.error ?? `HTTP ${response.status}`);
  try {
    if (body.host && body.hostKey) localStorage.setItem(hostKeyStorageName(channel), body.hostKey);
  } catch {
    // storage blocked: the call page opens as a guest's
  }
  return `/call/${encodeURIComponent(channel)}`;
}
