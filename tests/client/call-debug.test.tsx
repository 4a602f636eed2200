// @vitest-environment jsdom
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { act, cleanup, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useCallDebug } from '@/lib/client/call-debug';
import { IDLE_SNAPSHOT } from '@/lib/client/call-snapshot';

afterEach(() => {
  cleanup();
  delete window.__callDebug;
  window.history.replaceState(null, '', '/');
});

const joined = { ...IDLE_SNAPSHOT, phase: 'joined' as const, renewals: 2, rejoins: 1, tokenExpiresAt: 1_800_000_000 };

/** The two stores the surface reads, as a Call holds them. */
class Readable<S> {
  private listener: () => void = () => {};
  constructor(public snapshot: S) {}
  subscribe = (listener: () => void) => {
    this.listener = listener;
    return () => (this.listener = () => {});
  };
  getSnapshot = () => this.snapshot;
  set(snapshot: S) {
    this.snapshot = snapshot;
    this.listener();
  }
}

const fakeCall = () => ({
  camera: new Readable(joined),
  presence: new Readable({ status: 'online' as const, renewals: 3, relogins: 0 }),
});

describe('the call debug surface', () => {
  it('exposes the counters only on a page opened with ?debug, and follows them', () => {
    const call = fakeCall();
    renderHook(() => useCallDebug(call as never));
    expect(window.__callDebug).toBeUndefined();
    window.history.replaceState(null, '', '/call/demo?debug');
    renderHook(() => useCallDebug(call as never));
    expect(window.__callDebug).toEqual({
      call: { phase: 'joined', renewals: 2, rejoins: 1, tokenExpiresAt: 1_800_000_000 },
      signaling: { status: 'online', renewals: 3, relogins: 0 },
    });
    act(() => call.camera.set({ ...joined, renewals: 3 }));
    expect(window.__callDebug!.call.renewals).toBe(3);
  });
});

describe('production markup', () => {
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const path = join(dir, entry.name);
      return entry.isDirectory() ? files(path) : /\.tsx?$/.test(entry.name) ? [path] : [];
    });

  // Tests find things by what a person sees or by ARIA: no data-testid, no state in data- attributes.
  it('carries no data- attributes for tests to read, data-testid included', () => {
    // data-autofocus is read by the panel code.
    const found = [...files('components'), ...files('app')].flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/\bdata-(?!autofocus\b)[a-z-]+/g)].map(
        ([attribute]) => `${file}: ${attribute}`,
      ),
    );
    expect(found).toEqual([]);
  });
});
