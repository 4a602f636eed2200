'use client';
import type { KeyboardEvent, ReactNode } from 'react';
import { moveFocus } from '@/lib/client/roving-focus';

/**
 * The call's controls as one ARIA toolbar: Tab enters and leaves it, the arrow keys (and Home/End)
 * move between its buttons.
 */
export function ControlBar({ children }: { children: ReactNode }) {
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if ((event.target as HTMLElement).closest('[role=menu]')) return; // the More menu moves on its own
    const buttons = [
      ...event.currentTarget.querySelectorAll<HTMLButtonElement>('button:not(:disabled):not([role=menuitem])'),
    ];
    if (moveFocus(buttons, event.key, { next: 'ArrowRight', previous: 'ArrowLeft', ends: true }))
      event.preventDefault();
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
