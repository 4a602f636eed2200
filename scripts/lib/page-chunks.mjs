// The JavaScript a built page loads, for the byte budget and the call page's report.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

/**
 * The script chunks (".next"-relative paths such as static/chunks/x.js) a page's HTML references.
 * Browsers that run modules skip noModule scripts (the legacy polyfills), so those do not count.
 */
export function pageChunks(html) {
  const legacy = new Set(
    [...html.matchAll(/<script src="\/_next\/(static\/[^"]+\.js)" noModule/g)].map((match) => match[1]),
  );
  return [...new Set([...html.matchAll(/\/_next\/(static\/[^"'\s]+\.js)/g)].map((match) => match[1]))].filter(
    (chunk) => !legacy.has(chunk),
  );
}

const texts = new Map();
const gzipped = new Map();

/** A chunk's text, read once. */
export function chunkText(chunk) {
  if (!texts.has(chunk)) texts.set(chunk, readFileSync(`.next/${chunk}`, 'utf8'));
  return texts.get(chunk);
}

/** A chunk's size as a browser downloads it (gzipped), computed once. */
export function gzipBytes(chunk) {
  if (!gzipped.has(chunk)) gzipped.set(chunk, gzipSync(readFileSync(`.next/${chunk}`)).length);
  return gzipped.get(chunk);
}
