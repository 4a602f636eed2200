'use client';
import { useEffect, useRef, type ReactNode } from 'react';
import { initials } from '@/lib/client/display-name';
import type { Person } from '@/lib/client/people';
import { CameraOffIcon, HandIcon, MicOffIcon } from './icons';

type FrameProps = {
  label: string;
  micOff: boolean;
  cameraOff: boolean;
  hand?: boolean;
  children: ReactNode;
  testId: string;
};

/** A tile's frame: the video (or avatar) with the person's name and state marks in the corner. */
export function TileFrame({ label, micOff, cameraOff, hand = false, children, testId }: FrameProps) {
  return (
    <figure data-testid={testId} className="relative h-full w-full overflow-hidden rounded-2xl bg-slate-900 ring-1 ring-slate-800">
      {children}
      {hand && (
        <span title="Hand raised" aria-label="hand raised" data-testid="hand-indicator" className="absolute top-2 left-2 rounded-full bg-amber-400 p-1.5 text-slate-950">
          <HandIcon className="h-5 w-5" />
        </span>
      )}
      <figcaption className="absolute bottom-2 left-2 flex max-w-[calc(100%-1rem)] items-center gap-2 rounded-lg bg-slate-950/70 px-2 py-1 text-sm">
        <span className="truncate" data-testid="tile-label">
          {label}
        </span>
        {micOff && (
          <span title="Microphone off" aria-label="microphone off" data-testid="mic-off-indicator">
            <MicOffIcon className="h-4 w-4 text-rose-400" />
          </span>
        )}
        {cameraOff && (
          <span title="Camera off" aria-label="camera off" data-testid="camera-off-indicator">
            <CameraOffIcon className="h-4 w-4 text-rose-400" />
          </span>
        )}
      </figcaption>
    </figure>
  );
}

export function Avatar({ name, small = false }: { name: string; small?: boolean }) {
  return (
    <div className="flex h-full items-center justify-center">
      <div
        className={`flex items-center justify-center rounded-full bg-slate-700 font-semibold ${small ? 'h-9 w-9 text-sm' : 'h-16 w-16 text-xl'}`}
        aria-hidden="true"
        data-testid="avatar"
      >
        {initials(name)}
      </div>
    </div>
  );
}

export function RemoteTile({ person }: { person: Person }) {
  const box = useRef<HTMLDivElement>(null);
  const { videoTrack } = person;
  useEffect(() => {
    if (!videoTrack || !box.current) return;
    videoTrack.play(box.current);
    return () => videoTrack.stop();
  }, [videoTrack]);
  return (
    <TileFrame testId={`remote-tile-${person.uid}`} label={person.name} micOff={!person.hasAudio} cameraOff={!person.hasVideo} hand={person.hand}>
      {videoTrack ? <div ref={box} className="h-full w-full" data-testid="remote-video" /> : <Avatar name={person.name} />}
    </TileFrame>
  );
}
