// The channel-name rule on its own, and the words the start page uses when it refuses a name. The API's
// parsers (validation.ts) apply the same rule; they live apart because a browser module travels whole
// to every page that imports it, and the start page needs none of their error messages.

export const CHANNEL_NAME_MAX_BYTES = 64;

const AGORA_NAME_CHARACTER = /^[a-zA-Z0-9 !#$%&()+\-:;<=.>?@[\]^_{}|~,]$/u;

/** Whether Agora accepts this one character in a channel name or user account. */
export const isAgoraNameCharacter = (character: string) => AGORA_NAME_CHARACTER.test(character);

const utf8 = new TextEncoder();
const byteLength = (text: string): number => utf8.encode(text).length;

/** What keeps a name from being an Agora name that a link can carry, in the order it is checked. */
export type AgoraNameFault =
  { kind: 'empty' } | { kind: 'character'; character: string } | { kind: 'bytes'; bytes: number } | { kind: 'dot' };

/** Why Agora (or a link) cannot carry `name` as a channel name or user account; null when it can. */
export function agoraNameFault(name: string, maxBytes: number): AgoraNameFault | null {
  if (name.length === 0) return { kind: 'empty' };
  for (const character of name) if (!isAgoraNameCharacter(character)) return { kind: 'character', character };
  const bytes = byteLength(name);
  if (bytes > maxBytes) return { kind: 'bytes', bytes };
  // URLs treat "." and ".." as "this folder" and "the parent folder", so they cannot travel in a link.
  return isDotSegment(name) ? { kind: 'dot' } : null;
}

export const isDotSegment = (text: string) => text === '.' || text === '..';

/** Whether the API accepts `name` as a channel name (parseChannelName, without its error messages). */
export const isChannelName = (name: string) => agoraNameFault(name, CHANNEL_NAME_MAX_BYTES) === null;

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * Characters as a person counts them: "é", "غ" or "👋🏽" is one. Every character Agora allows is one
 * byte, so for a name Agora accepts this count is its byte count too, and 64 of them is the limit.
 */
export const characterCount = (text: string): number => [...graphemes.segment(text)].length;

/**
 * A character for a sentence: itself in quotes, or what it is when it cannot be seen. Isolated
 * (U+2068…U+2069) so a right-to-left letter does not reorder the quotes and commas around it.
 */
const nameForPeople = (character: string) =>
  /^[\p{C}\p{Z}\s]+$/u.test(character) ? 'an invisible or unusual space character' : `"\u2068${character}\u2069"`;

const inWords = (items: string[]) =>
  items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;

/**
 * Why a (trimmed) channel name cannot be used, in words for the person typing it; null when it can.
 * The same rule as parseChannelName (both ask agoraNameFault), only the words differ: what the API
 * says to a program, this says to a person.
 */
export function channelNameProblem(name: string): string | null {
  const fault = agoraNameFault(name, CHANNEL_NAME_MAX_BYTES);
  switch (fault?.kind) {
    case undefined:
      return null;
    case 'empty':
      return 'Type a channel name.';
    case 'character': {
      const refused = [
        ...new Set(
          [...graphemes.segment(name)]
            .map(({ segment }) => segment)
            .filter((character) => ![...character].every(isAgoraNameCharacter)),
        ),
      ];
      const shown = refused.slice(0, 3).map(nameForPeople);
      const which =
        refused.length > 3 ? `${shown.join(', ')} and ${refused.length - 3} other characters` : inWords(shown);
      return (
        `A channel name cannot contain ${which}. ` +
        'Use English letters without accents, digits, spaces and simple symbols such as - _ . : ! ( ).'
      );
    }
    case 'dot':
      return `A channel name cannot be just "${name}", which links cannot carry. Add another character.`;
    case 'bytes':
      return `That is ${characterCount(name)} characters; a channel name has at most ${CHANNEL_NAME_MAX_BYTES}.`;
  }
}
