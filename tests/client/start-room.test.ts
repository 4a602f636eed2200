// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startRoom } from '@/lib/client/room/start-room';
import { takeHostKey } from '@/lib/client/room/host-key';

// The start page starts the room: the first to start it keeps its host key in this browser, and the
// call page finds it there (never in the address).

const answer = (status: number, body: unknown) =>
  vi.fn(async () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }));
const KEY = 'k'.repeat(43);

beforeEach(() => localStorage.clear());
afterEach(() => vi.unstubAllGlobals());

describe('startRoom', () => {
  it('the first to start a room is its host: the key is kept for the call page, the path carries none', async () => {
    vi.stubGlobal('fetch', answer(200, { channel: 'team sync', host: true, hostKey: KEY, stage: true }));
    expect(await startRoom('team sync', true)).toBe('/call/team%20sync');
    expect(JSON.parse(vi.mocked(fetch).mock.calls[0]![1]!.body as string)).toEqual({
      channel: 'team sync',
      stage: true,
    });
    expect(takeHostKey('team sync')).toBe(KEY);
    expect(takeHostKey('another room')).toBeNull();
  });

  it('a room someone else started opens as a guest', async () => {
    vi.stubGlobal('fetch', answer(200, { channel: 'busy', host: false, stage: false }));
    expect(await startRoom('busy', false)).toBe('/call/busy');
    expect(takeHostKey('busy')).toBeNull();
  });

  it('without a shared room store a plain call still opens', async () => {
    // A live event is refused in the server's words.
    const required = {
      error: 'rooms with hosts need a shared store on Vercel: set REDIS_URL',
      code: 'room_store_required',
    };
    vi.stubGlobal('fetch', answer(503, required));
    expect(await startRoom('plain', false)).toBe('/call/plain');
    await expect(startRoom('event', true)).rejects.toThrow(/REDIS_URL/);
  });

  it('signed out (sign-in on), the start page goes to the sign-in page, which brings the name back after', async () => {
    vi.stubGlobal('fetch', answer(401, { error: 'sign in first', code: 'sign_in_required' }));
    expect(await startRoom('team sync', false)).toBe('/sign-in?next=%2F%3Fchannel%3Dteam%2520sync');
    expect(takeHostKey('team sync')).toBeNull();
  });
});
