import 'server-only';
// The token routes' check of a room's rules before minting an RTC token: reads the room (only
// for a publisher token, and only when a room store exists) and applies stage-policy.ts.
import { ApiError } from '../http/api-error';
import { hasApiKey } from '../authorize';
import type { AgoraCredentials } from '../credentials';
import { stagePublishSeconds, tokenPolicy } from '../settings';
import type { Role } from '../../shared/validation';
import { roomCaller } from './room-caller';
import { roomStore, type RoomState } from './room-store';
import { stageDecision, type RoomLookup, type StageDecision } from './stage-policy';

/** What this instance last read of rooms, so a store outage does not stop calls in rooms known to have no stage. */
const KNOWN = Symbol.for('agora-calls.rooms-without-stage');
const MAX_KNOWN = 10_000;
const withoutStage = (): Set<string> =>
  ((globalThis as typeof globalThis & { [KNOWN]?: Set<string> })[KNOWN] ??= new Set());

function remember(channel: string, state: RoomState | null) {
  const known = withoutStage();
  known.delete(channel);
  if (state?.stage) return;
  if (known.size >= MAX_KNOWN) known.delete(known.values().next().value!);
  known.add(channel);
}

/**
 * The room's state for the policy. Without a store (Vercel without REDIS_URL) there are no rooms,
 * so no room rules: the token routes work as before. A store that does not answer is passed on
 * as such (the policy refuses only what it would need the room to allow), except for a room this
 * instance last saw without a stage: its calls go on as before while Redis is away.
 */
async function lookupRoom(channel: string): Promise<RoomLookup> {
  try {
    const state = await roomStore().read(channel);
    remember(channel, state);
    return { state };
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    if (error.code === 'room_store_required' || withoutStage().has(channel)) return { state: null };
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

/** The role and publish lifetime to mint for this request, or the refusal (not_on_stage, room_store_unavailable). */
export async function stageGate(
  request: Request,
  credentials: AgoraCredentials,
  { channel, identity, role, expiry }: RtcTokenAsk,
): Promise<StageDecision> {
  if (role === 'subscriber') return { role, publishExpiry: expiry };
  const ask = { role, expiry, stagePublishSeconds: stagePublishSeconds() };
  const { hostKey, ticketUids } = roomCaller(request, channel, credentials.appCertificate);
  const caller = {
    hostKey,
    apiKey: hasApiKey(request, tokenPolicy().apiKeys),
    // A ticket speaks only for its own uids: a token asked for anyone else gets nothing from it.
    ticketUids: ticketUids?.map(String).includes(identity) ? ticketUids : null,
  };
  const room = caller.hostKey || caller.apiKey ? { state: null } : await lookupRoom(channel);
  return stageDecision(room, caller, ask);
}
