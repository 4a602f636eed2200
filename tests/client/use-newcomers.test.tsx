// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/react';
import { afterEach, expect, it, vi } from 'vitest';
import { useNewcomers } from '@/lib/client/use-newcomers';

afterEach(() => vi.useRealTimers());

it('someone stays a newcomer for the wait after they arrive, then the view updates by itself', () => {
  vi.useFakeTimers();
  const { result, rerender } = renderHook(({ uids }) => useNewcomers(uids, 10_000), { initialProps: { uids: ['7'] } });
  expect(result.current).toEqual(new Set(['7']));
  act(() => vi.advanceTimersByTime(6000));
  rerender({ uids: ['7', '8'] });
  expect(result.current).toEqual(new Set(['7', '8']));
  act(() => vi.advanceTimersByTime(4000));
  expect(result.current, "7's wait is over; 8 arrived 4 s ago").toEqual(new Set(['8']));
  act(() => vi.advanceTimersByTime(6000));
  expect(result.current).toEqual(new Set());
});
