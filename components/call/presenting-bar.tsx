'use client';
import { ScreenIcon } from '../ui/icons';

/** Shown to whoever shares their screen, with the way to stop. */
export function PresentingBar({ onStop }: { onStop: () => void }) {
  return (
    <div
      role="status"
      className="flex items-center justify-between gap-3 rounded-lg bg-sky-500/15 px-3 py-2 text-sm text-sky-100"
    >
      <span className="flex items-center gap-2">
        <ScreenIcon className="h-4 w-4" />
        You are presenting your screen to everyone in the call.
      </span>
      <button
        type="button"
        onClick={onStop}
        className="rounded-lg bg-sky-500 px-3 py-1 font-semibold text-slate-950 hover:bg-sky-400"
      >
        Stop
      </button>
    </div>
  );
}
