'use client';
import Link from 'next/link';
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { CallPageConfig } from '@/lib/shared/call-contract';
import type { CallEngine } from '@/lib/client/engine/call-engine';
import { browserCapture, type Capture } from '@/lib/client/capture';
import { useCallEngine } from '@/lib/client/use-call-engine';
import { CallContext } from '@/lib/client/call/use-call';
import { useCallStay, type PastedToken } from '@/lib/client/call/use-call-stay';
import { useRoom } from '@/lib/client/room/use-room';
import { roomGateOf } from '@/lib/client/room/room-gate';
import { useAdmission } from '@/lib/client/room/use-admission';
import { parseDisplayName } from '@/lib/client/display-name';
import { useSignedOutElsewhere } from '@/lib/client/signed-out-signal';
import { nameStore, nameToUse } from '@/lib/client/remembered-name';
import { useLocalMedia } from '@/lib/client/use-local-media';
import type { LocalTrack } from '@/lib/client/engine/rtc';
import type { LayoutMode } from '@/lib/client/layout';
import { CallView } from './call-view';
import { ModeBadge } from '../ui/mode-badge';
import { Prejoin } from '../prejoin/prejoin';
import { primaryAction, secondaryAction, StatusScreen } from '../ui/status-screen';
import { AdmissionNotice } from '../prejoin/admission-notice';
import { RoomClosedScreen, type ClosedReason } from './room-closed';
import { SignOutButton } from '../auth/sign-in-screens';

const noChanges = () => () => {};

type Props = {
  channel: string;
  config: CallPageConfig;
  /** Tests inject a fake engine and camera; the app loads the Agora SDK and uses the browser's. */
  engine?: CallEngine;
  capture?: Capture;
};

