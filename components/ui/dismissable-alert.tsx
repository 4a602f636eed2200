'use client';
import type { ReactNode } from 'react';

/** Something that went wrong, said in words until the person dismisses it. */
export function DismissableAlert({ children, onDismiss }: { children: ReactNode; onDismiss: () => void }) {
  return (
    <p
      role="alert"
      className="flex items-center justify-between gap-3 rounded-lg bg-rose-500/15 px-3 py-2 text-sm text-rose-200"
    >
      {children}
      <button type="button" onClick={onDismiss} className="rounded px-2 py-0.5 hover:bg-rose-500/20">
        Dismiss
      </button>
    </p>
  );
}
