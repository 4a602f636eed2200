'use client';
import dynamic from 'next/dynamic';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { canShareScreen } from '@/lib/client/call/screen-share';
import { useCall, useCallSnapshot, usePresence, useShare } from '@/lib/client/call/use-call';
import type { LayoutMode } from '@/lib/client/layout';
import { listPeople, listScreens, nameOf } from '@/lib/client/people';
import type { PresenceSnapshot } from '@/lib/client/presence/presence-session';
import { useAnnouncement, useDepartures, useUnread } from '@/lib/client/use-call-events';
import { useNewcomers } from '@/lib/client/use-newcomers';
import type { LocalMedia } from '@/lib/client/use-local-media';
import { mark } from '@/lib/client/timing-marks';
import { useCallDebug } from '@/lib/client/call-debug';
import { CallControls, type Panel } from './call-controls';
import { ChatPanel } from './chat-panel';
import { ConnectionStatus, describeTokenState } from './connection-status';
import type { DeviceKind } from '../media/device-pickers';
import { DevicesPopover } from './devices-popover';
import { CallTiles } from './call-tiles';
import { PeoplePanel } from './people-panel';
import { ProblemPanel } from './problem-panel';
import { PresentingBar } from './presenting-bar';
import { SidePanel } from './side-panel';
import { Toast } from './toast';
import { RoomRoleBadge } from './room-role';
import { RoomNotices } from './room-notices';
import { HostRoomState, useHostControls } from './host-controls';
import { PersonActions } from './person-actions';
import { DismissableAlert } from '../ui/dismissable-alert';
import { HostAskPrompt } from './host-ask-prompt';
import { useHostRequests } from '@/lib/client/room/use-host-requests';
import { roomLink } from '@/lib/shared/room-contract';
import type { RoomSession, RoomSnapshot } from '@/lib/client/room/room-session';
// Under next dev, Next's indicator sits in the top-right corner (next.config.mjs): keep the status clear of it.
const clearOfDevIndicator = process.env.NODE_ENV === 'development' ? 'pr-12' : '';
// Only a refused join needs the token decoder: it downloads then, not with the call page.
const TokenDiagnosis = dynamic(() => import('../inspector/token-diagnosis').then((module) => module.TokenDiagnosis), {
  ssr: false,
});

/** Grid or speaker view, and the pinned tile: kept by the room, so a Rejoin comes back to them. */
export interface LayoutChoice {
  mode: LayoutMode;
  setMode: (mode: LayoutMode) => void;
  pinned: string | null;
  setPinned: (key: string | null) => void;
}

type Props = {
  channel: string;
  media: LocalMedia;
  /** Your uid and the name the others see. */
  me: { uid: string; name: string };
  layout: LayoutChoice;
  modeBadge: React.ReactNode;
  onToggle: (kind: 'audio' | 'video', on: boolean) => void;
  onSelectDevice: (kind: DeviceKind, deviceId: string) => void;
  onLeave: () => void;
  /** A host ends the call for everyone (CallRoom leaves and says so once the server has). */
  onEndForEveryone?: () => void;
  /** The room's state from the server (hosts, stage), and the host key this browser holds. */
  room: RoomOfCall;
  /** Sign-in on: this browser signed out in another tab, so this call's renewals will be refused. */
  signedOutElsewhere?: boolean;
};

export interface RoomOfCall {
  session: RoomSession;
  snapshot: RoomSnapshot;
  hostKey: string | null;
}

/** A short message at the top of the screen for a few seconds. */
function useToast() {
  const [toast, setToast] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const show = useCallback((message: string) => {
    setToast(message);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setToast(null), 4000);
  }, []);
  return { toast, show };
}

/** Copies a link and confirms with a toast naming it (or offers it to copy by hand). */
async function copyInviteLink(show: (message: string) => void, link: string, what = 'Invite link') {
  try {
    await navigator.clipboard.writeText(link);
    show(`${what} copied: ${link}`);
  } catch {
    window.prompt(`Copy this ${what.toLowerCase()}`, link);
  }
}

