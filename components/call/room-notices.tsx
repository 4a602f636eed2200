'use client';
import type { RoomRole } from '@/lib/shared/room-contract';
import type { RoomOfCall } from './call-view';
import { RoomRoleNotice } from './room-role';
import { StageInvitation } from './stage-invitation';
import { DismissableAlert } from '../ui/dismissable-alert';

/** What the room says to you: your role and what it allows, a host's invitation, and why a room action failed. */
export function RoomNotices({
  room,
  role: myRole,
  micOn,
  cameraOn,
}: {
  room: RoomOfCall;
  role: RoomRole;
  micOn: boolean;
  cameraOn: boolean;
}) {
  const roomView = room.snapshot.view;
  return (
    <>
      <RoomRoleNotice
        role={myRole}
        busy={room.snapshot.busy === 'leave-stage'}
        onLeaveStage={() => void room.session.act('leave-stage')}
      />
      {roomView?.you.invited && myRole === 'audience' && (
        <StageInvitation
          busy={room.snapshot.busy === 'accept-invitation'}
          micOn={micOn}
          cameraOn={cameraOn}
          onAccept={() => void room.session.act('accept-invitation')}
          onDecline={() => void room.session.act('decline-invitation')}
        />
      )}
      {room.snapshot.problem && (
        <p role="status" className="rounded-lg bg-amber-500/10 px-3 py-2 text-sm text-amber-200">
          {room.snapshot.problem}
        </p>
      )}
      {room.snapshot.actionError && (
        <DismissableAlert onDismiss={() => room.session.dismissActionError()}>
          {room.snapshot.actionError}
        </DismissableAlert>
      )}
    </>
  );
}
