// What a CallSession is made with: its client, channel, where tokens come from, and how it behaves.
import type { BackoffOptions } from './backoff';
import type { TokenRole } from './client-role';
import type { ClientRole, RtcClient, TokenGrant } from './engine/rtc';

export interface CallSessionOptions {
  client: RtcClient;
  channel: string;
  /** Fetches a fresh token for this channel and uid, for a role (the app wires it to SWR's mutate). */
  getToken: (role: TokenRole) => Promise<TokenGrant>;
  /** Live-mode role to join with: `audience` publishes nothing (a stage room's audience). Default `host`. */
  role?: ClientRole;
  joinTimeoutMs: number;
  /** False for a pasted token: there is nowhere to get a new one from. */
  renewable?: boolean;
  /** False for a screen-share client: it only sends, and takes no notice of anyone else. */
  receive?: boolean;
  /** Remote uids to take no notice of (this person's own screen share, seen from the camera client). */
  ignoreUids?: string[];
  retryDelayMs?: BackoffOptions;
  /** Who carries the call, so a join that times out names who did not answer. */
  engine?: 'agora' | 'local';
}
