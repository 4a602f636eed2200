// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { MicLevel } from '@/components/media/mic-level';
import type { PreviewAudioTrack } from '@/lib/client/engine/call-engine';

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

/** A microphone whose level the test sets; the meter reads it on its own timer. */
function microphone() {
  const input = { level: 0 };
  const track = { getVolumeLevel: () => input.level } as unknown as PreviewAudioTrack;
  return { input, track };
}

/** What the meter says (ARIA) and how much of its bar is filled (what a person sees). */
function meterReading() {
  const meter = screen.getByRole('meter', { name: 'Microphone level' });
  const bar = meter.firstElementChild as HTMLElement;
  return { value: meter.getAttribute('aria-valuenow'), bar: bar.style.transform };
}

/** The levels the microphone gives, one per reading of the meter; what the meter showed after each. */
function hear(input: { level: number }, levels: number[]) {
  return levels.map((level) => {
    input.level = level;
    act(() => vi.advanceTimersByTime(60));
    return meterReading().value;
  });
}

it('follows the microphone in whole steps, and is still while the level wanders within one', () => {
  const { input, track } = microphone();
  render(<MicLevel track={track} active />);
  expect(meterReading()).toEqual({ value: '0', bar: 'scaleX(0)' });

  // A quiet room's noise, 2–4 % (the meter scales the level by 1.5): nothing to see, nothing redrawn.
  expect(hear(input, [0.013, 0.027, 0.02, 0.013, 0.027])).toEqual(['0', '0', '0', '0', '0']);

  // Speech: the bar jumps to the level, then holds while it wanders by less than a step.
  expect(hear(input, [0.5, 0.49, 0.51, 0.5])).toEqual(['75', '75', '75', '75']);
  expect(meterReading().bar).toBe('scaleX(0.75)');

  // A real change moves it, to the nearest step; silence empties it.
  expect(hear(input, [0.1, 0.33, 0])).toEqual(['15', '50', '0']);
  expect(meterReading().bar).toBe('scaleX(0)');
});

it('shows nothing while the microphone is off', () => {
  const { input, track } = microphone();
  const { rerender } = render(<MicLevel track={track} active />);
  expect(hear(input, [0.4])).toEqual(['60']);
  rerender(<MicLevel track={track} active={false} />);
  expect(meterReading()).toEqual({ value: '0', bar: 'scaleX(0)' });
  expect(hear(input, [0.4])).toEqual(['0']);
});
