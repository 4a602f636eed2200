'use client';
import { useEffect, useRef } from 'react';

/**
 * A panel that takes focus when it opens (the first element matching `focusFirst`) and closes on
 * Escape. Returns the ref to put on the panel.
 */
export function useDismissablePanel<T extends HTMLElement>(focusFirst: string, onClose: () => void) {
  const panel = useRef<T>(null);
  useEffect(() => {
    panel.current?.querySelector<HTMLElement>(focusFirst)?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [focusFirst, onClose]);
  return panel;
}
