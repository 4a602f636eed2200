'use client';
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { initials } from '@/lib/client/display-name';
import { useIsSpeaking, useQualityMark } from '@/lib/client/call/use-call';
import type { Person, Screen } from '@/lib/client/people';
import type { RemoteTrack } from '@/lib/client/engine/rtc';
import { CameraOffIcon, HandIcon, MicOffIcon, PinIcon } from '../ui/icons';
import { QualityBars } from './quality-bars';

export interface TileState {
  /** Whose speaking and quality marks the tile shows ('self' for you); none for a screen. */
  signalKey?: string;
  pinned?: boolean;
  onPin?: () => void;
}

type FrameProps = TileState & {
  label: string;
  micOff?: boolean;
  cameraOff?: boolean;
  hand?: boolean;
  children: ReactNode;
  /** Under the name, e.g. your own microphone's level. */
  extra?: ReactNode;
  /** Beside the pin: a host's menu for this person. */
  actions?: ReactNode;
};

/** A tile's frame: the video (or avatar) with the person's name, marks and a pin control. */
export function TileFrame({
  label,
  micOff = false,
  cameraOff = false,
  hand = false,
  signalKey,
  pinned = false,
  onPin,
  children,
  extra,
  actions,
}: FrameProps) {
  const labelId = useId();
  const speaking = useIsSpeaking(signalKey);
  const quality = useQualityMark(signalKey);
  return (
    // Named by its caption's label alone ("Ada (you)", "Grace's screen"): the marks beside it are read
    // as its content.
    <figure aria-labelledby={labelId} className="group relative h-full w-full overflow-hidden rounded-2xl bg-slate-900">
      {children}
      {/* The border and the speaking ring are drawn inside the tile, over the video: nothing around the
          tile can clip them. */}
      <span
        aria-hidden="true"
        className={`pointer-events-none absolute inset-0 rounded-2xl ring-inset ${
          speaking ? 'ring-4 ring-emerald-400' : 'ring-1 ring-slate-800'
        }`}
      />
      {hand && (
        <span
          role="img"
          title="Hand raised"
          aria-label="hand raised"
          className="absolute top-2 left-2 rounded-full bg-amber-400 p-1.5 text-slate-950"
        >
          <HandIcon className="h-5 w-5" />
        </span>
      )}
      <div className="absolute top-2 right-2 flex gap-1">
        {actions}
        {onPin && (
          <button
            type="button"
            onClick={onPin}
            aria-pressed={pinned}
            aria-label={`${pinned ? 'Unpin' : 'Pin'} ${label}`}
            title={pinned ? 'Unpin' : 'Pin to the stage'}
            className={
              'rounded-full p-1.5 focus:opacity-100 focus:outline-2 focus:outline-sky-400 group-hover:opacity-100 ' +
              (pinned ? 'bg-sky-500 text-slate-950 opacity-100' : 'bg-slate-950/70 opacity-0')
            }
          >
            <PinIcon className="h-4 w-4" />
          </button>
        )}
      </div>
      <figcaption
        className={
          'absolute bottom-2 left-2 flex max-w-[calc(100%-1rem)] flex-col gap-1 ' +
          'rounded-lg bg-slate-950/70 px-2 py-1 text-sm'
        }
      >
        <span className="flex items-center gap-2">
          {quality && <QualityBars mark={quality} />}
          <span className="truncate" id={labelId}>
            {label}
          </span>
          {speaking && <span className="sr-only">speaking</span>}
          {micOff && (
            <span role="img" title="Microphone off" aria-label="microphone off">
              <MicOffIcon className="h-4 w-4 text-rose-400" />
            </span>
          )}
          {cameraOff && (
            <span role="img" title="Camera off" aria-label="camera off">
              <CameraOffIcon className="h-4 w-4 text-rose-400" />
            </span>
          )}
        </span>
        {extra}
      </figcaption>
    </figure>
  );
}

export function Avatar({ name, small = false }: { name: string; small?: boolean }) {
  return (
    <div className="flex h-full items-center justify-center">
      <div
        className={`flex items-center justify-center rounded-full bg-slate-700 font-semibold ${
          small ? 'h-9 w-9 text-sm' : 'h-16 w-16 text-xl'
        }`}
        aria-hidden="true"
      >
        {initials(name)}
      </div>
    </div>
  );
}

/** Plays a remote video track into its box while mounted. */
function RemoteVideo({ track, fit = 'cover' }: { track: RemoteTrack; fit?: 'cover' | 'contain' }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!box.current) return;
    track.play(box.current);
    const video = box.current.querySelector('video');
    if (video) video.style.objectFit = fit;
    return () => track.stop();
  }, [track, fit]);
  return <div ref={box} className="h-full w-full" />;
}

export function RemoteTile({ person, actions, ...state }: { person: Person; actions?: ReactNode } & TileState) {
  return (
    <TileFrame
      actions={actions}
      label={person.name}
      micOff={!person.hasAudio}
      cameraOff={!person.hasVideo}
      hand={person.hand}
      signalKey={person.uid}
      {...state}
    >
      {person.videoTrack ? (
        <RemoteVideo track={person.videoTrack} />
      ) : (
        <Avatar name={person.joining ? '…' : person.name} />
      )}
    </TileFrame>
  );
}

/** Someone's shared screen: shown whole (never cropped), labelled with whose it is. */
export function ScreenTile({ screen, ...state }: { screen: Screen } & TileState) {
  return (
    <TileFrame label={`${screen.ownerName}'s screen`} {...state}>
      {screen.videoTrack ? <RemoteVideo track={screen.videoTrack} fit="contain" /> : <Avatar name={screen.ownerName} />}
    </TileFrame>
  );
}
