// Local mode's ICE candidates travel through the server's signaling relay, one request each unless
// batched: those a connection finds within a few ms of each other go in one request.

/** Candidates found within this many ms travel together: one request instead of one each. */
const CANDIDATE_BATCH_MS = 10;

/**
 * Sends this connection's ICE candidates in batches through `send`. TCP candidates are left out
 * (browsers connect over UDP here).
 */
export function sendCandidatesInBatches(pc: RTCPeerConnection, send: (candidates: RTCIceCandidateInit[]) => void) {
  let batch: RTCIceCandidateInit[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    if (batch.length > 0) send(batch);
    batch = [];
  };
  pc.onicecandidate = ({ candidate }) => {
    if (!candidate) return flush(); // gathering is complete
    if (candidate.protocol === 'tcp') return;
    batch.push(candidate.toJSON());
    timer ??= setTimeout(flush, CANDIDATE_BATCH_MS);
  };
}
