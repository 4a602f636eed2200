'use client';
import type { CallProblem } from '@/lib/client/call-problems';

/** Why the call stopped, with Retry where retrying can help. */
type Props = { problem: CallProblem; onRetry: () => void; onLeave: () => void; children?: React.ReactNode };

export function ProblemPanel({ problem, onRetry, onLeave, children }: Props) {
  return (
    <div
      role="alert"
      className="mx-auto flex max-w-lg flex-col gap-3 rounded-2xl border border-rose-500/40 bg-rose-950/40 p-6"
    >
      <h2 className="text-xl font-semibold text-rose-100">{problem.title}</h2>
      <p className="text-rose-200/90">{problem.detail}</p>
      {children}
      <div className="flex gap-3">
        {problem.retryable && (
          <button
            type="button"
            onClick={onRetry}
            className="rounded-lg bg-sky-500 px-4 py-2 font-medium text-slate-950 hover:bg-sky-400"
          >
            Retry
          </button>
        )}
        <button
          type="button"
          onClick={onLeave}
          className="rounded-lg bg-slate-800 px-4 py-2 font-medium hover:bg-slate-700"
        >
          Leave
        </button>
      </div>
    </div>
  );
}
