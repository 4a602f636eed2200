'use client';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CallSnapshot } from '@/lib/client/call-session';
import type { LocalMedia } from '@/lib/client/use-local-media';
import { ConnectionStatus, describeTokenState } from './connection-status';
import { ControlBar } from './control-bar';
import type { DeviceKind } from './device-pickers';
import { DevicesPopover } from './devices-popover';
import { LinkIcon, PhoneOffIcon, SettingsIcon } from './icons';
import { InviteCard } from './invite-card';
import { LocalVideo } from './local-video';
import { MediaToggles } from './media-toggles';
import { ProblemPanel } from './problem-panel';
import { Avatar, RemoteTile, TileFrame } from './remote-tile';
import { TileStage } from './tile-stage';
import { Toast } from './toast';

type Props = {
  channel: string;
  snapshot: CallSnapshot;
  media: LocalMedia;
  modeBadge: React.ReactNode;
  onToggle: (kind: 'audio' | 'video', on: boolean) => void;
  onSelectDevice: (kind: DeviceKind, deviceId: string) => void;
  onLeave: () => void;
  onRetry: () => void;
};

const roundButton = 'flex h-12 shrink-0 items-center justify-center gap-2 rounded-full bg-slate-700 hover:bg-slate-600 focus:outline-2 focus:outline-offset-2 focus:outline-sky-400';

/** Copies the invite link and confirms with a toast naming it (or offers it to copy by hand). */
function useInviteLink() {
  const [toast, setToast] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const copy = useCallback(async () => {
    const link = window.location.href;
    try {
      await navigator.clipboard.writeText(link);
      setToast(`Invite link copied: ${link}`);
      clearTimeout(timer.current);
      timer.current = setTimeout(() => setToast(null), 4000);
    } catch {
      window.prompt('Copy this invite link', link);
    }
  }, []);
  return { toast, copy };
}

export function CallView({ channel, snapshot, media, modeBadge, onToggle, onSelectDevice, onLeave, onRetry }: Props) {
  const [devicesOpen, setDevicesOpen] = useState(false);
  const devicesButton = useRef<HTMLButtonElement>(null);
  const { toast, copy } = useInviteLink();
  // Rendered in the browser only (after Join), so the page's own address is at hand.
  const [link] = useState(() => window.location.href);
  const closeDevices = useCallback(() => {
    setDevicesOpen(false);
    devicesButton.current?.focus();
  }, []);

  const self = (
    <TileFrame testId="local-tile" label="You" micOff={!media.micOn || !media.audioTrack} cameraOff={!media.cameraOn || !media.videoTrack}>
      {media.videoTrack && media.cameraOn ? <LocalVideo track={media.videoTrack} /> : <Avatar name="You" />}
    </TileFrame>
  );
  const alone = snapshot.participants.length === 0 && snapshot.phase !== 'failed';
  const tiles = [
    { key: 'self', node: self },
    ...(alone
      ? [{ key: 'invite', node: <InviteCard link={link} onCopy={() => void copy()} /> }]
      : snapshot.participants.map((participant) => ({ key: participant.uid, node: <RemoteTile participant={participant} /> }))),
  ];

  return (
    <main className="flex h-dvh flex-col gap-3 p-3 sm:p-4">
      <header className="flex flex-wrap items-center justify-between gap-2">
        <div className="flex min-w-0 items-center gap-3">
          <h1 className="truncate text-lg font-semibold" title={channel}>
            {channel}
          </h1>
          {modeBadge}
        </div>
        <ConnectionStatus snapshot={snapshot} />
        <p className="sr-only" data-testid="token-renewals" data-renewals={snapshot.renewals} data-rejoins={snapshot.rejoins}>
          {describeTokenState(snapshot)}
        </p>
      </header>

      {snapshot.notice && (
        <p
          role={snapshot.notice.kind === 'warning' ? 'alert' : 'status'}
          data-testid="call-notice"
          className={`rounded-lg px-3 py-2 text-sm ${snapshot.notice.kind === 'warning' ? 'bg-amber-500/15 text-amber-200' : 'bg-sky-500/15 text-sky-200'}`}
        >
          {snapshot.notice.text}
        </p>
      )}

      <section aria-label="Participants" className="min-h-0 flex-1">
        {snapshot.phase === 'failed' && snapshot.problem ? (
          <div className="flex h-full items-center overflow-y-auto">
            <ProblemPanel problem={snapshot.problem} onRetry={onRetry} onLeave={onLeave} />
          </div>
        ) : (
          <TileStage tiles={tiles} />
        )}
      </section>

      {devicesOpen && <DevicesPopover media={media} onSelect={onSelectDevice} onClose={closeDevices} />}

      <ControlBar>
        <MediaToggles media={media} onToggle={onToggle} />
        <button
          ref={devicesButton}
          type="button"
          aria-label="Choose devices"
          title="Choose devices"
          aria-expanded={devicesOpen}
          onClick={() => (devicesOpen ? closeDevices() : setDevicesOpen(true))}
          className={`${roundButton} w-12`}
        >
          <SettingsIcon />
        </button>
        <button type="button" onClick={() => void copy()} title="Copy invite link" className={`${roundButton} w-12 sm:w-auto sm:px-4`}>
          <LinkIcon />
          <span className="sr-only sm:not-sr-only">Copy invite link</span>
        </button>
        <button
          type="button"
          onClick={onLeave}
          className="flex h-12 shrink-0 items-center gap-2 rounded-full bg-rose-600 px-5 font-medium hover:bg-rose-500 focus:outline-2 focus:outline-offset-2 focus:outline-rose-300"
        >
          <PhoneOffIcon />
          Leave
        </button>
      </ControlBar>
      <Toast message={toast} />
    </main>
  );
}
