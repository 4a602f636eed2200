// Arrow-key focus within a group of controls (a toolbar, a menu), wrapping at the ends.

export interface RovingKeys {
  next: string;
  previous: string;
  /** Home and End jump to the first and last control. */
  ends?: boolean;
}

/**
 * Moves focus from the focused item to the next or previous one (or an end) for `key`. Returns
 * false, and does nothing, for any other key or when focus is not on one of the items.
 */
export function moveFocus(items: HTMLElement[], key: string, keys: RovingKeys): boolean {
  const at = items.indexOf(document.activeElement as HTMLElement);
  const targets: Record<string, number> = {
    [keys.next]: at + 1,
    [keys.previous]: at - 1,
    ...(keys.ends && { Home: 0, End: items.length - 1 }),
  };
  const target = targets[key];
  if (target === undefined || at === -1) return false;
  items[(target + items.length) % items.length]?.focus();
  return true;
}
