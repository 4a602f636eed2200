// @vitest-environment jsdom
import { beforeEach, expect, it, vi } from 'vitest';

beforeEach(() => {
  localStorage.clear();
  vi.resetModules();
});

const load = async () => (await import('@/lib/client/remembered-name')).nameStore;

it('the first time, the field holds nothing of its own: the random name is only a suggestion', async () => {
  const store = await load();
  expect(store.getSnapshot()).toBe('');
  expect(store.getSuggestion()).toMatch(/^[A-Z][a-z]+ [A-Z][a-z]+$/);
  expect(store.getSuggestion()).toBe(store.getSuggestion());
  store.set('Grace Hopper');
  expect(store.getSnapshot()).toBe('Grace Hopper');
});

it('a remembered name fills the field; what is typed replaces it and is remembered', async () => {
  localStorage.setItem('agora-calls.display-name', 'Ada Lovelace');
  const store = await load();
  expect(store.getSnapshot()).toBe('Ada Lovelace');
  store.set('Grace');
  expect(store.getSnapshot()).toBe('Grace');
  expect(localStorage.getItem('agora-calls.display-name')).toBe('Grace');
});

it('the suggestion is used only when the field is empty', async () => {
  const { nameToUse } = await import('@/lib/client/remembered-name');
  expect(nameToUse('', 'Calm Otter')).toBe('Calm Otter');
  expect(nameToUse('Grace', 'Calm Otter')).toBe('Grace');
  expect(nameToUse('  ', 'Calm Otter')).toBe('  ');
});
