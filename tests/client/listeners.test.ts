import { describe, expect, it, vi } from 'vitest';
import { Listeners } from '@/lib/client/engine/listeners';

type Events = { 'user-left': (uid: number, reason: string) => void; tick: () => void };

describe("local mode's event listeners", () => {
  it('calls each listener of the event with its arguments, and only that event', () => {
    const listeners = new Listeners<Events>();
    const left = vi.fn();
    const tick = vi.fn();
    listeners.add('user-left', left);
    listeners.add('tick', tick);
    listeners.emit('user-left', 7, 'Quit');
    expect(left).toHaveBeenCalledWith(7, 'Quit');
    expect(tick).not.toHaveBeenCalled();
  });

  it('a listener that removes itself while called still lets the others run, and is not called again', () => {
    const listeners = new Listeners<Events>();
    const calls: string[] = [];
    const once = () => {
      calls.push('once');
      listeners.remove('tick', once);
    };
    listeners.add('tick', once);
    listeners.add('tick', () => calls.push('always'));
    listeners.emit('tick');
    listeners.emit('tick');
    expect(calls).toEqual(['once', 'always', 'always']);
  });
});
