'use client';
import type { ReactNode } from 'react';

type Props = {
  on: boolean;
  onLabel: string;
  offLabel: string;
  iconOn: ReactNode;
  iconOff: ReactNode;
  onToggle: () => void;
  disabled?: boolean;
  title?: string;
};

/** A round on/off control; aria-pressed tells screen readers its state. */
export function ToggleButton({ on, onLabel, offLabel, iconOn, iconOff, onToggle, disabled, title }: Props) {
  return (
    <button
      type="button"
      aria-pressed={on}
      aria-label={on ? onLabel : offLabel}
      title={title ?? (on ? onLabel : offLabel)}
      onClick={onToggle}
      disabled={disabled}
      className={`flex h-12 w-12 items-center justify-center rounded-full transition focus:outline-2 focus:outline-offset-2 focus:outline-sky-400 disabled:cursor-not-allowed disabled:opacity-40 ${
        on ? 'bg-slate-700 text-white hover:bg-slate-600' : 'bg-rose-600 text-white hover:bg-rose-500'
      }`}
    >
      {on ? iconOn : iconOff}
    </button>
  );
}
