// People's display names and chat text: the person's own input (validated, like channel names) and
// what others send (untrusted: control characters stripped, length capped, always rendered as text).
import type { Parsed } from '../shared/validation';

export const DISPLAY_NAME_MAX = 64;
export const CHAT_MESSAGE_MAX = 500;

const segmenter =
  typeof Intl !== 'undefined' && 'Segmenter' in Intl
    ? new Intl.Segmenter(undefined, { granularity: 'grapheme' })
    : null;

/** Characters as people count them: "👩‍💻" and "é" are one each. */
export const graphemes = (text: string): string[] =>
  segmenter ? [...segmenter.segment(text)].map((part) => part.segment) : [...text];

// Invisible characters that can reorder or hide text (bidi overrides, controls). Joiners and tag
// characters stay: emoji sequences and flags are made of them.
const HIDDEN = /(?![\u200C\u200D\u{E0020}-\u{E007F}])[\p{Cc}\p{Cf}]/gu;
const HIDDEN_BUT_NEWLINES = /(?![\n\u200C\u200D\u{E0020}-\u{E007F}])[\p{Cc}\p{Cf}]/gu;

const codePoint = (character: string) => `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** The person's own name: trimmed, 1–64 characters of any script (emoji too), nothing invisible. */
export function parseDisplayName(raw: string): Parsed<string> {
  const name = raw.trim();
  if (name === '') return { ok: false, error: `Type your name (1 to ${DISPLAY_NAME_MAX} characters).` };
  const hidden = name.match(HIDDEN)?.[0];
  if (hidden)
    return { ok: false, error: `Your name contains an invisible control character (${codePoint(hidden)}); remove it.` };
  const length = graphemes(name).length;
  if (length > DISPLAY_NAME_MAX)
    return { ok: false, error: `Your name is ${length} characters long; the maximum is ${DISPLAY_NAME_MAX}.` };
  return { ok: true, value: name };
}

function cap(text: string, max: number): string {
  const parts = graphemes(text);
  return parts.length > max ? `${parts.slice(0, max).join('')}…` : text;
}

/** Someone else's name as sent: invisible characters removed, capped; null when nothing is left. */
export function cleanRemoteName(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const name = raw.replace(HIDDEN, '').replace(/\s+/g, ' ').trim();
  return name ? cap(name, DISPLAY_NAME_MAX) : null;
}

/** Someone else's chat message as sent: invisible characters removed (line breaks kept), capped. */
export function cleanRemoteMessage(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const text = raw.replace(HIDDEN_BUT_NEWLINES, '').trim();
  return text ? cap(text, CHAT_MESSAGE_MAX) : null;
}

/** A chat draft: invisible characters dropped; refused (not cut) when over the limit. */
export function parseChatDraft(raw: string): Parsed<string> & { length: number } {
  const text = raw.replace(HIDDEN_BUT_NEWLINES, '').trim();
  const length = graphemes(text).length;
  if (length === 0) return { ok: false, error: 'Type a message.', length };
  if (length > CHAT_MESSAGE_MAX)
    return {
      ok: false,
      error: `${length - CHAT_MESSAGE_MAX} characters too long (the limit is ${CHAT_MESSAGE_MAX}).`,
      length,
    };
  return { ok: true, value: text, length };
}

/** Up to two initials for an avatar: "Ada Lovelace" → "AL", "josé" → "J", "🦊 Fox" → "🦊F". */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return '?';
  const first = graphemes(words[0]!)[0] ?? '';
  const last = words.length > 1 ? (graphemes(words[words.length - 1]!)[0] ?? '') : '';
  return (first + last).toLocaleUpperCase();
}

/** What to call someone whose name has not arrived (yet): "Guest 4821", from their uid. */
export const guestName = (uid: string | number) => `Guest ${String(uid).slice(-4)}`;
