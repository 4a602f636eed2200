'use client';
import type { HostAsk } from '@/lib/client/room/use-host-requests';
import { RequestPrompt } from './request-prompt';

const WORDS = {
  'ask-unmute': { question: 'asks you to unmute', yes: 'Unmute' },
  'ask-camera': { question: 'asks you to turn on your camera', yes: 'Turn on camera' },
} as const;

/** A host asked this person to turn something on: only the person can, by answering here. */
export function HostAskPrompt({ ask, onYes, onNo }: { ask: HostAsk; onYes: () => void; onNo: () => void }) {
  const words = WORDS[ask.kind];
  return (
    <RequestPrompt
      title={`${ask.by} ${words.question}`}
      yesLabel={words.yes}
      onYes={onYes}
      onNo={onNo}
      requestKey={ask.id}
    />
  );
}
