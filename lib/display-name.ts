// People's display names: shared by the prejoin form, the tiles and (for names from others, which
// are untrusted) the presence layer.

const graphemes = (text: string): string[] => {
  if (typeof Intl !== 'undefined' && 'Segmenter' in Intl) {
    return [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)].map((part) => part.segment);
  }
  return [...text];
};

/** Up to two initials for an avatar: "Ada Lovelace" → "AL", "josé" → "J", "🦊 Fox" → "🦊F". */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return '?';
  const first = graphemes(words[0]!)[0] ?? '';
  const last = words.length > 1 ? (graphemes(words[words.length - 1]!)[0] ?? '') : '';
  return (first + last).toLocaleUpperCase();
}
