import 'server-only';
// The token routes' check of a room's rules before minting: reads the room (when a room store
// exists), applies room-policy.ts (ended, removed, locked, waiting room, the join privilege's length)
// and stage-policy.ts (who publishes), and records who received an RTC token (the room's members,
// whom a lock lets back in). RTM tokens follow the room of the page ticket they are asked with.
import { ApiError } from '../http/api-error';
import { hasApiKey } from '../authorize';
import type { AgoraCredentials } from '../credentials';
import { readPageTicket } from '../page-ticket';
import { roomControls, stagePublishSeconds, tokenPolicy } from '../settings';
import { PAGE_TICKET_HEADER } from '../../shared/call-contract';
import { HOST_KEY_HEADER } from '../../shared/room-contract';
import type { Role } from '../../shared/validation';
import { isHostKey } from './host-key';
import { roomCaller, roomPerson } from './room-caller';
import { roomTokenExpiry, type Person } from './room-policy';
import { roomStore, type RoomState } from './room-store';
import { stageDecision, type RoomLookup } from './stage-policy';

/** What this instance last read of rooms, so a store outage does not stop calls in rooms known to have no stage. */
const KNOWN = Symbol.for('agora-calls.rooms-without-stage');
const MAX_KNOWN = 10_000;
const withoutStage = (): Set<string> =>
  ((globalThis as typeof globalThis & { [KNOWN]?: Set<string> })[KNOWN] ??= new Set());

function remember(channel: string, state: RoomState | null) {
  const known = withoutStage();
  known.delete(channel);
  // An ended room's calls do not "go on" either: it is not remembered as an ordinary room.
  if (state?.stage || state?.ended) return;
  if (known.size >= MAX_KNOWN) known.delete(known.values().next().value!);
  known.add(channel);
}

/**
 * The room's state for the policies. Without a store (Vercel without REDIS_URL) there are no rooms,
 * so no room rules: the token routes work as before. A store that does not answer is passed on
 * as such (the policies refuse only what they would need the room to allow), except for a room this
 * instance last saw without a stage: its calls go on as before while Redis is away (stale).
 */
async function lookupRoom(channel: string): Promise<RoomLookup> {
  try {
    const state = await roomStore().read(channel);
    remember(channel, state);
    return { state };
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    if (error.code === 'room_store_required') return { state: null };
    if (withoutStage().has(channel)) return { state: null, stale: true };
    return { unavailable: error };
  }
}

export interface RtcTokenAsk {
  channel: string;
  /** The uid or account asked for, as text. */
  identity: string;
  role: Role;
  expiry: number;
}

export interface RoomDecision {
  role: Role;
  /** The token's lifetime (and its join privilege's), seconds. */
  expiry: number;
  /** How long the publish privileges last, seconds (equal to the expiry unless on a stage). */
  publishExpiry: number;
}

/** The role and lifetimes to mint for this RTC token request, or the refusal; records the person as a member. */
export async function roomGate(
  request: Request,
  credentials: AgoraCredentials,
  { channel, identity, role, expiry: asked }: RtcTokenAsk,
): Promise<RoomDecision> {
  const { hostKey, ticketUids, browser } = await roomCaller(request, channel, credentials.appCertificate);
  // A ticket speaks only for its own uids: a token asked for anyone else is for that uid alone.
  const covered = ticketUids?.map(String).includes(identity) ? ticketUids : null;
  const person: Person = covered
    ? { uids: covered, browser }
    : { uids: /^[0-9]+$/.test(identity) ? [Number(identity)] : [], browser: null };
  const apiKey = hasApiKey(request, tokenPolicy().apiKeys);
  const room = await lookupRoom(channel);
  const expiry = roomTokenExpiry(room, { hostKey, apiKey, person }, asked, roomControls().joinSeconds);
  const ask = { role, expiry, stagePublishSeconds: stagePublishSeconds() };
  const decision = stageDecision(room, { hostKey, apiKey, ticketUids: covered }, ask);
  // Someone new to a room someone started becomes a member (whom a lock lets back in), with their browser.
  const state = 'state' in room && !room.stale ? room.state : null;
  const camera = person.uids[0];
  const known =
    camera && state?.members.includes(camera) && (!person.browser || state.memberBrowsers.includes(person.browser));
  if (state && !apiKey && camera && !known) {
    await roomStore().enter(channel, camera, person.browser);
  }
  return { role: decision.role, expiry, publishExpiry: decision.publishExpiry };
}

/**
 * An RTM token's lifetime, or the refusal: asked with a page ticket for this user id, it follows
 * the ticket's room like the person's RTC tokens do. Without one, no room is known (RTM ids are not
 * per channel): as asked.
 */
export async function rtmRoomGate(
  request: Request,
  credentials: AgoraCredentials,
  userId: string,
  expiry: number,
): Promise<number> {
  const { appCertificate } = credentials;
  const ticket = readPageTicket(request.headers.get(PAGE_TICKET_HEADER), appCertificate);
  if (!ticket || !ticket.uids.map(String).includes(userId)) return expiry;
  const signedIn = await roomPerson(request);
  const caller = {
    hostKey: signedIn?.host === true || isHostKey(ticket.channel, request.headers.get(HOST_KEY_HEADER), appCertificate),
    apiKey: hasApiKey(request, tokenPolicy().apiKeys),
    person: { uids: ticket.uids, browser: signedIn?.id ?? ticket.browser ?? null },
  };
  return roomTokenExpiry(await lookupRoom(ticket.channel), caller, expiry, roomControls().joinSeconds);
}
