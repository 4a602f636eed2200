'use client';
import { useId } from 'react';
import type { Person } from '@/lib/client/people';
import type { RoomRole } from '@/lib/shared/room-contract';
import { CameraOffIcon, HandIcon, MicOffIcon } from '../ui/icons';
import { Avatar } from './remote-tile';
import { PersonActions, type HostPersonControls } from './person-actions';

/** What a host can do to others from People, in a stage room. */
export interface StageControls {
  busy: boolean;
  onInvite: (uid: string) => void;
  onMoveToAudience: (uid: string) => void;
}

const ROLE_WORDS: Partial<Record<RoomRole, string>> = { host: 'Host', stage: 'On stage', audience: 'Audience' };

// Under the name, beside the role it changes: the row keeps its width for the name.
const actionButton =
  'shrink-0 rounded font-medium text-sky-300 hover:text-sky-200 hover:underline ' +
  'focus-visible:outline-2 focus-visible:outline-sky-400 disabled:opacity-60';

function StageAction({ person, controls }: { person: Person; controls: StageControls }) {
  if (person.self || (person.role !== 'stage' && person.role !== 'audience')) return null;
  if (person.role === 'audience' && person.invited)
    return <span className="shrink-0 text-sky-300">Invitation sent</span>;
  const onStage = person.role === 'stage';
  return (
    <button
      type="button"
      disabled={controls.busy}
      aria-label={onStage ? `Move ${person.name} to the audience` : `Invite ${person.name} to the stage`}
      onClick={() => (onStage ? controls.onMoveToAudience : controls.onInvite)(person.uid)}
      className={actionButton}
    >
      {onStage ? 'Move to audience' : 'Invite to stage'}
    </button>
  );
}

/**
 * Everyone in the call, you first, with mic, camera, raised-hand state and, in a room with a host,
 * their role; a host also gets each person's actions (stage, mute, ask, remove).
 */
export function PeoplePanel({
  people,
  stage,
  host,
}: {
  people: Person[];
  stage?: StageControls | null;
  host?: HostPersonControls | null;
}) {
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
          <span className="flex min-w-0 flex-1 flex-col">
            <span className="truncate" id={`${nameId}-${person.uid}`}>
              {person.name}
              {person.self && <span className="text-slate-400"> (you)</span>}
            </span>
            {person.role && ROLE_WORDS[person.role] && (
              <span className="flex items-center gap-2 text-xs text-slate-400">
                {ROLE_WORDS[person.role]}
                {stage && <StageAction person={person} controls={stage} />}
              </span>
            )}
          </span>
          {person.hand && (
            <span role="img" title="Hand raised" aria-label="hand raised">
              <HandIcon className="h-4 w-4 text-amber-300" />
            </span>
          )}
          {person.role !== 'audience' && !person.hasAudio && (
            <span role="img" title="Microphone off" aria-label="microphone off">
              <MicOffIcon className="h-4 w-4 text-rose-400" />
            </span>
          )}
          {person.role !== 'audience' && !person.hasVideo && (
            <span role="img" title="Camera off" aria-label="camera off">
              <CameraOffIcon className="h-4 w-4 text-rose-400" />
            </span>
          )}
          {host && !person.self && <PersonActions person={person} controls={host} />}
        </li>
      ))}
    </ul>
  );
}
