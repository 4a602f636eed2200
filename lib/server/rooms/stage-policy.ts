import 'server-only';
// Who may publish in a room, decided from the room's state alone (no I/O, so it is tested with
// plain values): in a stage room only hosts and people a host invited onto the stage get publish
// privileges, and those on stage only for STAGE_PUBLISH_SECONDS at a time, so a person moved back
// to the audience stops publishing when that runs out, whatever their browser does.
import { ApiError } from '../http/api-error';
import type { Role } from '../../shared/validation';
import type { RoomState } from './room-store';

/**
 * The room as the token route found it: its state (null: nobody started it; `stale`: the store did
 * not answer, and this instance last saw the room without a stage), or the store did not answer.
 */
export type RoomLookup = { state: RoomState | null; stale?: boolean } | { unavailable: ApiError };

export interface StageCaller {
  /** The request carries this channel's host key. */
  hostKey: boolean;
  /** The request carries one of the server's API keys (a trusted backend). */
  apiKey: boolean;
  /**
   * The uids of the page ticket for this channel, when the requested identity is one of them:
   * [camera, screen share].
   */
  ticketUids: number[] | null;
}

export interface StageRequest {
  role: Role;
  /** The token's lifetime, seconds. */
  expiry: number;
  /** STAGE_PUBLISH_SECONDS. */
  stagePublishSeconds: number;
}

export interface StageDecision {
  role: Role;
  /** How long the publish privileges last, seconds (equal to the expiry unless on a stage). */
  publishExpiry: number;
}

/** The role and publish lifetime to mint, or the refusal. */
export function stageDecision(room: RoomLookup, caller: StageCaller, request: StageRequest): StageDecision {
  const asRequested = { role: request.role, publishExpiry: request.expiry };
  if (request.role === 'subscriber' || caller.hostKey || caller.apiKey) return asRequested;
  if ('unavailable' in room) throw room.unavailable;
  if (!room.state?.stage) return asRequested;
  // The screen share (ticketUids[1]) is the same person as the camera (ticketUids[0]).
  const camera = caller.ticketUids?.[0];
  if (camera !== undefined && room.state.onStage.includes(camera)) {
    return { role: 'publisher', publishExpiry: Math.min(request.stagePublishSeconds, request.expiry) };
  }
  throw new ApiError(
    'not_on_stage',
    'in this room only hosts and people a host invited onto the stage may publish; ask for role subscriber',
  );
}
