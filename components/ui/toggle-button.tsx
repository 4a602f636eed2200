'use client';
import type { ReactNode } from 'react';
import type { ShortcutNames } from '@/lib/client/use-shortcuts';

type Props = {
  on: boolean;
  /** The action the button performs now: its label changes with the state (so no aria-pressed). */
  onLabel: string;
  offLabel: string;
  iconOn: ReactNode;
  iconOff: ReactNode;
  onToggle: () => void;
  disabled?: boolean;
  shortcut?: ShortcutNames;
};

/** A round on/off control; red while off. Its tooltip names its keyboard shortcut. */
export function ToggleButton({ on, onLabel, offLabel, iconOn, iconOff, onToggle, disabled, shortcut }: Props) {
  const label = on ? onLabel : offLabel;
  return (
    <button
      type="button"
      aria-label={label}
      aria-keyshortcuts={shortcut?.aria}
      title={shortcut ? `${label} (${shortcut.label})` : label}
      onClick={onToggle}
      disabled={disabled}
      className={
        'flex h-10 w-10 shrink-0 items-center sm:h-12 sm:w-12 justify-center rounded-full transition ' +
        'focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-400 ' +
        'disabled:cursor-not-allowed disabled:opacity-40 ' +
        (on ? 'bg-slate-700 text-white hover:bg-slate-600' : 'bg-rose-600 text-white hover:bg-rose-500')
      }
    >
      {on ? iconOn : iconOff}
    </button>
  );
}
