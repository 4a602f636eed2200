'use client';
// Keyboard shortcuts with Ctrl (⌘ on a Mac) — as Google Meet uses them for the microphone and the
// camera. They work while a text field has focus too (muting mid-sentence in the chat): they need
// the modifier, so plain typing is never taken.
import { useEffect, useRef, useSyncExternalStore } from 'react';

export type Shortcuts = Record<string, () => void>;

const isMac = () => typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

export interface ShortcutNames {
  /** How the shortcut reads for this person, e.g. "Ctrl+D" or "⌘D". */
  label: string;
  /** The aria-keyshortcuts value. */
  aria: string;
}

const noSubscription = () => () => {};

/** Names for Ctrl/⌘+`key`; the server renders the Ctrl form and a Mac switches after hydration. */
export function useShortcutNames(key: string): ShortcutNames {
  const mac = useSyncExternalStore(noSubscription, isMac, () => false);
  const upper = key.toUpperCase();
  return { label: mac ? `⌘${upper}` : `Ctrl+${upper}`, aria: `${mac ? 'Meta' : 'Control'}+${upper}` };
}

export function useShortcuts(shortcuts: Shortcuts, enabled = true) {
  const latest = useRef(shortcuts);
  useEffect(() => {
    latest.current = shortcuts;
  });
  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      const modifier = isMac() ? event.metaKey : event.ctrlKey;
      if (!modifier || event.altKey || event.shiftKey) return;
      const action = latest.current[event.key.toLowerCase()];
      if (!action) return;
      event.preventDefault(); // the browser's own Ctrl+D (bookmark) and Ctrl+E (search) give way
      action();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);
}
