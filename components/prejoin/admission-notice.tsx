'use client';
import type { RoomGate } from '@/lib/client/room/room-gate';

type Props = {
  gate: Extract<RoomGate, { kind: 'waiting' | 'locked' }>;
  /** The name the hosts see. */
  name: string;
  /** Why the knock could not be sent, when it could not. */
  problem: string | null;
  onTryAgain: () => void;
};

/** On the preview: waiting for a host to let you in, or a locked room, said in words. */
export function AdmissionNotice({ gate, name, problem, onTryAgain }: Props) {
  if (gate.kind === 'locked') {
    return (
      <div role="alert" className="rounded-lg border border-amber-500/40 bg-amber-500/10 p-3 text-sm text-amber-100">
        <h2 className="font-semibold">This room is locked</h2>
        <p className="mt-1 text-amber-100/80">
          Nobody new can join right now. Ask a host to unlock it, then try again.
        </p>
        <button
          type="button"
          onClick={onTryAgain}
          className={
            'mt-2 rounded-lg px-3 py-1 font-medium ring-1 ring-amber-300/50 ' +
            'hover:bg-amber-500/20 focus:outline-2 focus:outline-amber-300'
          }
        >
          Try again
        </button>
      </div>
    );
  }
  return (
    <div role="status" className="rounded-lg border border-sky-500/40 bg-sky-500/10 p-3 text-sm text-sky-100">
      <h2 className="font-semibold">Waiting for a host to let you in</h2>
      <p className="mt-1 text-sky-100/80">
        {gate.knocked ? `The hosts see you as ${name}.` : 'Asking the hosts to let you in…'} You join by yourself as
        soon as one does.
      </p>
      {gate.noHost && (
        <p className="mt-1 font-medium">No host is here right now. You join when a host arrives and lets you in.</p>
      )}
      {problem && <p className="mt-1 text-amber-200">{problem}</p>}
    </div>
  );
}
