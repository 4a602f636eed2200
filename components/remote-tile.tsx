'use client';
import { useEffect, useRef } from 'react';
import type { Participant } from '@/lib/client/call-session';
import { initials } from '@/lib/display-name';
import { CameraOffIcon, MicOffIcon } from './icons';

export function TileFrame({ label, micOff, cameraOff, children, testId }: {
  label: string;
  micOff: boolean;
  cameraOff: boolean;
  children: React.ReactNode;
  testId: string;
}) {
  return (
    <figure data-testid={testId} className="relative h-full w-full overflow-hidden rounded-2xl bg-slate-900 ring-1 ring-slate-800">
      {children}
      <figcaption className="absolute bottom-2 left-2 flex max-w-[calc(100%-1rem)] items-center gap-2 rounded-lg bg-slate-950/70 px-2 py-1 text-sm">
        <span className="truncate" data-testid="tile-label">{label}</span>
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

export function Avatar({ name }: { name: string }) {
  return (
    <div className="flex h-full items-center justify-center">
      <div className="flex h-16 w-16 items-center justify-center rounded-full bg-slate-700 text-xl font-semibold" aria-hidden="true" data-testid="avatar">
        {initials(name)}
      </div>
    </div>
  );
}

export function RemoteTile({ participant }: { participant: Participant }) {
  const box = useRef<HTMLDivElement>(null);
  const { videoTrack } = participant;
  const name = `User ${participant.uid}`;
  useEffect(() => {
    if (!videoTrack || !box.current) return;
    videoTrack.play(box.current);
    return () => videoTrack.stop();
  }, [videoTrack]);
  return (
    <TileFrame testId={`remote-tile-${participant.uid}`} label={name} micOff={!participant.hasAudio} cameraOff={!participant.hasVideo}>
      {videoTrack ? <div ref={box} className="h-full w-full" data-testid="remote-video" /> : <Avatar name={name} />}
    </TileFrame>
  );
}
