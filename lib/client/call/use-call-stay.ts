'use client';
// Makes one Call per stay (Join → Leave) for CallRoom, with its tokens from SWR: the camera's is
// fetched while the person looks at the preview; the screen's and Signaling's when first needed.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CallPageConfig } from '../../shared/call-contract';
import type { CallEngine } from '../engine/call-engine';
import type { LocalTrack } from '../engine/rtc';
import { useRtcToken, useSignalingToken, useTokenSource } from '../use-token';
import { Call, type CallTokens } from './call';
import { tokenRoleFor } from '../client-role';
import { clientRoleOf, type RoomSession, type RoomSnapshot } from '../room/room-session';
import { apiCodeOf } from '../call-problems';

/** An App ID and token pasted from Agora Console instead of fetching one (not renewable). */
export interface PastedToken {
  appId: string;
  token: string;
}

export function useCallStay(
  engine: CallEngine | null,
  channel: string,
  config: CallPageConfig,
  active: boolean,
  room: { session: RoomSession; snapshot: RoomSnapshot; hostKey: string | null },
) {
  const source = useTokenSource(config, room.hostKey);
  // The camera's token is fetched during the preview, for the role the room gives (audience or not).
  const enabled = active && !config.configurationError && room.snapshot.settled;
  const role = tokenRoleFor(clientRoleOf(room.snapshot.view));
  const camera = useRtcToken(source, channel, config.uid, role, enabled);
  const screen = useRtcToken(source, channel, config.screenUid, 'publisher', false);
  const signaling = useSignalingToken(source, String(config.uid), false);
  // The Call asks for tokens long after it is made: it reads the newest refresh functions.
  const tokens = useRef<CallTokens>({ camera: camera.refresh, screen: screen.refresh, signaling: signaling.refresh });
  useEffect(() => {
    tokens.current = { camera: camera.refresh, screen: screen.refresh, signaling: signaling.refresh };
  });
  const [call, setCall] = useState<Call | null>(null);
  const current = useRef<Call | null>(null);

  // Navigating away or closing the tab leaves the call at once (Call.leaveNow); unmounting leaves
  // it and turns the camera off.
  useEffect(() => {
    const leaveNow = () => current.current?.leaveNow();
    window.addEventListener('pagehide', leaveNow);
    return () => {
      window.removeEventListener('pagehide', leaveNow);
      void current.current?.leave();
    };
  }, []);

  const join = useCallback(
    (
      tracks: LocalTrack[],
      options: {
        name: string;
        pasted?: PastedToken | null;
        speakerId?: string | null;
        turnOffDevices?: () => Promise<void>;
      },
    ) => {
      if (!engine || current.current) return;
      const next = new Call({
        engine,
        channel,
        uid: config.uid,
        screenUid: config.screenUid,
        name: options.name,
        joinTimeoutMs: config.joinTimeoutMs,
        room: room.session,
        turnOffDevices: options.turnOffDevices,
        tokens: {
          camera: (wanted) => tokens.current.camera(wanted),
          screen: () => tokens.current.screen(),
          signaling: () => tokens.current.signaling(),
        },
        pasted: options.pasted,
      });
      current.current = next;
      setCall(next);
      next.join(tracks, { initialGrant: camera.grant, speakerId: options.speakerId });
    },
    [engine, channel, config.uid, config.screenUid, config.joinTimeoutMs, camera.grant, room.session],
  );

  /** Leaves and forgets the Call, so the next join starts a new one. */
  const leave = useCallback(async () => {
    const leaving = current.current;
    current.current = null;
    await leaving?.leave();
    setCall(null);
  }, []);

  /** In a call a switch also publishes or unpublishes; outside one it only turns the device on or off. */
  const setTrackEnabled = useCallback(async (track: LocalTrack, enabled: boolean) => {
    if (current.current) await current.current.camera.setTrackEnabled(track, enabled);
    else await track.setEnabled(enabled);
  }, []);

  const setSpeaker = useCallback((deviceId: string) => current.current?.camera.setSpeaker(deviceId), []);

  // After a host's decision (let in, unlocked) the refused token is asked for again; a refusal stays said meanwhile.
  const refetch = camera.refresh;
  const retryToken = useCallback(() => void refetch().catch(() => undefined), [refetch]);

  return {
    call,
    token: {
      ready: Boolean(camera.grant),
      error: camera.error ? camera.error.message : null,
      /** The API's code for the refusal (a room's waiting room, lock, removal…), null when none. */
      code: apiCodeOf(camera.error),
      retry: retryToken,
    },
    join,
    leave,
    setTrackEnabled,
    setSpeaker,
  };
}
