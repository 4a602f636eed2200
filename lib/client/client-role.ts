// Going on and off a stage within a call, as Agora documents it: to host, a token with publish
// privileges first (renewToken), then setClientRole('host'), then publish; to audience, unpublish,
// setClientRole('audience'), then a token without them. No rejoin, no reload. The server decides
// which token comes back: the client's wish is never the authority.
import type { ClientRole, RtcClient, TokenGrant } from './engine/rtc';

/** What a token is asked for, by the live-mode role it is for. */
export type TokenRole = 'publisher' | 'subscriber';

export const tokenRoleFor = (role: ClientRole): TokenRole => (role === 'host' ? 'publisher' : 'subscriber');

/** Whether a grant carries what the role needs: publish privileges for a host, none for the audience. */
export const grantFits = (grant: TokenGrant, role: ClientRole) =>
  grant.publishExpiresAt === undefined || (grant.publishExpiresAt === null) === (role === 'audience');

export interface RoleChangeSteps {
  client: RtcClient;
  getToken: (role: TokenRole) => Promise<TokenGrant>;
  /** The new token is in use. */
  renewed: (grant: TokenGrant) => void;
  /** Publishes the tracks turned on (camera and microphone as the person left them). */
  publish: () => Promise<void>;
  /** Unpublishes everything, keeping the tracks. */
  unpublish: () => Promise<void>;
}

/** Switches a joined client's role; throws (having changed nothing the server did not allow) when a step fails. */
export async function changeRole(role: ClientRole, steps: RoleChangeSteps): Promise<void> {
  const { client } = steps;
  if (role === 'host') {
    const grant = await steps.getToken('publisher');
    await client.renewToken(grant.token ?? '');
    steps.renewed(grant);
    await client.setClientRole('host');
    await steps.publish();
    return;
  }
  await steps.unpublish();
  await client.setClientRole('audience');
  const grant = await steps.getToken('subscriber');
  await client.renewToken(grant.token ?? '');
  steps.renewed(grant);
}

/**
 * Publish privileges shorter than the token (a stage) are renewed this long before they end, as the
 * SDK warns for the token.
 */
const RENEW_AHEAD_S = 30;

/** Renews early when a grant's publish privileges end before the token (a stage), which the SDK does not warn of. */
export class PublishRenewal {
  private timer: ReturnType<typeof setTimeout> | undefined;

  schedule(grant: TokenGrant, renew: () => void) {
    this.cancel();
    const delay = publishRenewalDelayMs(grant);
    if (delay !== null) this.timer = setTimeout(renew, delay);
  }

  cancel = () => clearTimeout(this.timer);
}

/** Milliseconds until a grant's publish privileges need renewing, or null when the token's own warning covers it. */
export function publishRenewalDelayMs(grant: TokenGrant, nowMs = Date.now()): number | null {
  const { publishExpiresAt, expiresAt } = grant;
  if (publishExpiresAt === undefined || publishExpiresAt === null) return null;
  if (expiresAt !== null && publishExpiresAt >= expiresAt) return null;
  return Math.max(0, (publishExpiresAt - RENEW_AHEAD_S) * 1000 - nowMs);
}

/**
 * A joined client's role and the changes to it, one after another. The role counts as changed
 * when the change starts (a second change queues behind it); a failed change is undone.
 */
export class RoleInChannel {
  private queue: Promise<unknown> = Promise.resolve();
  private held: ClientRole = 'host';

  constructor(private readonly steps: Omit<RoleChangeSteps, 'renewed'>) {}

  /** Joined (or rejoined) with this role. */
  joinedAs(role: ClientRole) {
    this.held = role;
  }

  /** Changes to `role` unless held already; `failed` hears of a refusal, with the role held again. */
  bringTo(
    role: ClientRole,
    on: { renewed: (grant: TokenGrant) => void; failed: (held: ClientRole, error: unknown) => void },
  ): Promise<void> {
    const previous = this.held;
    if (role === previous) return this.queue.then(() => undefined);
    this.held = role;
    const run = this.queue
      .then(() => changeRole(role, { ...this.steps, renewed: on.renewed }))
      .catch((error: unknown) => {
        this.held = previous;
        on.failed(previous, error);
        throw error;
      });
    this.queue = run.catch(() => undefined);
    return run;
  }
}