/** Why names and chat are not working, for the notice and the chat panel; null when they are. */
function signalingProblem(presence: PresenceSnapshot): string | null {
  if (presence.status === 'idle' || presence.status === 'online' || presence.status === 'stopped') return null;
  if (presence.status === 'unavailable') return presence.problem;
  return presence.status === 'reconnecting' ? 'Chat is reconnecting…' : 'Chat is connecting…';
}

/** The call screen of one stay: reads the stay's Call (CallContext) and the local media it is given. */
export function CallView({
  channel,
  media,
  me: you,
  layout,
  modeBadge,
  onToggle,
  onSelectDevice,
  onLeave,
  onEndForEveryone = () => {},
  room,
  signedOutElsewhere = false,
}: Props) {
  const call = useCall();
  useCallDebug(call);
  const snapshot = useCallSnapshot((current) => current);
  const presenceSnapshot = usePresence((current) => current);
  const share = useShare((current) => current);
  const micOn = media.micOn && !!media.audioTrack;
  const cameraOn = media.cameraOn && !!media.videoTrack;
  const newcomers = useNewcomers(snapshot.participants.map((participant) => participant.uid));
  const roomView = room.snapshot.view;
  const people = useMemo(
    () =>
      listPeople(
        snapshot.participants,
        presenceSnapshot,
        { uid: you.uid, name: you.name, micOn, cameraOn },
        newcomers,
        roomView,
      ),
    [snapshot.participants, presenceSnapshot, you.uid, you.name, micOn, cameraOn, newcomers, roomView],
  );
  const myRole = roomView?.hosted ? roomView.you.role : 'guest';
  const inAudience = snapshot.role === 'audience';
  const stageControls =
    myRole === 'host' && roomView?.stage
      ? {
          busy: room.snapshot.busy !== null,
          onInvite: (uid: string) => void room.session.act('invite', Number(uid)),
          onMoveToAudience: (uid: string) => void room.session.act('move-to-audience', Number(uid)),
        }
      : null;
  const hostLink = myRole === 'host' && room.hostKey ? roomLink(window.location.origin, channel, room.hostKey) : null;
  const screens = useMemo(
    () => listScreens(snapshot.participants, presenceSnapshot),
    [snapshot.participants, presenceSnapshot],
  );
  const [devicesOpen, setDevicesOpen] = useState(false);
  const [panel, setPanel] = useState<Panel>(null);
  const { mode, setMode, pinned, setPinned } = layout;
  const { toast, show } = useToast();
  const copy = useCallback(() => copyInviteLink(show, roomLink(window.location.origin, channel)), [show, channel]);
  // Rendered in the browser only (after Join), so the page's own address is at hand: the guest link.
  const [link] = useState(() => roomLink(window.location.origin, channel));
  useEffect(() => mark('call-view-shown'), []);
  // The Join (or Rejoin) button is gone: keyboard focus lands on the call's first control, not the page's body.
  const main = useRef<HTMLElement>(null);
  useEffect(() => {
    main.current?.querySelector<HTMLElement>('[role=toolbar] button:not(:disabled)')?.focus();
  }, []);
  const messages = presenceSnapshot.messages;
  const lookupName = useCallback((uid: string) => nameOf(uid, presenceSnapshot), [presenceSnapshot]);
  const unread = useUnread(messages, panel === 'chat');
  const announcement = useAnnouncement(people, messages, panel === 'chat', lookupName);
  const closePanel = useCallback(() => setPanel(null), []);
  const moreButton = useRef<HTMLButtonElement>(null);
  const closeDevices = useCallback(() => {
    setDevicesOpen(false);
    moreButton.current?.focus();
  }, []);
  const [me, ...others] = people;
  const chatProblem = signalingProblem(presenceSnapshot);
  const host = useHostControls({
    room,
    isHost: myRole === 'host',
    others: others.length,
    moreButton,
    announce: show,
    onEndForEveryone,
  });
  // What hosts ask of you: a mute is done at once and said; a request to turn something on is only asked.
  const { asks, answer } = useHostRequests(room.session, {
    mute: () => {
      if (micOn) onToggle('audio', false);
    },
    say: show,
    muteEveryoneBy: () => (roomView?.hosts.length === 1 ? lookupName(String(roomView.hosts[0])) : 'A host'),
    audience: inAudience,
  });
  const openAsks = asks.filter((ask) => (ask.kind === 'ask-unmute' ? !micOn : !cameraOn));
  useEffect(() => {
    call.speaking.listenTo({
      self: media.micOn ? (media.audioTrack ?? undefined) : undefined,
      ...Object.fromEntries(others.map((person) => [person.uid, person.audioTrack])),
    });
  });
  useDepartures(people, screens, snapshot.phase === 'joined' || snapshot.phase === 'renewing', show);
  const presenter = screens[0]?.ownerName ?? null;
  // "X is presenting" answers a press of Share screen, for as long as X's screen is there: it goes
  // when their share (or they) leave, not after a while.
  const [refusedDuring, setRefusedDuring] = useState<string | null>(null);
  const shareRefused = presenter !== null && refusedDuring === screens[0]?.uid;
  // A failed join shows why, with Retry and Leave: nothing else on screen works without a call.
  const problem = snapshot.phase === 'failed' ? snapshot.problem : undefined;
  const failed = problem !== undefined;
  const startSharing = () => {
    if (presenter) setRefusedDuring(screens[0]!.uid);
    else void call.share.start();
  };

  return (
    <main ref={main} className="flex h-dvh flex-col gap-3 p-3 sm:p-4">
      <header className={`flex flex-wrap items-center justify-between gap-2 ${clearOfDevIndicator}`}>
        <div className="flex min-w-0 items-center gap-3">
          <h1 className="truncate text-lg font-semibold" title={channel}>
            {channel}
          </h1>
          {modeBadge}
          <RoomRoleBadge role={myRole} stage={roomView?.stage ?? false} />
        </div>
        <ConnectionStatus snapshot={snapshot} />
        <p className="sr-only">{describeTokenState(snapshot)}</p>
        <p className="sr-only">{presenceSnapshot.status === 'online' ? 'Chat connected' : (chatProblem ?? '')}</p>
      </header>

      {snapshot.notice && (
        <p
          role={snapshot.notice.kind === 'warning' ? 'alert' : 'status'}
          className={`rounded-lg px-3 py-2 text-sm ${
            snapshot.notice.kind === 'warning' ? 'bg-amber-500/15 text-amber-200' : 'bg-sky-500/15 text-sky-200'
          }`}
        >
          {snapshot.notice.text}
        </p>
      )}
      {signedOutElsewhere && (
        <p role="alert" className="rounded-lg bg-amber-500/15 px-3 py-2 text-sm text-amber-200">
          You signed out in another tab: this call cannot renew its access and ends when it runs out. Sign in again to
          come back.
        </p>
      )}
      <RoomNotices room={room} role={myRole} micOn={micOn} cameraOn={cameraOn} />
      {myRole === 'host' && roomView && <HostRoomState view={roomView} />}
      {openAsks.map((ask) => (
        <HostAskPrompt
          key={ask.id}
          ask={ask}
          onYes={() => {
            answer(ask);
            onToggle(ask.kind === 'ask-unmute' ? 'audio' : 'video', true);
          }}
          onNo={() => answer(ask)}
        />
      ))}
      {share.status === 'sharing' && <PresentingBar onStop={() => void call.share.stop()} />}
      {shareRefused && (
        <p
          role="status"
          className="flex items-center justify-between gap-3 rounded-lg bg-sky-500/15 px-3 py-2 text-sm text-sky-100"
        >
          {presenter} is presenting. One person presents at a time: ask them to stop first.
          <button
            type="button"
            onClick={() => setRefusedDuring(null)}
            className="rounded px-2 py-0.5 hover:bg-sky-500/20"
          >
            Dismiss
          </button>
        </p>
      )}
      {share.error && <DismissableAlert onDismiss={() => call.share.clearError()}>{share.error}</DismissableAlert>}
      {presenceSnapshot.status === 'unavailable' && (
        <p role="status" className="rounded-lg bg-amber-500/10 px-3 py-2 text-sm text-amber-200">
          {presenceSnapshot.problem}
        </p>
      )}

      <div className="relative flex min-h-0 flex-1 gap-3">
        <section aria-label="Participants" className="min-h-0 min-w-0 flex-1">
          {problem ? (
            <div className="flex h-full items-center overflow-y-auto">
              <ProblemPanel problem={problem} onRetry={() => void call.camera.retry()} onLeave={onLeave}>
                <TokenDiagnosis problem={problem} grant={snapshot.failedGrant} />
              </ProblemPanel>
            </div>
          ) : (
            <CallTiles
              people={people}
              screens={screens}
              media={media}
              presenting={share.status === 'sharing'}
              mode={mode}
              pinned={pinned}
              onPin={setPinned}
              audience={inAudience}
              personActions={
                host.person ? (person) => <PersonActions person={person} controls={host.person!} onTile /> : undefined
              }
              invite={{
                link,
                hostLink,
                onCopy: () => void copy(),
                connecting: snapshot.phase === 'idle' || snapshot.phase === 'joining',
              }}
            />
          )}
        </section>
        {!failed && panel === 'people' && (
          <SidePanel title={`People (${people.length})`} onClose={closePanel}>
            {host.peopleTop}
            <PeoplePanel people={people} stage={stageControls} host={host.person} />
          </SidePanel>
        )}
        {!failed && panel === 'chat' && (
          <SidePanel title="Chat" onClose={closePanel}>
            <ChatPanel
              messages={messages}
              nameOf={lookupName}
              unavailable={chatProblem}
              onSend={(text) => call.presence.send(text)}
            />
          </SidePanel>
        )}
      </div>

      {!failed && devicesOpen && <DevicesPopover media={media} onSelect={onSelectDevice} onClose={closeDevices} />}

      {!failed && (
        <CallControls
          media={media}
          onToggle={onToggle}
          hand={me!.hand}
          onHand={(hand) => void call.presence.setHand(hand)}
          panel={panel}
          onPanel={setPanel}
          peopleCount={people.length}
          waitingCount={host.waitingCount}
          unread={unread}
          moreButton={moreButton}
          share={{
            available: canShareScreen() && !inAudience,
            sharing: share.status !== 'idle',
            onToggle: () => (share.status === 'idle' ? startSharing() : void call.share.stop()),
          }}
          menu={[
            { label: 'Choose devices', onSelect: () => setDevicesOpen(true) },
            { label: 'Copy invite link', onSelect: () => void copy() },
            ...(hostLink
              ? [{ label: 'Copy host link', onSelect: () => void copyInviteLink(show, hostLink, 'Host link') }]
              : []),
            ...(myRole === 'host'
              ? [
                  roomView?.stage
                    ? { label: 'Turn off stage mode', onSelect: () => void room.session.act('stage-off') }
                    : { label: 'Turn on stage mode', onSelect: () => void room.session.act('stage-on') },
                ]
              : []),
            ...host.menu,
            mode === 'grid'
              ? { label: 'Speaker view', onSelect: () => setMode('speaker') }
              : { label: 'Grid view', onSelect: () => setMode('grid') },
            ...(pinned ? [{ label: 'Unpin', onSelect: () => setPinned(null) }] : []),
          ]}
          onLeave={onLeave}
        />
      )}
      <p role="status" aria-label="Announcements" className="sr-only">
        {announcement}
      </p>
      {host.dialog}
      <Toast message={toast} />
    </main>
  );
}
