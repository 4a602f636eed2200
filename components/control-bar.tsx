'use client';
import type { KeyboardEvent, ReactNode } from 'react';

/**
 * The call's controls as one ARIA toolbar: Tab enters and leaves it, the arrow keys (and Home/End)
 * move between its buttons.
 */
export function ControlBar({ children }: { children: ReactNode }) {
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if ((event.target as HTMLElement).closest('[role=menu]')) return; // the More menu moves on its own
    const buttons = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('button:not(:disabled):not([role=menuitem])')];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const next = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: buttons.length - 1 }[event.key];
    if (next === undefined || at === -1) return;
    event.preventDefault();
    buttons[(next + buttons.length) % buttons.length]?.focus();
  };
  return (
    <div
      role="toolbar"
      aria-label="Call controls"
      aria-orientation="horizontal"
      onKeyDown={onKeyDown}
      className="flex items-center justify-center gap-1 pb-[env(safe-area-inset-bottom)] min-[380px]:gap-1.5 sm:gap-3"
    >
      {children}
    </div>
  );
}
