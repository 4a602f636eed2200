// The person's display name as an external store for React: remembered in this browser
// (localStorage) once valid. The first time, the field stays empty and suggests a friendly random
// name ("Calm Otter") as its placeholder, used if the person types nothing: a suggestion written
// into the field after the page came alive merged with what the person was already typing.
import { ADJECTIVES, NOUNS } from './channel-names';
import { parseDisplayName } from './display-name';

export const REMEMBERED_NAME_KEY = 'agora-calls.display-name';
const listeners = new Set<() => void>();
let draft: string | null = null;
let suggestion: string | null = null;

const capitalized = (word: string) => word[0]!.toUpperCase() + word.slice(1);

export function randomPersonName(random: () => number = Math.random): string {
  const pick = (words: readonly string[]) => words[Math.floor(random() * words.length)]!;
  return `${capitalized(pick(ADJECTIVES))} ${capitalized(pick(NOUNS))}`;
}

function stored(): string | null {
  try {
    return localStorage.getItem(REMEMBERED_NAME_KEY);
  } catch {
    return null; // storage blocked (private mode, settings): the name lasts for this page only
  }
}

/** The name a person joins as: what is in the field, or the suggestion when they left it empty. */
export const nameToUse = (field: string, suggested: string) => (field === '' && suggested !== '' ? suggested : field);

/**
 * Run by the page while it loads (before React is up), right after the name field: shows the
 * remembered name from the first paint, so it never lands under someone's typing later.
 */
export const REMEMBERED_NAME_SCRIPT = `(function () {
  try {
    var name = localStorage.getItem(${JSON.stringify(REMEMBERED_NAME_KEY)});
    var field = document.getElementById('display-name');
    if (name && field && field.value === '' && document.activeElement !== field) field.value = name;
  } catch (error) {}
})();`;

export const nameStore = {
  subscribe(listener: () => void) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  /** What the name field holds: what is being typed, else the remembered name, else nothing. */
  getSnapshot(): string {
    return draft ?? stored() ?? '';
  },
  getServerSnapshot: () => '',
  /** The random name offered the first time (the same one for the whole page). */
  getSuggestion(): string {
    suggestion ??= randomPersonName();
    return suggestion;
  },
  set(value: string) {
    draft = value;
    const parsed = parseDisplayName(value);
    if (parsed.ok) {
      try {
        localStorage.setItem(REMEMBERED_NAME_KEY, parsed.value);
      } catch {
        // not remembered; still used for this call
      }
    }
    listeners.forEach((listener) => listener());
  },
};