/** One person's way through a call: prejoin preview → call → left, for one channel and uid. */
export function CallRoom({ channel, config, engine: injected, capture = browserCapture }: Props) {
  const { engine, error: engineError, retry: retryEngine } = useCallEngine(config.mode, injected);
  const { uid } = config;
  const [stage, setStage] = useState<'prejoin' | 'call' | 'rejoining' | 'left'>('prejoin');
  const { media, start, release, setEnabled, selectDevice } = useLocalMedia(capture);
  const room = useRoom(channel, config);
  const stay = useCallStay(engine, channel, config, stage !== 'left', room);
  const nameDraft = useSyncExternalStore(nameStore.subscribe, nameStore.getSnapshot, nameStore.getServerSnapshot);
  // The view and pin belong to the person, not to one stay: they outlast Leave and Rejoin.
  const [layoutMode, setLayoutMode] = useState<LayoutMode>('grid');
  const [pinned, setPinned] = useState<string | null>(null);
  // Client-only (random), so the server's HTML and hydration show no suggestion; it never changes.
  const randomName = useSyncExternalStore(noChanges, nameStore.getSuggestion, () => '');
  // Signed in: the profile's name is the one offered (people may still type a shorter one).
  const suggestedName = config.signedIn?.name || randomName;
  const signedOutElsewhere = useSignedOutElsewhere(Boolean(config.signedIn));
  const name = parseDisplayName(nameToUse(nameDraft, suggestedName));
  const nameValue = name.ok ? name.value : '';

  // The room lets this person in, keeps them waiting, or keeps them out: from its view and the token's refusal.
  const gate = roomGateOf(room.snapshot.view, stay.token.code);
  const [closed, setClosed] = useState<ClosedReason | null>(null);
  const endingForEveryone = useRef(false);
  useEffect(() => room.session.setName(nameValue), [room.session, nameValue]);
  useAdmission(room.session, room.snapshot.view, stage === 'prejoin' ? nameValue : '', stay.token);

  // The preview starts at once (it does not wait for the Agora SDK), and again after a rejoin.
  useEffect(() => {
    if (stage === 'prejoin') void start();
  }, [stage, start]);

  // Outside the stage nothing is published: the switches only turn the devices off.
  const turnOffDevices = async () => {
    const off = (track: LocalTrack, enabled: boolean) => track.setEnabled(enabled);
    await Promise.all([setEnabled('audio', false, off), setEnabled('video', false, off)]);
  };

  const join = (pasted: PastedToken | null) => {
    const tracks = [media.audioTrack, media.videoTrack].filter((track) => track !== null) as LocalTrack[];
    setStage('call');
    stay.join(tracks, { name: name.ok ? name.value : '', pasted, speakerId: media.speakerId, turnOffDevices });
  };

  const leave = async () => {
    await stay.leave();
    release();
    setStage('left');
  };

  // Removed, the call ended, or not let in: out of the call, camera and microphone off, and said why.
  const keptOut = gate.kind === 'removed' || gate.kind === 'ended' || gate.kind === 'denied' ? gate.kind : null;
  useEffect(() => {
    if (!keptOut || closed) return;
    setClosed(keptOut === 'ended' && endingForEveryone.current ? 'you-ended' : keptOut);
    room.session.stop();
    void stay.leave().then(release);
  }, [keptOut, closed, room.session, stay, release]);

  const endForEveryone = async () => {
    endingForEveryone.current = true;
    if (!(await room.session.act('end'))) endingForEveryone.current = false;
  };

  // Let in after waiting: the page joins by itself once the token the host's decision allows has come.
  const waited = useRef(false);
  useEffect(() => {
    if (gate.kind === 'waiting') waited.current = true;
    else if (gate.kind !== 'open') waited.current = false;
    else if (waited.current && stage === 'prejoin' && stay.token.ready && engine && !media.starting && name.ok) {
      waited.current = false;
      join(null);
    }
  });

  /** Back into the same call as the same person (same uid): devices restart, then join at once. */
  const rejoin = async () => {
    setStage('rejoining');
    const tracks = await start();
    setStage('call');
    stay.join(tracks, { name: name.ok ? name.value : '', speakerId: media.speakerId, turnOffDevices });
  };

  const toggle = (kind: 'audio' | 'video', on: boolean) => void setEnabled(kind, on, stay.setTrackEnabled);
  const selectDeviceInCall = (kind: 'camera' | 'microphone' | 'speaker', deviceId: string) => {
    void selectDevice(kind, deviceId);
    if (kind === 'speaker') void stay.setSpeaker(deviceId);
  };

  if (config.configurationError) {
    return (
      <StatusScreen title="This deployment is not configured yet" alert>
        {config.configurationError}
      </StatusScreen>
    );
  }

  if (engineError) {
    return (
      <StatusScreen
        title="Could not load the call"
        alert
        actions={
          <button type="button" onClick={retryEngine} className={primaryAction}>
            Retry
          </button>
        }
      >
        {engineError}
      </StatusScreen>
    );
  }

  if (closed) return <RoomClosedScreen reason={closed} channel={channel} />;

  if (stage === 'left') {
    return (
      <StatusScreen
        title="You left the call"
        actions={
          <>
            <button type="button" onClick={() => void rejoin()} className={primaryAction}>
              Rejoin
            </button>
            <Link href="/" className={secondaryAction}>
              Home
            </Link>
            {config.signedIn && <SignOutButton next={`/call/${encodeURIComponent(channel)}`} />}
          </>
        }
      >
        <p>
          You left <strong className="break-all text-slate-100">{channel}</strong>. Your camera and microphone are off.
        </p>
      </StatusScreen>
    );
  }

  if (stage === 'rejoining') {
    return (
      <StatusScreen title={`Rejoining ${channel}…`}>
        <p role="status">Starting your camera and microphone.</p>
      </StatusScreen>
    );
  }

  if (stage === 'call' && stay.call) {
    return (
      <CallContext value={stay.call}>
        <CallView
          channel={channel}
          media={media}
          me={{ uid: String(uid), name: name.ok ? name.value : 'You' }}
          layout={{ mode: layoutMode, setMode: setLayoutMode, pinned, setPinned }}
          modeBadge={<ModeBadge mode={config.mode} />}
          onToggle={toggle}
          onSelectDevice={selectDeviceInCall}
          onLeave={() => void leave()}
          onEndForEveryone={() => void endForEveryone()}
          room={room}
          signedOutElsewhere={signedOutElsewhere}
        />
      </CallContext>
    );
  }

  return (
    <Prejoin
      channel={channel}
      mode={config.mode}
      modeBadge={<ModeBadge mode={config.mode} withHint />}
      media={media}
      engineReady={!!engine}
      tokenReady={stay.token.ready}
      tokenError={stay.token.error}
      name={nameDraft}
      suggestedName={suggestedName}
      signedIn={config.signedIn ?? null}
      onName={nameStore.set}
      onToggle={toggle}
      onSelectDevice={selectDeviceInCall}
      onJoin={join}
      roomRole={room.snapshot.view?.hosted ? room.snapshot.view.you.role : null}
      admission={
        gate.kind === 'waiting' || gate.kind === 'locked'
          ? {
              waiting: gate.kind === 'waiting',
              notice: (
                <AdmissionNotice
                  gate={gate}
                  name={nameValue}
                  problem={room.snapshot.actionError}
                  onTryAgain={stay.token.retry}
                />
              ),
            }
          : null
      }
    />
  );
}
