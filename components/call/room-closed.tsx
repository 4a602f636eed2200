import Link from 'next/link';
import { primaryAction, StatusScreen } from '../ui/status-screen';

/** Why this page is out of the call for good (for now): a host's decision, said in words. */
export type ClosedReason = 'removed' | 'ended' | 'you-ended' | 'denied';

const WORDS: Record<ClosedReason, { title: string; detail: string }> = {
  removed: {
    title: 'A host removed you from this call',
    detail: 'You left the call; your camera and microphone are off. You cannot join this room again for a while.',
  },
  ended: {
    title: 'The host ended the call',
    detail: 'The call is over for everyone; your camera and microphone are off.',
  },
  'you-ended': {
    title: 'You ended the call for everyone',
    detail: 'Everyone has left, and nobody can join this room for a while.',
  },
  denied: {
    title: 'A host did not let you in',
    detail: 'You cannot join this call. Your camera and microphone are off.',
  },
};

export function RoomClosedScreen({ reason, channel }: { reason: ClosedReason; channel: string }) {
  const { title, detail } = WORDS[reason];
  return (
    <StatusScreen
      title={title}
      alert
      actions={
        <Link href="/" className={primaryAction}>
          Home
        </Link>
      }
    >
      <p>
        <strong className="break-all text-slate-100">{channel}</strong>: {detail}
      </p>
    </StatusScreen>
  );
}
