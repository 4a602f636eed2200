import { vi } from 'vitest';
import type { SignalingClient, SignalingEvents, States } from '@/lib/client/engine/signaling';

/** An in-memory stand-in for Agora's RTMClient: records calls and lets a test fire its events. */
export class FakeSignalingClient implements SignalingClient {
  listeners = new Map<string, Set<(...args: unknown[]) => void>>();
  loginImpl: (options: { token: string }) => Promise<unknown> = async () => ({});
  login = vi.fn((options: { token: string }) => this.loginImpl(options));
  logout = vi.fn(async () => ({}));
  subscribe = vi.fn(async () => ({}));
  publish = vi.fn<(channel: string, message: string) => Promise<unknown>>(async () => ({}));
  renewToken = vi.fn(async () => ({}));
  presence = {
    setState: vi.fn<(channel: string, type: 'MESSAGE', state: States) => Promise<unknown>>(async () => ({})),
  };

  addEventListener<E extends keyof SignalingEvents>(event: E, listener: SignalingEvents[E]) {
    if (!this.listeners.has(event)) this.listeners.set(event, new Set());
    this.listeners.get(event)!.add(listener as never);
  }

  removeEventListener<E extends keyof SignalingEvents>(event: E, listener: SignalingEvents[E]) {
    this.listeners.get(event)?.delete(listener as never);
  }

  emit<E extends keyof SignalingEvents>(event: E, ...args: Parameters<SignalingEvents[E]>) {
    for (const listener of this.listeners.get(event) ?? []) listener(...args);
  }

  listenerCount() {
    return [...this.listeners.values()].reduce((sum, set) => sum + set.size, 0);
  }
}

export const presenceEvent = (
  eventType: 'REMOTE_JOIN' | 'REMOTE_LEAVE' | 'REMOTE_TIMEOUT' | 'REMOTE_STATE_CHANGED',
  publisher: string,
  stateChanged: States = {},
  channelName = 'room',
) => ({
  eventType,
  channelName,
  publisher,
  stateChanged,
  snapshot: null,
  interval: null,
});
