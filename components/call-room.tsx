'use client';
import Link from 'next/link';
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { CallClientConfig } from '@/lib/call-config';
import type { CallEngine } from '@/lib/call-engine';
import { CallSession, type CallSnapshot } from '@/lib/call-session';
import type { LocalTrack, TokenGrant } from '@/lib/rtc-client';
import { randomUid, type TokenSourceConfig } from '@/lib/token-client';
import { useCallEngine } from '@/lib/use-call-engine';
import { useLocalMedia } from '@/lib/use-local-media';
import { useRtcToken } from '@/lib/use-rtc-token';
import { CallView } from './call-view';
import { ModeBadge } from './mode-badge';
import { Prejoin, type PastedToken } from './prejoin';

type Props = {
  channel: string;
  config: CallClientConfig;
  /** Tests inject a fake engine; the app loads the Agora SDK. */
  engine?: CallEngine;
};

const IDLE: CallSnapshot = { phase: 'idle', connection: 'DISCONNECTED', participants: [], tokenExpiresAt: null, renewals: 0, rejoins: 0 };
const noSession = { subscribe: () => () => {}, getSnapshot: () => IDLE };

export function CallRoom({ channel, config, engine: injected }: Props) {
  const { engine, error: engineError, retry: retryEngine } = useCallEngine(config.mode, injected);
  const [uid] = useState(randomUid);
  const [stage, setStage] = useState<'prejoin' | 'call' | 'left'>('prejoin');
  const [session, setSession] = useState<CallSession | null>(null);
  const sessionRef = useRef<CallSession | null>(null);
  const { media, start, release, setEnabled, selectDevice } = useLocalMedia(engine);

  const tokenSource = useMemo<TokenSourceConfig>(
    () => ({
      baseUrl: config.tokenBaseUrl,
      fallbackAppId: config.fallbackAppId,
      expirySeconds: config.tokenExpirySeconds,
      pageTicket: config.pageTicket,
    }),
    [config.tokenBaseUrl, config.fallbackAppId, config.tokenExpirySeconds, config.pageTicket],
  );
  const token = useRtcToken(tokenSource, channel, uid, stage !== 'left' && !config.configurationError);

  const source = session ?? noSession;
  const snapshot = useSyncExternalStore(source.subscribe, source.getSnapshot, () => IDLE);

  // The preview starts once the engine is there, and again when someone comes back to rejoin.
  useEffect(() => {
    if (stage === 'prejoin' && engine) void start();
  }, [stage, engine, start]);

  // Navigating away or closing the tab leaves the call and turns the camera off.
  useEffect(() => {
    const leave = () => void sessionRef.current?.leave();
    window.addEventListener('pagehide', leave);
    return () => {
      window.removeEventListener('pagehide', leave);
      leave();
    };
  }, []);

  const join = useCallback(
    (pasted: PastedToken | null) => {
      if (!engine || sessionRef.current) return;
      const pastedGrant: TokenGrant | null = pasted ? { token: pasted.token, appId: pasted.appId, uid: 0, channel, expiresAt: null } : null;
      const next = new CallSession({
        client: engine.createClient(),
        channel,
        getToken: pastedGrant ? async () => pastedGrant : token.refresh,
        joinTimeoutMs: config.joinTimeoutMs,
        renewable: !pastedGrant,
      });
      sessionRef.current = next;
      setSession(next);
      setStage('call');
      const tracks = [media.audioTrack, media.videoTrack].filter((track): track is NonNullable<typeof track> => track !== null);
      void next.join(tracks as LocalTrack[], pastedGrant ?? token.grant);
    },
    [engine, channel, token.refresh, token.grant, config.joinTimeoutMs, media.audioTrack, media.videoTrack],
  );

  const leave = useCallback(async () => {
    const current = sessionRef.current;
    sessionRef.current = null;
    await current?.leave();
    release();
    setSession(null);
    setStage('left');
  }, [release]);

  const badge = <ModeBadge mode={config.mode} />;

  if (config.configurationError) {
    return (
      <main className="mx-auto flex min-h-dvh max-w-lg flex-col justify-center gap-4 p-6">
        <h1 className="text-2xl font-semibold">This deployment is not configured yet</h1>
        <p role="alert" className="text-slate-300">{config.configurationError}</p>
      </main>
    );
  }

  if (engineError) {
    return (
      <main className="mx-auto flex min-h-dvh max-w-lg flex-col justify-center gap-4 p-6">
        <h1 className="text-2xl font-semibold">Could not load the call</h1>
        <p role="alert" className="text-slate-300">{engineError}</p>
        <button type="button" onClick={retryEngine} className="w-fit rounded-lg bg-sky-500 px-4 py-2 font-medium text-slate-950">
          Retry
        </button>
      </main>
    );
  }

  if (stage === 'left') {
    return (
      <main className="mx-auto flex min-h-dvh max-w-lg flex-col items-center justify-center gap-5 p-6 text-center">
        <h1 className="text-3xl font-semibold">You left the call</h1>
        <p className="text-slate-400">Your camera and microphone are off.</p>
        <div className="flex gap-3">
          <button type="button" onClick={() => setStage('prejoin')} className="rounded-xl bg-sky-500 px-5 py-2.5 font-semibold text-slate-950 hover:bg-sky-400">
            Rejoin
          </button>
          <Link href="/" className="rounded-xl bg-slate-800 px-5 py-2.5 font-semibold hover:bg-slate-700">
            Start page
          </Link>
        </div>
      </main>
    );
  }

  if (stage === 'call' && session) {
    return (
      <CallView
        channel={channel}
        snapshot={snapshot}
        media={media}
        modeBadge={badge}
        onToggle={(kind, on) => void setEnabled(kind, on, session)}
        onSelectDevice={(kind, id) => void selectDevice(kind, id, session)}
        onLeave={() => void leave()}
        onRetry={() => void session.retry()}
      />
    );
  }

  return (
    <Prejoin
        channel={channel}
        modeBadge={<ModeBadge mode={config.mode} withHint />}
        media={media}
        engineReady={!!engine}
        tokenReady={!!token.grant}
        tokenError={token.error ? token.error.message : null}
        onToggle={(kind, on) => void setEnabled(kind, on)}
        onSelectDevice={(kind, id) => void selectDevice(kind, id)}
        onJoin={join}
      />
  );
}
