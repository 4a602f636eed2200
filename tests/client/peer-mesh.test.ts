import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PeerMesh } from '@/lib/client/engine/local/peer-mesh';

// A stand-in for the browser's RTCPeerConnection with what the mesh uses. replaceTrack behaves as
// Chromium's: on a closed connection it rejects with InvalidStateError. Tests hold it in flight to
// close the connection meanwhile, as happens when a participant leaves mid-negotiation.
let held: (() => void) | null = null;

class FakeSender {
  track: unknown = null;
  constructor(private readonly pc: FakePeerConnection) {}
  async replaceTrack(track: unknown) {
    if (held === null) await Promise.resolve();
    else await new Promise<void>((resolve) => (held = resolve));
    if (this.pc.signalingState === 'closed') {
      throw new DOMException(
        "Failed to execute 'replaceTrack' on 'RTCRtpSender': The peer connection is closed.",
        'InvalidStateError',
      );
    }
    this.track = track;
  }
}

class FakePeerConnection {
  static made: FakePeerConnection[] = [];
  signalingState: RTCSignalingState | 'closed' = 'stable';
  remoteDescription: RTCSessionDescriptionInit | null = null;
  localDescription: (RTCSessionDescriptionInit & { toJSON(): RTCSessionDescriptionInit }) | null = null;
  readonly transceivers = (['audio', 'video'] as const).map((kind) => ({
    direction: 'sendrecv',
    receiver: { track: { kind } },
    sender: new FakeSender(this),
  }));
  constructor() {
    FakePeerConnection.made.push(this);
  }
  getTransceivers() {
    return this.transceivers;
  }
  async setRemoteDescription(description: RTCSessionDescriptionInit) {
    this.remoteDescription = description;
    this.signalingState = description.type === 'offer' ? 'have-remote-offer' : 'stable';
  }
  async createAnswer() {
    return { type: 'answer' as const, sdp: 'v=0 answer' };
  }
  async setLocalDescription(description: RTCSessionDescriptionInit) {
    this.localDescription = { ...description, toJSON: () => description };
    this.signalingState = 'stable';
  }
  async addIceCandidate() {}
  close() {
    this.signalingState = 'closed';
  }
}

const camera = { kind: 'video' } as unknown as MediaStreamTrack;
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

beforeEach(() => {
  held = null;
  unhandled.length = 0;
  FakePeerConnection.made = [];
  vi.stubGlobal('RTCPeerConnection', FakePeerConnection);
  process.on('unhandledRejection', onUnhandled);
});
afterEach(() => {
  process.off('unhandledRejection', onUnhandled);
  vi.unstubAllGlobals();
});

/** Lets pending promise callbacks (and Node's unhandled-rejection check) run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

describe('a peer connection closed while its tracks are being attached', () => {
  it('answering an offer from someone who leaves at once rejects nothing unhandled, and logs nothing', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const mesh = new PeerMesh(
      vi.fn(async () => {}),
      () => camera,
    );
    held = () => {}; // replaceTrack waits until released
    await mesh.onSignal(7, { description: { type: 'offer', sdp: 'v=0 offer' } });
    mesh.close(7); // they left: the connection closes while replaceTrack is in flight
    held();
    await settle();
    expect(FakePeerConnection.made[0]!.signalingState).toBe('closed');
    expect(unhandled).toEqual([]);
    expect(warn).not.toHaveBeenCalled();
    warn.mockRestore();
  });

  it('publishing after a participant left resolves: a closed connection has nothing to send to', async () => {
    const mesh = new PeerMesh(
      vi.fn(async () => {}),
      () => camera,
    );
    await mesh.onSignal(7, { description: { type: 'offer', sdp: 'v=0 offer' } });
    await settle();
    const pc = FakePeerConnection.made[0]!;
    expect(pc.transceivers[1]!.sender.track).toBe(camera);
    pc.close(); // closed by the browser, before the mesh heard that they left
    await expect(mesh.refreshOutgoing()).resolves.toBeUndefined();
  });

  it('a failure on an open connection still surfaces', async () => {
    const mesh = new PeerMesh(
      vi.fn(async () => {}),
      () => camera,
    );
    await mesh.onSignal(7, { description: { type: 'offer', sdp: 'v=0 offer' } });
    await settle();
    const sender = FakePeerConnection.made[0]!.transceivers[0]!.sender;
    sender.replaceTrack = async () => {
      throw new DOMException('the track kind does not match', 'TypeError');
    };
    await expect(mesh.refreshOutgoing()).rejects.toThrow('the track kind does not match');
  });
});
