'use client';
import type { RoomRole } from '@/lib/shared/room-contract';

const WORDS: Record<Exclude<RoomRole, 'guest'>, { label: string; tone: string }> = {
  host: { label: 'Host', tone: 'bg-violet-500/20 text-violet-100 ring-violet-400/40' },
  stage: { label: 'On stage', tone: 'bg-emerald-500/20 text-emerald-100 ring-emerald-400/40' },
  audience: { label: 'Audience', tone: 'bg-slate-700/60 text-slate-100 ring-slate-500/50' },
};

/** What you are in this room, said in words next to the room's name. */
export function RoomRoleBadge({ role, stage }: { role: RoomRole; stage: boolean }) {
  if (role === 'guest') return null;
  const { label, tone } = WORDS[role];
  return (
    <span className={`rounded-full px-2.5 py-0.5 text-sm font-medium ring-1 ${tone}`}>
      <span className="sr-only">You are: </span>
      {label}
      {stage && role === 'host' && <span className="sr-only"> of a live event</span>}
    </span>
  );
}

/** A line under the header that says what your role lets you do, with Leave the stage when on it. */
export function RoomRoleNotice({
  role,
  busy,
  onLeaveStage,
}: {
  role: RoomRole;
  busy: boolean;
  onLeaveStage: () => void;
}) {
  if (role === 'audience') {
    return (
      <p role="status" className="rounded-lg bg-slate-800/70 px-3 py-2 text-sm text-slate-200">
        You are in the audience: you see and hear the stage, and can chat and raise your hand. Nobody sees or hears you
        unless a host invites you on stage.
      </p>
    );
  }
  if (role !== 'stage') return null;
  return (
    <p
      role="status"
      className={
        'flex flex-wrap items-center justify-between gap-3 ' +
        'rounded-lg bg-emerald-500/10 px-3 py-2 text-sm text-emerald-100'
      }
    >
      You are on stage: everyone sees and hears you.
      <button
        type="button"
        disabled={busy}
        onClick={onLeaveStage}
        className={
          'rounded-lg px-3 py-1 font-medium ring-1 ring-emerald-300/50 ' +
          'hover:bg-emerald-500/20 focus:outline-2 focus:outline-emerald-300 disabled:opacity-60'
        }
      >
        {busy ? 'Leaving the stage…' : 'Leave the stage'}
      </button>
    </p>
  );
}
