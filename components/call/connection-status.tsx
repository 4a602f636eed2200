'use client';
import type { CallSnapshot } from '@/lib/client/call-session';
import { clockTime } from '@/lib/client/clock-time';

const REASONS: Record<string, string> = {
  LEAVE: 'you left',
  NETWORK_ERROR: 'the network connection was lost',
  SERVER_ERROR: 'the server closed the connection',
  UID_BANNED: 'this user was removed from the channel',
  IP_BANNED: 'this network was blocked',
  CHANNEL_BANNED: 'the channel was closed',
  TOKEN_EXPIRE: 'the access token expired',
};

export function describeConnection(snapshot: CallSnapshot): { label: string; tone: 'ok' | 'busy' | 'bad' } {
  switch (snapshot.phase) {
    case 'joining':
      return { label: 'Connecting…', tone: 'busy' };
    case 'rejoining':
      return { label: 'Reconnecting with a fresh token…', tone: 'busy' };
    case 'renewing':
      return { label: 'Connected · renewing access', tone: 'busy' };
    case 'failed':
      return { label: 'Disconnected', tone: 'bad' };
    case 'left':
      return { label: 'Left the call', tone: 'bad' };
  }
  if (snapshot.connection === 'RECONNECTING') return { label: 'Reconnecting…', tone: 'busy' };
  if (snapshot.connection === 'DISCONNECTED') {
    const reason = snapshot.connectionReason ? (REASONS[snapshot.connectionReason] ?? snapshot.connectionReason) : null;
    return { label: reason ? `Disconnected: ${reason}` : 'Disconnected', tone: 'bad' };
  }
  return { label: 'Connected', tone: 'ok' };
}

const DOT = { ok: 'bg-emerald-400', busy: 'bg-amber-400 animate-pulse', bad: 'bg-rose-500' };

/** The access token's state in words, for the status tooltip and screen readers. */
export function describeTokenState(snapshot: CallSnapshot): string {
  const until = snapshot.tokenExpiresAt ? `, valid until ${clockTime(snapshot.tokenExpiresAt * 1000)}` : '';
  const renewed =
    snapshot.renewals > 0
      ? `renewed ${snapshot.renewals} ${snapshot.renewals === 1 ? 'time' : 'times'}`
      : 'issued for this call';
  return `Access token ${renewed}${until}.`;
}

export function ConnectionStatus({ snapshot }: { snapshot: CallSnapshot }) {
  const { label, tone } = describeConnection(snapshot);
  return (
    <p
      role="status"
      aria-live="polite"
      aria-label="Connection"
      title={describeTokenState(snapshot)}
      className="flex items-center gap-2 text-sm text-slate-200"
    >
      <span className={`h-2.5 w-2.5 rounded-full ${DOT[tone]}`} aria-hidden="true" />
      {label}
    </p>
  );
}
