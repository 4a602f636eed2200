'use client';
import { useState } from 'react';
import type { PastedToken } from '@/lib/client/call/use-call-stay';
import { parseAppId, parsePastedToken } from '@/lib/shared/validation';
import { inspectorLink } from '../inspector/inspector-link';

/** What the person pasted: unused (fields empty or closed), invalid (with why), or ready to join with. */
export type PastedChoice =
  { active: false } | { active: true; error: string } | { active: true; error: null; pasted: PastedToken };

/** Agora mode's "Advanced" option: join with an App ID and a temporary token from Agora Console. */
export function ConsoleTokenOption({
  channel,
  onChange,
}: {
  channel: string;
  onChange: (choice: PastedChoice) => void;
}) {
  const [open, setOpen] = useState(false);
  const [appIdText, setAppIdText] = useState('');
  const [tokenText, setTokenText] = useState('');

  const report = (isOpen: boolean, appIdValue: string, tokenValue: string) => {
    if (!isOpen || (appIdValue === '' && tokenValue === '')) return onChange({ active: false });
    const appId = parseAppId(appIdValue);
    const token = parsePastedToken(tokenValue);
    if (!appId.ok) return onChange({ active: true, error: appId.error });
    if (!token.ok) return onChange({ active: true, error: token.error });
    onChange({ active: true, error: null, pasted: { appId: appId.value, token: token.value } });
  };
  const appId = parseAppId(appIdText);
  const token = parsePastedToken(tokenText);
  const error = appIdText === '' && tokenText === '' ? null : !appId.ok ? appId.error : !token.ok ? token.error : null;

  return (
    <details
      className="rounded-lg border border-slate-800 p-3 text-sm"
      open={open}
      onToggle={(event) => {
        setOpen(event.currentTarget.open);
        report(event.currentTarget.open, appIdText, tokenText);
      }}
    >
      <summary className="cursor-pointer text-slate-300">Advanced: join with a token from Agora Console</summary>
      <div className="mt-3 flex flex-col gap-3">
        <p className="text-slate-400">
          For testing against Agora&apos;s web demo: paste your project&apos;s App ID and a temporary token generated
          for this channel. Pasted tokens are not renewed.
        </p>
        <a
          href={inspectorLink(channel, 0)}
          target="_blank"
          rel="noopener noreferrer"
          className="self-start text-sky-300 underline hover:text-sky-200"
        >
          Check a token in the token inspector
        </a>
        <PastedField
          label="App ID"
          value={appIdText}
          onChange={(value) => {
            setAppIdText(value);
            report(open, value, tokenText);
          }}
        />
        <PastedField
          label="Temporary token"
          multiline
          value={tokenText}
          onChange={(value) => {
            setTokenText(value);
            report(open, appIdText, value);
          }}
        />
        {error && (
          <p className="text-amber-300" role="alert">
            {error}
          </p>
        )}
      </div>
    </details>
  );
}

/** One pasted value: monospace, no autocomplete or spell check (they are opaque strings). */
function PastedField({
  label,
  value,
  multiline,
  onChange,
}: {
  label: string;
  value: string;
  multiline?: boolean;
  onChange: (value: string) => void;
}) {
  const props = {
    value,
    onChange: (event: { target: { value: string } }) => onChange(event.target.value),
    autoComplete: 'off',
    spellCheck: false,
  };
  return (
    <label className="flex flex-col gap-1">
      {label}
      {multiline ? (
        <textarea
          className="min-h-20 rounded-lg border border-slate-700 bg-slate-900 px-3 py-2 font-mono text-xs"
          {...props}
        />
      ) : (
        <input className="rounded-lg border border-slate-700 bg-slate-900 px-3 py-2 font-mono" {...props} />
      )}
    </label>
  );
}
