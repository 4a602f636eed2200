// Local mode's offers made ahead of time: WebRTC's one-time start-up, the tab's DTLS certificate,
// and an offer (transceivers set, candidates gathered) ready for the next connection this tab
// initiates, so a join's offer can leave with the join itself.
import { withDeadline } from '../../../shared/deadline';
import { mark } from '../../timing-marks';
import { whenIdle } from '../../when-idle';

let warmingUp: Promise<void> | null = null;
/** Set once the warm-up made it; connections made before that generate their own. */
let certificate: RTCCertificate | null = null;
/** The next connection's offer: being made, then `made` (null if the browser refused). */
interface Spare {
  making: Promise<RTCPeerConnection | null>;
  made?: RTCPeerConnection | null;
}
let spare: Spare | null = null;

/**
 * Does the browser's one-time WebRTC start-up (its first connection is several times slower than
 * the next), makes the DTLS certificate every connection of this tab will reuse, and has the first
 * offer ready, all while the person is still looking at the preview.
 */
export function warmUpWebRtc(): Promise<void> {
  warmingUp ??= (async () => {
    certificate = await RTCPeerConnection.generateCertificate({
      name: 'ECDSA',
      namedCurve: 'P-256',
    } as EcKeyGenParams).catch(() => null);
    if (!spare) makeSpare();
    await spare?.making;
  })();
  return warmingUp;
}

// One transport for audio and video (half the candidates), no STUN/TURN: one machine or one LAN.
export const newConnection = () =>
  new RTCPeerConnection({
    iceServers: [],
    bundlePolicy: 'max-bundle',
    ...(certificate && { certificates: [certificate] }),
  });

/**
 * A connection with an audio and a video transceiver, its offer set, carrying its host candidates
 * (waited for up to `maxWaitMs`).
 */
export async function makeOffer(direction: RTCRtpTransceiverDirection, maxWaitMs: number): Promise<RTCPeerConnection> {
  const pc = newConnection();
  try {
    pc.addTransceiver('audio', { direction });
    pc.addTransceiver('video', { direction });
    await pc.setLocalDescription(await pc.createOffer());
    await firstCandidates(pc, maxWaitMs);
    return pc;
  } catch (error) {
    pc.close();
    throw error;
  }
}

function makeSpare() {
  // A browser that refuses leaves no spare: connections then make their own offers.
  const next: Spare = { making: makeOffer('sendrecv', 2000).catch(() => null) };
  spare = next;
  void next.making.then((pc) => {
    next.made = pc;
    mark('offer-prepared');
  });
}

function usable(pc: RTCPeerConnection | null): RTCPeerConnection | null {
  if (pc?.signalingState === 'have-local-offer') return pc;
  pc?.close();
  return null;
}

/**
 * The spare offer (another is made for next time), waited for while it is being made: without limit,
 * or up to `maxWaitMs` (a join waits a moment, never long). Null before the warm-up, after the wait,
 * or when another caller took it first.
 */
export async function takeSpareOffer(maxWaitMs?: number): Promise<RTCPeerConnection | null> {
  const taken = spare;
  if (!taken) return null;
  const pc =
    maxWaitMs === undefined
      ? await taken.making
      : await withDeadline(taken.making, maxWaitMs, () => new Error('not ready')).catch(() => undefined);
  if (pc === undefined || spare !== taken) return null;
  makeSpare();
  return usable(pc);
}

/**
 * The spare offer if it is made already, without waiting a tick: a join that starts in a click can
 * then send its request within the click's own task, before React renders the call view (which
 * otherwise runs first and holds the request back by the render's length). The next spare (a
 * connection, two transceivers, an offer: ~40 ms of this thread) waits until the join is through.
 */
export function takeReadySpareOffer(): RTCPeerConnection | null {
  const taken = spare;
  if (taken?.made === undefined) return null;
  spare = null;
  whenIdle(() => spare ?? makeSpare());
  return usable(taken.made);
}

/**
 * Waits until the description carries the host candidates: a few ms after the first one (they come
 * in one burst; gathering's own "complete" comes ~100 ms later), or until gathering completes, at
 * most `maxWaitMs`. With no STUN/TURN servers they are all there is, so the answering side starts
 * its connectivity checks the moment the offer arrives, without waiting for the candidates' own
 * relay (the answer need not wait: its candidates are learned from those checks).
 */
function firstCandidates(pc: RTCPeerConnection, maxWaitMs: number, settleMs = 5): Promise<void> {
  return new Promise((resolve) => {
    let settle: ReturnType<typeof setTimeout> | undefined;
    const done = () => {
      clearTimeout(timer);
      clearTimeout(settle);
      pc.removeEventListener('icecandidate', onCandidate);
      pc.removeEventListener('icegatheringstatechange', onState);
      resolve();
    };
    const onCandidate = () => (settle ??= setTimeout(done, settleMs));
    const onState = () => pc.iceGatheringState === 'complete' && done();
    const timer = setTimeout(done, maxWaitMs);
    pc.addEventListener('icecandidate', onCandidate);
    pc.addEventListener('icegatheringstatechange', onState);
    onState();
  });
}
