// The person's display name as an external store for React: remembered in this browser
// (localStorage) once valid, with a friendly random default ("Calm Otter") the first time.
import { ADJECTIVES, NOUNS } from './channel-names';
import { parseDisplayName } from './display-name';

const KEY = 'agora-calls.display-name';
const listeners = new Set<() => void>();
let draft: string | null = null;
let fallback: string | null = null;

const capitalized = (word: string) => word[0]!.toUpperCase() + word.slice(1);

export function randomPersonName(random: () => number = Math.random): string {
  const pick = (words: readonly string[]) => words[Math.floor(random() * words.length)]!;
  return `${capitalized(pick(ADJECTIVES))} ${capitalized(pick(NOUNS))}`;
}

function stored(): string | null {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null; // storage blocked (private mode, settings): the name lasts for this page only
  }
}

export const nameStore = {
  subscribe(listener: () => void) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  /** What the name field shows: what is being typed, else the remembered name, else a default. */
  getSnapshot(): string {
    fallback ??= randomPersonName();
    return draft ?? stored() ?? fallback;
  },
  getServerSnapshot: () => '',
  set(value: string) {
    draft = value;
    const parsed = parseDisplayName(value);
    if (parsed.ok) {
      try {
        localStorage.setItem(KEY, parsed.value);
      } catch {
        // not remembered; still used for this call
      }
    }
    listeners.forEach((listener) => listener());
  },
};
