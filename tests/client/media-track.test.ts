// @vitest-environment jsdom
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { LocalMediaTrack } from '@/lib/client/engine/media-track';
import { SpeakingMonitor } from '@/lib/client/participant-signals';

/** What the microphone gave lately, oldest first, as an AnalyserNode keeps it (48 kHz). */
let heard = new Float32Array(0);

beforeEach(() => {
  vi.stubGlobal('MediaStream', class {});
  vi.stubGlobal(
    'AudioContext',
    class {
      createAnalyser() {
        return {
          fftSize: 2048,
          getFloatTimeDomainData(into: Float32Array) {
            into.set(heard.subarray(heard.length - into.length));
          },
        };
      }
      createMediaStreamSource() {
        return { connect() {} };
      }
      close = async () => {};
    },
  );
});
afterEach(() => vi.unstubAllGlobals());

/** A second of sound: silence, with a tone of `amplitude` from `fromMs` to `toMs` ago. */
function soundEndingAgo(fromMs: number, toMs: number, amplitude = 0.3) {
  heard = new Float32Array(48_000);
  for (let index = heard.length - fromMs * 48; index < heard.length - toMs * 48; index++)
    heard[index] = amplitude * Math.sin(index / 10);
}

const microphone = () => LocalMediaTrack.adopt('audio', { stop() {} } as unknown as MediaStreamTrack);

it('lights your speaking ring for a short word that ended between two readings', () => {
  const track = microphone();
  const monitor = new SpeakingMonitor('self');
  monitor.listenTo({ self: track });
  // "Yes": 120 ms of speech that ended 50 ms before the reading; the 200 ms before it were silent.
  soundEndingAgo(170, 50);
  monitor.poll(1000);
  expect(monitor.speaking.get('self')).toBe(true);
  // Silence since the last reading: the ring goes out after its brief hold.
  soundEndingAgo(0, 0);
  monitor.poll(2000);
  expect(monitor.speaking.get('self')).toBe(false);
});

it('the meter shows the level of the last moment, not of the word before', () => {
  const track = microphone();
  soundEndingAgo(170, 50);
  expect(track.getVolumeLevel()).toBe(0);
  soundEndingAgo(30, 0);
  expect(track.getVolumeLevel()).toBeGreaterThan(0.5);
});
