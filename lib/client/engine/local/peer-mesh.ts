// Local mode's media paths: one RTCPeerConnection per other participant, negotiated through the
// server's signaling relay. The newcomer makes the offer, so two peers never offer at once.
import { withDeadline } from '../../../shared/deadline';
import type { MediaKind } from '../rtc';
import { mark } from '../../timing-marks';
import { sendCandidatesInBatches } from './candidate-batches';
import { LocalRemoteTrack } from './remote-track';
import { makeOffer, newConnection, takeReadySpareOffer, takeSpareOffer } from './spare-offer';

export type SignalData = { description?: RTCSessionDescriptionInit; candidates?: RTCIceCandidateInit[] };

/** How long a join waits for the offer made during the preview, when Join was pressed before it was ready. */
const JOIN_WAITS_FOR_OFFER_MS = 100;

interface Peer {
  pc: RTCPeerConnection;
  /** For a connection this tab offered: settles once the answer is applied (or the peer closes). */
  answered?: { promise: Promise<void>; settle: () => void };
  pendingCandidates: RTCIceCandidateInit[];
  remoteTracks: Partial<Record<MediaKind, LocalRemoteTrack>>;
  /** Packet counters at the last stats() call, so loss is measured per interval. */
  totals: { lost: number; received: number };
}

/** An offer a join carries; `sentTo` is told whom the server relayed it to. */
export interface JoinOffer {
  description: RTCSessionDescriptionInit;
  sentTo: (remoteUid: number | undefined) => void;
}

export interface PathStats {
  roundTripMs: number | null;
  /** Share of packets lost since the previous measurement, 0..1; null when nothing arrived. */
  loss: number | null;
}

export class PeerMesh {
  private readonly peers = new Map<number, Peer>();

  constructor(
    /** Relays negotiation data to one participant. */
    private readonly send: (to: number, data: SignalData) => Promise<void>,
    /** The live capture currently published for a kind, or null. */
    private readonly outgoing: (kind: MediaKind) => MediaStreamTrack | null,
    /** False for a client that only sends (a screen share): nobody sends it their media. */
    private readonly receive = true,
  ) {}

  private get direction(): RTCRtpTransceiverDirection {
    return this.receive ? 'sendrecv' : 'sendonly';
  }

  /** The connection to a participant, made on first use; `initiator` makes the offer and sends it
   * without waiting for the relay's answer (resolves once the offer is on its way). */
  async connect(remoteUid: number, initiator: boolean): Promise<Peer> {
    const existing = this.peers.get(remoteUid);
    if (existing) return existing;
    if (!initiator) return this.register(remoteUid, newConnection());
    // A sending and receiving client's offers are made ahead of time (spare-offer.ts).
    const pc = (this.receive ? await takeSpareOffer() : null) ?? (await makeOffer(this.direction, 15));
    const raced = this.peers.get(remoteUid);
    if (raced) {
      pc.close();
      return raced;
    }
    const peer = this.adoptOffer(remoteUid, pc);
    void this.send(remoteUid, { description: pc.localDescription!.toJSON() }).then(() =>
      mark(`offer-delivered-${remoteUid}`),
    );
    return peer;
  }

  /**
   * An offer for a join to carry, if one is ready now, with what to do once the server has
   * answered. Synchronous, so the join's request can leave before anything else runs.
   */
  readyOfferForJoin(): JoinOffer | null {
    return this.receive ? this.joinOffer(takeReadySpareOffer()) : null;
  }

  /**
   * An offer for a join to carry, waiting a moment for one being made. The wait is bounded well
   * below the round trip the offer saves.
   */
  async offerForJoin(): Promise<JoinOffer | null> {
    return this.receive ? this.joinOffer(await takeSpareOffer(JOIN_WAITS_FOR_OFFER_MS)) : null;
  }

  private joinOffer(pc: RTCPeerConnection | null): JoinOffer | null {
    if (!pc) return null;
    return {
      description: pc.localDescription!.toJSON(),
      // The server relayed it to this participant (or to nobody: an empty room, a failed join).
      sentTo: (remoteUid) => {
        if (remoteUid === undefined || this.peers.has(remoteUid)) return pc.close();
        this.adoptOffer(remoteUid, pc);
        mark(`offer-delivered-${remoteUid}`);
      },
    };
  }

  /**
   * Makes a connection whose offer is set the one to this participant; its tracks go on the senders
   * (no renegotiation needed).
   */
  private adoptOffer(remoteUid: number, pc: RTCPeerConnection): Peer {
    const peer = this.register(remoteUid, pc);
    let settle = () => {};
    peer.answered = { promise: new Promise<void>((resolve) => (settle = resolve)), settle };
    this.attachOutgoingSoon(pc, remoteUid);
    mark(`offer-ready-${remoteUid}`);
    return peer;
  }

  private register(remoteUid: number, pc: RTCPeerConnection): Peer {
    const peer: Peer = { pc, pendingCandidates: [], remoteTracks: {}, totals: { lost: 0, received: 0 } };
    this.peers.set(remoteUid, peer);
    sendCandidatesInBatches(pc, (candidates) => void this.send(remoteUid, { candidates }));
    pc.onconnectionstatechange = () => {
      if (pc.connectionState === 'connected') mark(`peer-connected-${remoteUid}`);
    };
    pc.oniceconnectionstatechange = () => {
      if (pc.iceConnectionState === 'connected') mark(`ice-connected-${remoteUid}`);
    };
    return peer;
  }

