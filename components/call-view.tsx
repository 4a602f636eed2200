'use client';
import { useState } from 'react';
import type { CallSnapshot } from '@/lib/client/call-session';
import type { CallProblem } from '@/lib/call-problems';
import type { LocalMedia } from '@/lib/client/use-local-media';
import { ConnectionStatus } from './connection-status';
import { DevicePickers, type DeviceKind } from './device-pickers';
import { LinkIcon, PhoneOffIcon, SettingsIcon } from './icons';
import { LocalVideo } from './local-video';
import { MediaToggles } from './media-toggles';
import { Avatar, RemoteTile, TileFrame } from './remote-tile';
import { TokenDiagnosis } from './token-diagnosis';

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

/** Columns that keep tiles large: 1 person full width, 2 side by side, then a grid. */
function gridColumns(count: number) {
  if (count <= 1) return 'grid-cols-1';
  if (count <= 4) return 'grid-cols-1 sm:grid-cols-2';
  return 'grid-cols-2 lg:grid-cols-3';
}

function ProblemPanel({ problem, onRetry, onLeave, children }: { problem: CallProblem; onRetry: () => void; onLeave: () => void; children?: React.ReactNode }) {
  return (
    <div role="alert" data-testid="call-problem" className="mx-auto flex max-w-lg flex-col gap-3 rounded-2xl border border-rose-500/40 bg-rose-950/40 p-6">
      <h2 className="text-xl font-semibold text-rose-100">{problem.title}</h2>
      <p className="text-rose-200/90">{problem.detail}</p>
      {children}
      <div className="flex gap-3">
        {problem.retryable && (
          <button type="button" onClick={onRetry} className="rounded-lg bg-sky-500 px-4 py-2 font-medium text-slate-950 hover:bg-sky-400">
            Retry
          </button>
        )}
        <button type="button" onClick={onLeave} className="rounded-lg bg-slate-800 px-4 py-2 font-medium hover:bg-slate-700">
          Leave
        </button>
      </div>
    </div>
  );
}

export function CallView({ channel, snapshot, media, modeBadge, onToggle, onSelectDevice, onLeave, onRetry }: Props) {
  const [copied, setCopied] = useState(false);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const copyInvite = async () => {
    try {
      await navigator.clipboard.writeText(window.location.href);
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
    } catch {
      window.prompt('Copy this invite link', window.location.href);
    }
  };
  const count = snapshot.participants.length + 1;

  return (
    <main className="flex h-dvh flex-col gap-3 p-3 sm:p-4">
      <header className="flex flex-wrap items-center justify-between gap-2">
        <div className="flex min-w-0 items-center gap-3">
          <h1 className="truncate text-lg font-semibold" title={channel}>
            {channel}
          </h1>
          {modeBadge}
        </div>
        <div className="flex items-center gap-4">
          <span className="text-xs text-slate-400" data-testid="token-renewals" data-renewals={snapshot.renewals} data-rejoins={snapshot.rejoins}>
            {snapshot.renewals > 0 ? `Access renewed ${snapshot.renewals}×` : 'Secure token'}
          </span>
          <ConnectionStatus snapshot={snapshot} />
        </div>
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

      <section aria-label="Participants" className="min-h-0 flex-1 overflow-y-auto">
        {snapshot.phase === 'failed' && snapshot.problem ? (
          <ProblemPanel problem={snapshot.problem} onRetry={onRetry} onLeave={onLeave}>
            <TokenDiagnosis problem={snapshot.problem} grant={snapshot.failedGrant} />
          </ProblemPanel>
        ) : (
          <div className={`grid content-center gap-3 ${gridColumns(count)}`}>
            <TileFrame testId="local-tile" label="You" micOff={!media.micOn || !media.audioTrack} cameraOff={!media.cameraOn || !media.videoTrack}>
              {media.videoTrack && media.cameraOn ? <LocalVideo track={media.videoTrack} /> : <Avatar name="You" />}
            </TileFrame>
            {snapshot.participants.map((participant) => (
              <RemoteTile key={participant.uid} participant={participant} />
            ))}
          </div>
        )}
        {snapshot.phase === 'joined' && snapshot.participants.length === 0 && (
          <p className="mt-3 text-center text-sm text-slate-400">Waiting for others to join. Share the invite link.</p>
        )}
      </section>

      {settingsOpen && (
        <section aria-label="Devices" className="mx-auto grid w-full max-w-3xl gap-3 rounded-2xl bg-slate-900 p-4 sm:grid-cols-3">
          <DevicePickers media={media} onSelect={onSelectDevice} />
        </section>
      )}

      <nav aria-label="Call controls" className="flex items-center justify-center gap-3 pb-[env(safe-area-inset-bottom)]">
        <MediaToggles media={media} onToggle={onToggle} />
        <button
          type="button"
          aria-label="Choose devices"
          aria-expanded={settingsOpen}
          onClick={() => setSettingsOpen((open) => !open)}
          className="flex h-12 w-12 items-center justify-center rounded-full bg-slate-700 hover:bg-slate-600 focus:outline-2 focus:outline-offset-2 focus:outline-sky-400"
        >
          <SettingsIcon />
        </button>
        <button
          type="button"
          onClick={copyInvite}
          className="flex h-12 items-center gap-2 rounded-full bg-slate-700 px-4 hover:bg-slate-600 focus:outline-2 focus:outline-offset-2 focus:outline-sky-400"
        >
          <LinkIcon />
          <span className="hidden sm:inline">{copied ? 'Link copied' : 'Copy invite link'}</span>
          <span className="sr-only sm:hidden">{copied ? 'Link copied' : 'Copy invite link'}</span>
        </button>
        <button
          type="button"
          onClick={onLeave}
          className="flex h-12 items-center gap-2 rounded-full bg-rose-600 px-5 font-medium hover:bg-rose-500 focus:outline-2 focus:outline-offset-2 focus:outline-rose-300"
        >
          <PhoneOffIcon />
          Leave
        </button>
      </nav>
    </main>
  );
}
