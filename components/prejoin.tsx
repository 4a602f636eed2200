'use client';
import { useState } from 'react';
import type { PastedToken } from '@/lib/client/use-call-session';
import type { LocalMedia } from '@/lib/client/use-local-media';
import { parseAppId, parsePastedToken } from '@/lib/validation';
import { DevicePickers, type DeviceKind } from './device-pickers';
import { LocalVideo } from './local-video';
import { MediaToggles } from './media-toggles';
import { MicLevel } from './mic-level';
import { inspectorLink } from './token-diagnosis';

type Props = {
  channel: string;
  modeBadge: React.ReactNode;
  media: LocalMedia;
  engineReady: boolean;
  tokenReady: boolean;
  tokenError: string | null;
  onToggle: (kind: 'audio' | 'video', on: boolean) => void;
  onSelectDevice: (kind: DeviceKind, deviceId: string) => void;
  onJoin: (pasted: PastedToken | null) => void;
};

export function Prejoin({ channel, modeBadge, media, engineReady, tokenReady, tokenError, onToggle, onSelectDevice, onJoin }: Props) {
  const [advanced, setAdvanced] = useState(false);
  const [pastedAppId, setPastedAppId] = useState('');
  const [pastedToken, setPastedToken] = useState('');
  const usePasted = advanced && (pastedAppId !== '' || pastedToken !== '');
  const appId = parseAppId(pastedAppId);
  const pasted = parsePastedToken(pastedToken);
  const pastedError = !usePasted ? null : !appId.ok ? appId.error : !pasted.ok ? pasted.error : null;
  const waitingFor = !engineReady
    ? 'Loading…'
    : media.starting
      ? 'Starting camera and microphone…'
      : !tokenReady && !usePasted
        ? 'Getting access…'
        : null;
  const nothingWorks = !media.starting && !media.audioTrack && !media.videoTrack;

  return (
    <main className="mx-auto grid min-h-dvh max-w-5xl content-center gap-6 p-4 sm:p-8 lg:grid-cols-[3fr_2fr] lg:items-center lg:gap-8">
      <section aria-label="Camera preview" className="flex flex-col gap-3">
        <div className="relative aspect-video overflow-hidden rounded-2xl bg-slate-900 ring-1 ring-slate-800">
          {media.videoTrack && media.cameraOn ? (
            <LocalVideo track={media.videoTrack} />
          ) : (
            <div className="flex h-full items-center justify-center p-6 text-center text-slate-400">
              {media.starting ? 'Starting camera…' : media.videoError ? 'Camera unavailable' : 'Camera is off'}
            </div>
          )}
          <div className="absolute inset-x-0 bottom-0 flex justify-center gap-3 bg-gradient-to-t from-slate-950/80 p-3">
            <MediaToggles media={media} onToggle={onToggle} />
          </div>
        </div>
        <MicLevel track={media.audioTrack} active={media.micOn} />
        {(media.videoError || media.audioError) && (
          <div role="alert" className="rounded-lg border border-amber-500/40 bg-amber-500/10 p-3 text-sm text-amber-200">
            {media.videoError && <p>{media.videoError}</p>}
            {media.audioError && <p>{media.audioError}</p>}
            <p className="mt-1 text-amber-100/80">
              {nothingWorks ? 'You can still join to watch and listen.' : 'You can still join with what works.'}
            </p>
          </div>
        )}
      </section>

      <section aria-label="Join the call" className="flex flex-col gap-5">
        <div>
          <p className="text-sm uppercase tracking-wide text-slate-400">Ready to join?</p>
          <h1 className="break-all text-3xl font-semibold" data-testid="channel-name">
            {channel}
          </h1>
          <div className="mt-2">{modeBadge}</div>
        </div>
        <div className="flex flex-col gap-3">
          <DevicePickers media={media} onSelect={onSelectDevice} />
        </div>

        <details className="rounded-lg border border-slate-800 p-3 text-sm" open={advanced} onToggle={(event) => setAdvanced(event.currentTarget.open)}>
          <summary className="cursor-pointer text-slate-300">Advanced: join with a token from Agora Console</summary>
          <div className="mt-3 flex flex-col gap-3">
            <p className="text-slate-400">
              For testing against Agora&apos;s web demo: paste your project&apos;s App ID and a temporary token generated for this channel. Pasted tokens are not renewed.
            </p>
            <a href={inspectorLink(channel, 0)} target="_blank" rel="noopener noreferrer" className="self-start text-sky-300 underline hover:text-sky-200">Check a token in the token inspector</a>
            <label className="flex flex-col gap-1">
              App ID
              <input className="rounded-lg border border-slate-700 bg-slate-900 px-3 py-2 font-mono" value={pastedAppId} onChange={(e) => setPastedAppId(e.target.value)} autoComplete="off" spellCheck={false} />
            </label>
            <label className="flex flex-col gap-1">
              Temporary token
              <textarea className="min-h-20 rounded-lg border border-slate-700 bg-slate-900 px-3 py-2 font-mono text-xs" value={pastedToken} onChange={(e) => setPastedToken(e.target.value)} spellCheck={false} />
            </label>
            {pastedError && <p className="text-amber-300" role="alert">{pastedError}</p>}
          </div>
        </details>

        {tokenError && !usePasted && (
          <p role="alert" className="rounded-lg border border-rose-500/40 bg-rose-500/10 p-3 text-sm text-rose-200">
            {tokenError}
          </p>
        )}
        <button
          type="button"
          className="rounded-xl bg-sky-500 px-6 py-3 text-lg font-semibold text-slate-950 transition hover:bg-sky-400 focus:outline-2 focus:outline-offset-2 focus:outline-sky-300 disabled:cursor-not-allowed disabled:bg-slate-700 disabled:text-slate-400"
          disabled={waitingFor !== null || (usePasted ? !!pastedError : !!tokenError)}
          onClick={() => onJoin(usePasted && appId.ok && pasted.ok ? { appId: appId.value, token: pasted.value } : null)}
        >
          {waitingFor ?? 'Join call'}
        </button>
      </section>
    </main>
  );
}