  /** `answerSent`: called once the answer to an offer is on its way (whether or not it arrives). */
  async onSignal(from: number, data: SignalData, answerSent?: () => void) {
    const peer = await this.connect(from, false);
    const { pc } = peer;
    if (data.description) {
      mark(`${data.description.type}-received-${from}`);
      await pc.setRemoteDescription(data.description);
      if (data.description.type === 'answer') peer.answered?.settle();
      if (data.description.type === 'offer') {
        pc.getTransceivers().forEach((transceiver) => (transceiver.direction = this.direction));
        this.attachOutgoingSoon(pc, from);
        await pc.setLocalDescription(await pc.createAnswer());
        mark(`answer-made-${from}`);
        const delivered = this.send(from, { description: pc.localDescription!.toJSON() });
        answerSent?.();
        await delivered;
        mark(`answer-delivered-${from}`);
      }
      for (const candidate of peer.pendingCandidates.splice(0)) await pc.addIceCandidate(candidate);
    }
    for (const candidate of data.candidates ?? []) {
      // Candidates can overtake the description they belong to: hold them until it has arrived.
      if (pc.remoteDescription) await pc.addIceCandidate(candidate);
      else peer.pendingCandidates.push(candidate);
    }
  }

  /** The track a participant sends of this kind; waits briefly while their offer is on its way. */
  async remoteTrack(uid: number, kind: MediaKind): Promise<LocalRemoteTrack | null> {
    const peer = this.peers.get(uid) ?? (await this.connect(uid, false));
    const existing = peer.remoteTracks[kind];
    if (existing) return existing;
    for (let attempt = 0; attempt < 100 && !transceiver(peer.pc, kind); attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const found = transceiver(peer.pc, kind);
    if (!found) return null;
    const track = new LocalRemoteTrack(found.receiver.track, found.receiver);
    peer.remoteTracks[kind] = track;
    return track;
  }

  /** Settles once these participants' answers to this tab's offers are applied, or after `maxMs`. */
  async answersFrom(uids: number[], maxMs: number): Promise<void> {
    const answers = uids.map((uid) => this.peers.get(uid)?.answered?.promise);
    await withDeadline(Promise.all(answers), maxMs, () => new Error('no answer yet')).catch(() => undefined);
  }

  /** Puts the currently published captures on every connection (after publish, unpublish, restart). */
  async refreshOutgoing() {
    await Promise.all([...this.peers.values()].map(({ pc }) => this.attachOutgoing(pc)));
  }

  /**
   * Round trip and packet loss (since the last call) towards each participant, from the peer
   * connections' statistics.
   */
  async stats(): Promise<Map<number, PathStats>> {
    const result = new Map<number, PathStats>();
    await Promise.all(
      [...this.peers].map(async ([uid, peer]) => {
        let roundTripMs: number | null = null;
        let lost = 0;
        let received = 0;
        (await peer.pc.getStats()).forEach((report) => {
          if (report.type === 'candidate-pair' && report.nominated && typeof report.currentRoundTripTime === 'number')
            roundTripMs = report.currentRoundTripTime * 1000;
          if (report.type === 'inbound-rtp') {
            lost += report.packetsLost ?? 0;
            received += report.packetsReceived ?? 0;
          }
        });
        const newLost = lost - peer.totals.lost;
        const newPackets = newLost + received - peer.totals.received;
        peer.totals = { lost, received };
        result.set(uid, { roundTripMs, loss: newPackets > 0 ? Math.max(0, newLost) / newPackets : null });
      }),
    );
    return result;
  }

  close(uid: number) {
    const peer = this.peers.get(uid);
    if (!peer) return;
    Object.values(peer.remoteTracks).forEach((track) => track.stop());
    peer.answered?.settle();
    peer.pc.close();
    this.peers.delete(uid);
  }

  closeAll() {
    [...this.peers.keys()].forEach((uid) => this.close(uid));
  }

  /** Puts the published captures on a connection's senders. One closed meanwhile (they left, the call
   * ended) has nothing to send to: its InvalidStateError from replaceTrack is expected, not an error. */
  private async attachOutgoing(pc: RTCPeerConnection) {
    for (const kind of ['audio', 'video'] as const) {
      if (closed(pc)) return;
      try {
        await transceiver(pc, kind)?.sender.replaceTrack(this.outgoing(kind));
      } catch (error) {
        if (!closed(pc)) throw error;
      }
    }
  }

  /** The same, without waiting for it (negotiation goes on meanwhile); a failure is logged, never left unhandled. */
  private attachOutgoingSoon(pc: RTCPeerConnection, remoteUid: number) {
    this.attachOutgoing(pc).catch((error) =>
      console.warn(`local mode: sending to uid ${remoteUid} failed: ${(error as Error).message}`),
    );
  }
}

/** A function, so TypeScript does not narrow the state across awaits (it changes meanwhile). */
const closed = (pc: RTCPeerConnection) => pc.signalingState === 'closed';

function transceiver(pc: RTCPeerConnection, kind: MediaKind) {
  return pc.getTransceivers().find((candidate) => candidate.receiver.track.kind === kind);
}
