'use client';
import { useState } from 'react';
import type { Mode } from '@/lib/shared/call-contract';
import type { RoomRole } from '@/lib/shared/room-contract';
import { parseDisplayName } from '@/lib/client/display-name';
import { nameToUse } from '@/lib/client/remembered-name';
import type { PastedToken } from '@/lib/client/call/use-call-stay';
import type { LocalMedia } from '@/lib/client/use-local-media';
import { ConsoleTokenOption, type PastedChoice } from './console-token-option';
import { NameField } from './name-field';
import { DevicePickers, type DeviceKind } from '../media/device-pickers';
import { PREVIEW_VIDEO_ID } from '@/lib/shared/early-capture';
import { LocalVideo } from '../media/local-video';
import { MediaToggles } from '../media/media-toggles';
import { MicLevel } from '../media/mic-level';
import { SignOutButton } from '../auth/sign-in-screens';

type Props = {
  channel: string;
  mode: Mode;
  modeBadge: React.ReactNode;
  media: LocalMedia;
  engineReady: boolean;
  tokenReady: boolean;
  tokenError: string | null;
  onToggle: (kind: 'audio' | 'video', on: boolean) => void;
  onSelectDevice: (kind: DeviceKind, deviceId: string) => void;
  onJoin: (pasted: PastedToken | null) => void;
  name: string;
  /** The random name used when the field is left empty. */
  suggestedName: string;
  onName: (name: string) => void;
  /** What the room makes you (null: no room with a host, or not known yet). */
  roomRole: RoomRole | null;
  /** Why the room does not let you in yet (a waiting room, a lock), said in place of the token's refusal. */
  admission?: { notice: React.ReactNode; waiting: boolean } | null;
  /** With sign-in on: who is signed in, with a way to sign out. */
  signedIn?: { name: string | null; email: string | null } | null;
};

/** How you will join a room with a host, in words, before you do. */
const JOIN_AS: Record<RoomRole, string> = {
  host:
    'You are a host of this room: you can let people in, mute or remove them, lock the room, ' +
    'end the call for everyone, and run it as a live event with a stage.',
  stage: 'You are on stage: everyone will see and hear you.',
  audience:
    'This is a live event: you join the audience. You will see and hear the stage, can chat and raise your hand, ' +
    'and nobody sees or hears you unless a host invites you on stage.',
  guest: 'You join as a guest: everyone sees and hears everyone.',
};

export function Prejoin({
  channel,
  mode,
  modeBadge,
  media,
  engineReady,
  tokenReady,
  tokenError,
  onToggle,
  onSelectDevice,
  onJoin,
  name,
  suggestedName,
  onName,
  roomRole,
  admission = null,
  signedIn = null,
}: Props) {
  const [pastedChoice, setPastedChoice] = useState<PastedChoice>({ active: false });
  const usePasted = pastedChoice.active;
  const nameValid = parseDisplayName(nameToUse(name, suggestedName)).ok;
  const pastedError = pastedChoice.active ? pastedChoice.error : null;
  const waitingFor = !engineReady
    ? 'Loading…'
    : media.starting
      ? 'Starting camera and microphone…'
      : !tokenReady && !usePasted
        ? 'Getting access…'
        : null;
  const nothingWorks = !media.starting && !media.audioTrack && !media.videoTrack;
  const canJoin = waitingFor === null && !admission && nameValid && !(usePasted ? !!pastedError : !!tokenError);
  const join = () => onJoin(pastedChoice.active && pastedChoice.error === null ? pastedChoice.pasted : null);

  return (
    <main
      className={
        'mx-auto grid min-h-dvh max-w-5xl content-center gap-6 p-4 ' +
        'sm:p-8 lg:grid-cols-[3fr_2fr] lg:items-center lg:gap-8'
      }
    >
      <section aria-label="Camera preview" className="flex flex-col gap-3">
        <div className="relative aspect-video overflow-hidden rounded-2xl bg-slate-900 ring-1 ring-slate-800">
          {!(media.videoTrack && media.cameraOn) && (
            <div className="absolute inset-0 flex items-center justify-center p-6 text-center text-slate-400">
              {media.starting ? 'Starting camera…' : media.videoError ? 'Camera unavailable' : 'Camera is off'}
            </div>
          )}
          {/* Always there (over the words, transparent until it plays), so the early capture can show at once. */}
          <LocalVideo
            id={PREVIEW_VIDEO_ID}
            track={media.cameraOn ? media.videoTrack : null}
            className="absolute inset-0"
          />
          <div className="absolute inset-x-0 bottom-0 flex justify-center gap-3 bg-gradient-to-t from-slate-950/80 p-3">
            <MediaToggles media={media} onToggle={onToggle} />
          </div>
        </div>
        <MicLevel track={media.audioTrack} active={media.micOn} />
        {(media.videoError || media.audioError) && (
          <div
            role="alert"
            className="rounded-lg border border-amber-500/40 bg-amber-500/10 p-3 text-sm text-amber-200"
          >
            {[...new Set([media.videoError, media.audioError])].map((error) => error && <p key={error}>{error}</p>)}
            <p className="mt-1 text-amber-100/80">
              {nothingWorks ? 'You can still join to watch and listen.' : 'You can still join with what works.'}
            </p>
          </div>
        )}
      </section>

      <section aria-label="Join the call" className="flex flex-col gap-5">
        <div>
          <p className="text-sm uppercase tracking-wide text-slate-400">Ready to join?</p>
          <h1 className="break-all text-3xl font-semibold">{channel}</h1>
          <div className="mt-2">{modeBadge}</div>
          {signedIn && (
            <div className="mt-3 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-300">
              <span>Signed in as {signedIn.email ?? signedIn.name ?? 'you'}</span>
              <SignOutButton
                next={`/call/${encodeURIComponent(channel)}`}
                className="text-sky-300 underline hover:text-sky-200"
              />
            </div>
          )}
        </div>
        {roomRole && roomRole !== 'guest' && (
          <p className="rounded-lg bg-slate-800/70 p-3 text-sm text-slate-200">{JOIN_AS[roomRole]}</p>
        )}
        {/* Above the fold on a phone: whether a host must let you in is the first thing to know. */}
        {admission?.notice}
        <NameField value={name} suggestion={suggestedName} onChange={onName} onEnter={canJoin ? join : undefined} />
        <div className="flex flex-col gap-3">
          <DevicePickers media={media} onSelect={onSelectDevice} />
        </div>

        {mode === 'agora' && <ConsoleTokenOption channel={channel} onChange={setPastedChoice} />}

        {tokenError && !usePasted && !admission && (
          <p role="alert" className="rounded-lg border border-rose-500/40 bg-rose-500/10 p-3 text-sm text-rose-200">
            {tokenError}
          </p>
        )}
        <button
          type="button"
          className={
            'rounded-xl bg-sky-500 px-6 py-3 text-lg font-semibold text-slate-950 transition hover:bg-sky-400 ' +
            'focus:outline-2 focus:outline-offset-2 focus:outline-sky-300 disabled:cursor-not-allowed ' +
            'disabled:bg-slate-700 disabled:text-slate-400'
          }
          disabled={!canJoin}
          onClick={join}
        >
          {admission?.waiting
            ? 'Waiting for a host…'
            : (!admission && waitingFor) || (roomRole === 'audience' ? 'Join the audience' : 'Join call')}
        </button>
      </section>
    </main>
  );
}
