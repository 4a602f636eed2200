'use client';
import { useEffect, useRef } from 'react';

/**
 * A panel that takes focus when it opens (the first element matching `focusFirst`, a list of
 * selectors in order of preference) and closes on Escape. When it closes with focus inside it
 * (Escape in the chat box, its ✕), focus goes back to what opened it, e.g. the Chat button, not to
 * the page's body. Returns the ref to put on the panel.
 */
export function useDismissablePanel<T extends HTMLElement>(focusFirst: string, onClose: () => void) {
  const panel = useRef<T>(null);
  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    const element = panel.current;
    return () => {
      const focus = document.activeElement;
      const lost = !focus || focus === document.body || element?.contains(focus);
      if (lost && opener?.isConnected && opener !== document.body) opener.focus();
    };
  }, []);
  useEffect(() => {
    // The first selector that matches wins (the chat's message box before its ✕), not the first in the page's order.
    const first = focusFirst
      .split(',')
      .reduce<HTMLElement | null>(
        (found, selector) => found ?? panel.current?.querySelector<HTMLElement>(selector) ?? null,
        null,
      );
    first?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [focusFirst, onClose]);
  return panel;
}
