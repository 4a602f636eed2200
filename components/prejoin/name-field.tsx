'use client';
import { useId, useLayoutEffect, useRef } from 'react';
import { DISPLAY_NAME_MAX, graphemes, parseDisplayName } from '@/lib/client/display-name';

/**
 * "Your name" on the prejoin screen, checked as you type like the channel name on the start page.
 * Enter joins (`onEnter`), when joining is possible.
 */
export function NameField({ value, onChange, onEnter }: { value: string; onChange: (name: string) => void; onEnter?: () => void }) {
  const hintId = useId();
  const input = useRef<HTMLInputElement>(null);
  // The field is server-rendered empty: what someone typed before the page came alive is kept,
  // not replaced by the remembered name when React takes over.
  useLayoutEffect(() => {
    const typed = input.current?.value ?? '';
    if (typed !== value) onChange(typed);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, at the first render
  }, []);
  const parsed = parseDisplayName(value);
  const length = graphemes(value.trim()).length;
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor="display-name" className="text-sm text-slate-300">
        Your name
      </label>
      <input
        id="display-name"
        ref={input}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={(event) => {
          if (event.key !== 'Enter' || event.nativeEvent.isComposing || !onEnter) return;
          event.preventDefault();
          onEnter();
        }}
        autoComplete="nickname"
        aria-invalid={!parsed.ok}
        aria-describedby={hintId}
        className={`rounded-lg border bg-slate-900 px-3 py-2 text-slate-100 outline-none focus:ring-2 ${
          parsed.ok ? 'border-slate-700 focus:ring-sky-400' : 'border-rose-500 focus:ring-rose-400'
        }`}
      />
      <div id={hintId} aria-live="polite" className="flex justify-between gap-4 text-xs">
        <span className={parsed.ok ? 'text-slate-400' : 'text-rose-300'} data-testid="name-hint">
          {parsed.ok ? 'Others in the call see this name. It is remembered in this browser.' : parsed.error}
        </span>
        <span className={length > DISPLAY_NAME_MAX ? 'text-rose-300' : 'text-slate-500'}>
          {length}/{DISPLAY_NAME_MAX}
        </span>
      </div>
    </div>
  );
}
