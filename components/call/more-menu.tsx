'use client';
import { useEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import { moveFocus } from '@/lib/client/roving-focus';
import { MoreIcon } from '../ui/icons';

export interface MenuItem {
  label: string;
  onSelect: () => void;
}

/**
 * A menu button ("More options" in the toolbar, a person's actions in People); arrow keys move
 * through the items, Escape closes and returns focus. `below`: opens under the button, not above it.
 */
export function MoreMenu({
  items,
  className,
  buttonRef,
  label = 'More options',
  below = false,
}: {
  items: MenuItem[];
  className: string;
  buttonRef?: RefObject<HTMLButtonElement | null>;
  label?: string;
  below?: boolean;
}) {
  const [open, setOpen] = useState(false);
  const ownRef = useRef<HTMLButtonElement>(null);
  const button = buttonRef ?? ownRef;
  const menu = useRef<HTMLUListElement>(null);

  useEffect(() => {
    if (!open) return;
    menu.current?.querySelector<HTMLElement>('[role=menuitem]')?.focus();
    const onPointer = (event: PointerEvent) => {
      if (!menu.current?.contains(event.target as Node) && !button.current?.contains(event.target as Node))
        setOpen(false);
    };
    window.addEventListener('pointerdown', onPointer);
    return () => window.removeEventListener('pointerdown', onPointer);
  }, [open, button]);

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  const onKeyDown = (event: React.KeyboardEvent) => {
    const entries = [...(menu.current?.querySelectorAll<HTMLElement>('[role=menuitem]') ?? [])];
    if (event.key === 'Escape') {
      event.stopPropagation();
      close();
    } else if (moveFocus(entries, event.key, { next: 'ArrowDown', previous: 'ArrowUp' })) {
      event.preventDefault();
      event.stopPropagation();
    }
  };

  return (
    <div className="relative">
      <button
        ref={button}
        type="button"
        aria-label={label}
        title={label}
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen((value) => !value)}
        className={className}
      >
        <MoreIcon />
      </button>
      {open && (
        <ul
          ref={menu}
          role="menu"
          aria-label={label}
          onKeyDown={onKeyDown}
          className={
            `absolute right-0 ${below ? 'top-full mt-1' : 'bottom-14'} z-30 min-w-56 ` +
            'rounded-xl bg-slate-800 p-1 shadow-xl ring-1 ring-slate-700'
          }
        >
          {items.map((item) => (
            <li key={item.label} role="none">
              <MenuEntry
                label={item.label}
                onSelect={() => {
                  setOpen(false);
                  item.onSelect();
                }}
              />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function MenuEntry({ label, onSelect }: { label: string; onSelect: () => void }): ReactNode {
  return (
    <button
      type="button"
      role="menuitem"
      tabIndex={-1}
      onClick={onSelect}
      className="w-full rounded-lg px-3 py-2 text-left text-sm hover:bg-slate-700 focus:bg-slate-700 focus:outline-none"
    >
      {label}
    </button>
  );
}
