'use client';
import { useId, useLayoutEffect, useRef, useState } from 'react';
import { DISPLAY_NAME_MAX, graphemes, parseDisplayName } from '@/lib/client/display-name';
import { nameToUse, REMEMBERED_NAME_SCRIPT } from '@/lib/client/remembered-name';

const SCRIPT_ID = 'remembered-name';

/**
 * "Your name" on the prejoin screen, checked as you type like the channel name on the start page.
 * Empty, it offers `suggestion` (a random name) as its placeholder: joining then uses that. Enter
 * joins (`onEnter`), when joining is possible.
 */
export function NameField({
  value,
  suggestion,
  onChange,
  onEnter,
}: {
  value: string;
  suggestion: string;
  onChange: (name: string) => void;
  onEnter?: () => void;
}) {
  const hintId = useId();
  const input = useRef<HTMLInputElement>(null);
  // Only the server's HTML runs the script (see EarlyCaptureScript); React renders it again, inert.
  const [inServerHtml] = useState(() => typeof document === 'undefined' || document.getElementById(SCRIPT_ID) !== null);
  // The field is server-rendered empty: what someone typed before the page came alive (or the
  // remembered name the page's script put there) is kept when React takes over. It is uncontrolled
  // (defaultValue) for the same reason: keys typed while React is still hydrating the page reach
  // onChange, but a controlled field would be set back to its not-yet-updated value after each one,
  // leaving only the last letter (seen in CI: "Grace Hopper" became "r").
  useLayoutEffect(() => {
    const typed = input.current?.value ?? '';
    if (typed !== value) onChange(typed);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, at the first render
  }, []);
  const parsed = parseDisplayName(nameToUse(value, suggestion));
  const length = graphemes(value.trim()).length;
  const hint = !parsed.ok
    ? parsed.error
    : value === ''
      ? `Others in the call will see you as ${parsed.value}, or type your name.`
      : 'Others in the call see this name. It is remembered in this browser.';
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor="display-name" className="text-sm text-slate-300">
        Your name
      </label>
      <input
        id="display-name"
        ref={input}
        defaultValue={value}
        placeholder={suggestion}
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={(event) => {
          if (event.key !== 'Enter' || event.nativeEvent.isComposing || !onEnter) return;
          event.preventDefault();
          onEnter();
        }}
        autoComplete="nickname"
        aria-invalid={!parsed.ok}
        aria-describedby={hintId}
        className={
          'rounded-lg border bg-slate-900 px-3 py-2 text-slate-100 ' +
          'outline-none placeholder:text-slate-500 focus:ring-2 ' +
          (parsed.ok ? 'border-slate-700 focus:ring-sky-400' : 'border-rose-500 focus:ring-rose-400')
        }
      />
      {inServerHtml && <script id={SCRIPT_ID} dangerouslySetInnerHTML={{ __html: REMEMBERED_NAME_SCRIPT }} />}
      <div id={hintId} aria-live="polite" className="flex justify-between gap-4 text-xs">
        <span className={parsed.ok ? 'text-slate-400' : 'text-rose-300'}>{hint}</span>
        <span className={length > DISPLAY_NAME_MAX ? 'text-rose-300' : 'text-slate-500'}>
          {length}/{DISPLAY_NAME_MAX}
        </span>
      </div>
    </div>
  );
}
