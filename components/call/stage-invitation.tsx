'use client';
import { RequestPrompt } from './request-prompt';

/** A host's invitation to the stage: the person decides. Joining keeps the camera and microphone as they are now. */
export function StageInvitation({
  busy,
  micOn,
  cameraOn,
  onAccept,
  onDecline,
}: {
  busy: boolean;
  micOn: boolean;
  cameraOn: boolean;
  onAccept: () => void;
  onDecline: () => void;
}) {
  const devices = [micOn ? 'microphone on' : 'microphone off', cameraOn ? 'camera on' : 'camera off'].join(', ');
  return (
    <RequestPrompt
      title="A host invited you to the stage"
      yesLabel={busy ? 'Joining the stage…' : 'Join the stage'}
      onYes={onAccept}
      onNo={onDecline}
      busy={busy}
    >
      <p className="text-sm text-sky-100/80">
        Everyone will see and hear you ({devices}). You can leave the stage at any time.
      </p>
    </RequestPrompt>
  );
}
