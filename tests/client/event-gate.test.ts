import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EventGate } from '@/lib/client/engine/local/event-gate';

// Local mode tells the UI who joined, left or published through this gate: while an answer is
// being made (or a join's answers are awaited) those events wait, then arrive in their order.

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('EventGate', () => {
  it('runs work at once when nothing holds it', () => {
    const gate = new EventGate();
    const seen: string[] = [];
    gate.run(() => seen.push('joined'));
    expect(seen).toEqual(['joined']);
  });

  it('queues work while held and runs it in order when the hold closes', () => {
    const gate = new EventGate();
    const seen: string[] = [];
    const close = gate.hold(1000);
    gate.run(() => seen.push('joined'));
    gate.run(() => seen.push('published'));
    gate.run(() => seen.push('left'));
    expect(seen).toEqual([]);
    close();
    expect(seen).toEqual(['joined', 'published', 'left']);
    close(); // closing twice changes nothing
    gate.run(() => seen.push('joined again'));
    expect(seen).toEqual(['joined', 'published', 'left', 'joined again']);
  });

  it('waits for the last of several holds', () => {
    const gate = new EventGate();
    const seen: string[] = [];
    const first = gate.hold(1000);
    const second = gate.hold(1000);
    gate.run(() => seen.push('joined'));
    first();
    expect(seen).toEqual([]);
    second();
    expect(seen).toEqual(['joined']);
  });

  it('lets the work through when a hold is never closed, after its time limit', () => {
    const gate = new EventGate();
    const seen: string[] = [];
    gate.hold(250);
    gate.run(() => seen.push('joined'));
    vi.advanceTimersByTime(249);
    expect(seen).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(seen).toEqual(['joined']);
  });

  it('forgets queued work on clear, and a hold opened before clear does not affect later ones', () => {
    const gate = new EventGate();
    const seen: string[] = [];
    const stale = gate.hold(1000);
    gate.run(() => seen.push('from the call that was left'));
    gate.clear();
    const fresh = gate.hold(1000);
    gate.run(() => seen.push('joined'));
    stale();
    expect(seen).toEqual([]);
    fresh();
    expect(seen).toEqual(['joined']);
  });

  // Leaving a call forgets its holds: their time limits end with them, and cannot release later work early.
  it('clear ends the time limits of the holds it forgot', () => {
    const gate = new EventGate();
    const seen: string[] = [];
    gate.hold(100);
    gate.clear();
    expect(vi.getTimerCount()).toBe(0);
    gate.hold(1000);
    gate.run(() => seen.push('joined'));
    vi.advanceTimersByTime(999);
    expect(seen).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(seen).toEqual(['joined']);
  });
});
