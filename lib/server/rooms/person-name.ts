import 'server-only';
// A name a person or host sends with a room action (a knock, a host's request), cleaned as the pages
// clean names others send: invisible characters removed, spaces collapsed, at most 64 characters
// as people count them. Pages render it as text.
import { badField } from '../http/api-error';

const MAX = 64;
// Invisible characters that can reorder or hide text; joiners and tag characters stay (emoji).
const HIDDEN = /(?![\u200C\u200D\u{E0020}-\u{E007F}])[\p{Cc}\p{Cf}]/gu;
const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** The cleaned name, or `fallback` when none (or nothing visible) was sent; a non-text name is a 400. */
export function cleanName(raw: unknown, fallback: string): string {
  if (raw === undefined || raw === null) return fallback;
  if (typeof raw !== 'string') throw badField('name must be text');
  const name = raw.replace(HIDDEN, '').replace(/\s+/g, ' ').trim();
  if (!name) return fallback;
  return [...segmenter.segment(name)]
    .slice(0, MAX)
    .map((part) => part.segment)
    .join('');
}
