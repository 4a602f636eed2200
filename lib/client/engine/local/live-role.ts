// Local mode's client role, as Agora's live mode: audience at first (receives only), host to
// publish. The server enforces it (lib/server/local/rooms.ts); the client refuses early with the
// SDK's own errors, so both engines fail alike.
import type { ClientRole } from '../rtc';
import type { Roster } from './roster';
import { LocalRtcError, postSignaling } from './signaling-request';

/** A participant as the join's answer lists them: everyone, with their role. */
export interface Participant {
  uid: number;
  role: ClientRole;
  audio: boolean;
  video: boolean;
}

export class LiveRole {
  private role: ClientRole;

  constructor(
    /** The session to set it in; null before the join (the join then carries it). */
    private readonly session: () => string | null,
    /** Whether anything is published now. */
    private readonly publishing: () => boolean,
    /** Stops publishing without asking the server (it has already stopped it). */
    private readonly stopPublishing: () => Promise<void>,
    /** The role before any setClientRole, as Agora's createClient({ role }). */
    startRole: ClientRole = 'audience',
  ) {
    this.role = startRole;
  }

  get current(): ClientRole {
    return this.role;
  }

  /** Before the join it is remembered (the join sends it); after, the server must agree first. */
  async set(role: ClientRole) {
    if (role === 'audience' && this.publishing())
      throw new LocalRtcError('INVALID_OPERATION', 'INVALID_OPERATION: unpublish before switching to audience');
    const session = this.session();
    if (session && role !== this.role) await postSignaling('role', { session, role });
    this.role = role;
  }

  /** What publish() checks first, as Agora's client does. */
  requireHost() {
    if (this.role !== 'host')
      throw new LocalRtcError('INVALID_OPERATION', 'INVALID_OPERATION: audience can not publish');
  }

  /** The server ended this client's publishing (its publish privilege ended): it is audience now. */
  async demoted() {
    this.role = 'audience';
    await this.stopPublishing();
  }
}

/** The people already there whom the UI shows: hosts only, as Agora's live mode shows them. */
export function showHosts(roster: Roster, participants: Participant[]) {
  for (const participant of participants) {
    if (participant.role === 'audience') continue;
    roster.joined(participant.uid);
    roster.published(participant.uid, participant.audio, participant.video);
  }
}

/** Someone else's role changed: the UI sees a host arrive, or leave for the audience (Agora's reason). */
export function showRoleChange(roster: Roster, uid: number, role: ClientRole) {
  if (role === 'host') roster.joined(uid);
  else roster.left(uid, 'BecomeAudience');
}
