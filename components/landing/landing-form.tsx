'use client';
import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import { randomChannelName } from '@/lib/client/channel-names';
import { byteLength, CHANNEL_NAME_MAX_BYTES, channelNameMessage, parseChannelName } from '@/lib/shared/validation';

export function LandingForm() {
  const router = useRouter();
  const [name, setName] = useState('');
  const [touched, setTouched] = useState(false);
  const [joining, setJoining] = useState(false);
  const errorId = useId();
  // Spaces around a name are a typing accident, not a different room.
  const parsed = parseChannelName(name.trim());
  const showError = (touched || name.length > 0) && !parsed.ok;
  const bytes = byteLength(name.trim());

  const go = (channel: string) => {
    setJoining(true);
    router.push(`/call/${encodeURIComponent(channel)}`);
  };

  return (
    <form
      className="flex flex-col gap-3"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setTouched(true);
        if (parsed.ok) go(parsed.value);
      }}
    >
      <label htmlFor="channel" className="text-sm font-medium text-slate-300">
        Channel name
      </label>
      <div className="flex flex-col gap-2 sm:flex-row sm:items-start">
        <div className="flex min-w-0 flex-1 flex-col gap-1.5">
          <input
            id="channel"
            name="channel"
            value={name}
            onChange={(event) => setName(event.target.value)}
            onBlur={() => setTouched(true)}
            placeholder="e.g. team-standup"
            autoComplete="off"
            autoCapitalize="off"
            spellCheck={false}
            aria-invalid={showError}
            aria-describedby={errorId}
            className={`h-13 w-full rounded-xl border bg-slate-900 px-4 text-lg outline-none focus:ring-2 ${
              showError ? 'border-rose-500 focus:ring-rose-400' : 'border-slate-700 focus:ring-sky-400'
            }`}
          />
          <div id={errorId} aria-live="polite" className="flex justify-between gap-4 text-sm">
            <span className={showError ? 'text-rose-300' : 'text-slate-400'} data-testid="channel-hint">
              {showError && !parsed.ok
                ? channelNameMessage(parsed.error)
                : 'Letters, digits, spaces and most punctuation. Anyone with the name can join.'}
            </span>
            <span className={bytes > CHANNEL_NAME_MAX_BYTES ? 'text-rose-300' : 'text-slate-500'}>
              {bytes}/{CHANNEL_NAME_MAX_BYTES}
            </span>
          </div>
        </div>
        <button
          type="button"
          onClick={() => {
            setName(randomChannelName());
            setTouched(false);
          }}
          className="h-13 rounded-xl border border-slate-700 px-4 font-medium hover:bg-slate-800 focus:outline-2 focus:outline-sky-400"
        >
          Random name
        </button>
        <button
          type="submit"
          disabled={joining}
          className="h-13 rounded-xl bg-sky-500 px-6 text-lg font-semibold text-slate-950 hover:bg-sky-400 focus:outline-2 focus:outline-offset-2 focus:outline-sky-300 disabled:opacity-60"
        >
          {joining ? 'Opening…' : 'Join'}
        </button>
      </div>
    </form>
  );
}
