'use client';
import { useRouter } from 'next/navigation';
import { useEffect, useId, useState } from 'react';
import { randomChannelName, usableChannelName } from '@/lib/client/channel-names';
import { startRoom } from '@/lib/client/room/start-room';
import { CHANNEL_NAME_MAX_BYTES, channelNameProblem, characterCount } from '@/lib/shared/channel-name';

export function LandingForm() {
  const router = useRouter();
  const [name, setName] = useState('');
  const [touched, setTouched] = useState(false);
  const [joining, setJoining] = useState(false);
  // Offered when nothing of a typed name can be kept; made once so the offer does not change as you type.
  const [spareName] = useState(randomChannelName);
  const hintId = useId();
  // Spaces around a name are a typing accident, not a different room.
  const trimmed = name.trim();
  const problem = channelNameProblem(trimmed);
  const showError = (touched || name.length > 0) && problem !== null;
  const suggestion = showError && trimmed.length > 0 ? (usableChannelName(trimmed) ?? spareName) : null;
  const characters = characterCount(trimmed);

  // After a damaged call link: whether some of its name could be read and is in the field.
  const [brokenLink, setBrokenLink] = useState<'name kept' | 'name lost' | null>(null);

  // What the address hands over (known only in the browser: the page is static): a name from a
  // damaged call link (?link=broken) or from the form sent before this script ran.
  useEffect(() => {
    const params = new URLSearchParams(window.location.search);
    const handedOver = params.get('channel');
    /* eslint-disable react-hooks/set-state-in-effect -- see above */
    if (handedOver) setName(handedOver);
    if (params.get('link') === 'broken') setBrokenLink(handedOver ? 'name kept' : 'name lost');
    /* eslint-enable react-hooks/set-state-in-effect */
  }, []);

  const [live, setLive] = useState(false);
  const [startError, setStartError] = useState<string | null>(null);
  // Nobody started this room yet: you are its host (the link with the host key); else you join it as a guest.
  const go = (channel: string) => {
    setJoining(true);
    setStartError(null);
    startRoom(channel, live).then(router.push, (error: Error) => {
      setJoining(false);
      setStartError(`Could not start the room: ${error.message}`);
    });
  };

  return (
    // Sent by the browser itself when Enter comes before this script runs: /call?channel=… opens the call.
    <form
      action="/call"
      method="get"
      className="flex flex-col gap-3"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setTouched(true);
        if (problem === null) go(trimmed);
      }}
    >
      {brokenLink && (
        <p role="alert" className="rounded-lg border border-amber-500/40 bg-amber-500/10 p-3 text-amber-200">
          That call link was damaged in transit.{' '}
          {brokenLink === 'name kept'
            ? 'Below is what could be read of its channel name: check it, then join.'
            : 'Type the channel name again below.'}
        </p>
      )}
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
            aria-describedby={hintId}
            className={`h-13 w-full rounded-xl border bg-slate-900 px-4 text-lg outline-none focus:ring-2 ${
              showError ? 'border-rose-500 focus:ring-rose-400' : 'border-slate-700 focus:ring-sky-400'
            }`}
          />
          <div aria-live="polite" className="flex justify-between gap-4 text-sm">
            <span id={hintId} className={showError ? 'text-rose-300' : 'text-slate-400'}>
              {showError ? problem : 'Letters a–z, digits, spaces and simple symbols. Anyone with the name can join.'}
            </span>
            <span className={characters > CHANNEL_NAME_MAX_BYTES ? 'text-rose-300' : 'text-slate-500'}>
              {characters}/{CHANNEL_NAME_MAX_BYTES}
            </span>
          </div>
          {suggestion && (
            <button
              type="button"
              onClick={() => {
                setName(suggestion);
                setTouched(false);
              }}
              className={
                'self-start rounded-lg border border-sky-500/50 px-3 py-1 text-sm font-medium text-sky-200 ' +
                'hover:bg-sky-500/10 focus:outline-2 focus:outline-sky-400'
              }
            >
              Use {suggestion}
            </button>
          )}
        </div>
        <button
          type="button"
          onClick={() => {
            setName(randomChannelName());
            setTouched(false);
          }}
          className={
            'h-13 rounded-xl border border-slate-700 px-4 font-medium ' +
            'hover:bg-slate-800 focus:outline-2 focus:outline-sky-400'
          }
        >
          Random name
        </button>
        <button
          type="submit"
          disabled={joining}
          className={
            'h-13 rounded-xl bg-sky-500 px-6 text-lg font-semibold text-slate-950 ' +
            'hover:bg-sky-400 focus:outline-2 focus:outline-offset-2 focus:outline-sky-300 disabled:opacity-60'
          }
        >
          {joining ? 'Opening…' : 'Join'}
        </button>
      </div>
      <label className="flex items-start gap-2 text-sm text-slate-300">
        <input
          type="checkbox"
          name="live"
          checked={live}
          onChange={(event) => setLive(event.target.checked)}
          className="mt-0.5 h-4 w-4 accent-sky-500"
        />
        <span>Live event: others join as an audience, seen and heard only when you invite them on stage</span>
      </label>
      {startError && (
        <p role="alert" className="text-sm text-rose-300">
          {startError}
        </p>
      )}
    </form>
  );
}
