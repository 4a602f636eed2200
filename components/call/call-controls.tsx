'use client';
import type { ReactNode, RefObject } from 'react';
import type { LocalMedia } from '@/lib/client/use-local-media';
import { ControlBar } from './control-bar';
import { ChatIcon, HandIcon, PeopleIcon, PhoneOffIcon, ScreenIcon } from '../ui/icons';
import { MediaToggles } from '../media/media-toggles';
import { MoreMenu, type MenuItem } from './more-menu';

export type Panel = 'people' | 'chat' | null;

type Props = {
  media: LocalMedia;
  onToggle: (kind: 'audio' | 'video', on: boolean) => void;
  hand: boolean;
  onHand: (up: boolean) => void;
  panel: Panel;
  onPanel: (panel: Panel) => void;
  peopleCount: number;
  /** For hosts: how many wait to be let in (a second badge on People). */
  waitingCount?: number;
  unread: number;
  menu: MenuItem[];
  /** Screen share: hidden where the browser cannot share (phones). */
  share: { available: boolean; sharing: boolean; onToggle: () => void };
  /** The More button, to give focus back to when something opened from its menu closes. */
  moreButton: RefObject<HTMLButtonElement | null>;
  onLeave: () => void;
};

export const roundButton =
  'relative flex h-10 w-10 shrink-0 items-center justify-center rounded-full bg-slate-700 hover:bg-slate-600 ' +
  'focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-400 sm:h-12 sm:w-12';

function Badge({ children, waiting = false }: { children: ReactNode; waiting?: boolean }) {
  const where = waiting ? '-left-1 bg-amber-400' : '-right-1 bg-sky-500';
  return (
    <span
      className={`absolute -top-1 ${where} min-w-5 rounded-full px-1 text-xs leading-5 font-semibold text-slate-950`}
    >
      {children}
    </span>
  );
}

/** The call's toolbar: mic, camera, raise hand, People, Chat, More, Leave. */
export function CallControls({
  media,
  onToggle,
  hand,
  onHand,
  panel,
  onPanel,
  peopleCount,
  waitingCount = 0,
  unread,
  menu,
  moreButton,
  share,
  onLeave,
}: Props) {
  const toggle = (which: Exclude<Panel, null>) => onPanel(panel === which ? null : which);
  return (
    <ControlBar>
      <MediaToggles media={media} onToggle={onToggle} />
      {share.available && (
        <button
          type="button"
          aria-label={share.sharing ? 'Stop presenting' : 'Share screen'}
          title={share.sharing ? 'Stop presenting' : 'Share screen'}
          onClick={share.onToggle}
          className={`${roundButton} ${share.sharing ? 'bg-sky-500 text-slate-950 hover:bg-sky-400' : ''}`}
        >
          <ScreenIcon />
        </button>
      )}
      <button
        type="button"
        aria-label={hand ? 'Lower hand' : 'Raise hand'}
        title={hand ? 'Lower hand' : 'Raise hand'}
        onClick={() => onHand(!hand)}
        className={`${roundButton} ${hand ? 'bg-amber-400 text-slate-950 hover:bg-amber-300' : ''}`}
      >
        <HandIcon />
      </button>
      <button
        type="button"
        aria-label={`People (${peopleCount})${waitingCount > 0 ? `, ${waitingCount} waiting to join` : ''}`}
        title="People"
        aria-expanded={panel === 'people'}
        onClick={() => toggle('people')}
        className={roundButton}
      >
        <PeopleIcon />
        <Badge>{peopleCount}</Badge>
        {waitingCount > 0 && <Badge waiting>{waitingCount}</Badge>}
      </button>
      <button
        type="button"
        aria-label={unread > 0 ? `Chat, ${unread} unread` : 'Chat'}
        title="Chat"
        aria-expanded={panel === 'chat'}
        onClick={() => toggle('chat')}
        className={roundButton}
      >
        <ChatIcon />
        {unread > 0 && <Badge>{unread}</Badge>}
      </button>
      <MoreMenu items={menu} className={roundButton} buttonRef={moreButton} />
      <button
        type="button"
        onClick={onLeave}
        aria-label="Leave"
        className={
          'flex h-10 shrink-0 items-center gap-2 rounded-full bg-rose-600 px-3 font-medium hover:bg-rose-500 ' +
          'focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-rose-300 sm:h-12 sm:px-5'
        }
      >
        <PhoneOffIcon />
        <span className="hidden sm:inline">Leave</span>
      </button>
    </ControlBar>
  );
}
