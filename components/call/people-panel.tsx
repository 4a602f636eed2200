'use client';
import { useId } from 'react';
import type { Person } from '@/lib/client/people';
import { CameraOffIcon, HandIcon, MicOffIcon } from '../ui/icons';
import { Avatar } from './remote-tile';

/** Everyone in the call, you first, with mic, camera and raised-hand state. */
export function PeoplePanel({ people }: { people: Person[] }) {
  const nameId = useId();
  return (
    <ul className="flex flex-col gap-1">
      {people.map((person) => (
        <li
          key={person.uid}
          aria-labelledby={`${nameId}-${person.uid}`}
          className="flex items-center gap-3 rounded-lg px-2 py-1.5 hover:bg-slate-800/60"
        >
          <div className="h-9 w-9 shrink-0">
            <Avatar name={person.joining ? '…' : person.name} small />
          </div>
          <span className="min-w-0 flex-1 truncate" id={`${nameId}-${person.uid}`}>
            {person.name}
            {person.self && <span className="text-slate-400"> (you)</span>}
          </span>
          {person.hand && (
            <span role="img" title="Hand raised" aria-label="hand raised">
              <HandIcon className="h-4 w-4 text-amber-300" />
            </span>
          )}
          {!person.hasAudio && (
            <span role="img" title="Microphone off" aria-label="microphone off">
              <MicOffIcon className="h-4 w-4 text-rose-400" />
            </span>
          )}
          {!person.hasVideo && (
            <span role="img" title="Camera off" aria-label="camera off">
              <CameraOffIcon className="h-4 w-4 text-rose-400" />
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}
