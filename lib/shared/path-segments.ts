// Percent-decoding of URL path segments, shared by the proxy, the call page and the API.
/** Percent-decodes each path segment; a segment that is not valid encoding is reported by value. */
export function decodePathSegments(segments: string[]): { ok: true; value: string[] } | { ok: false; error: string } {
  const decoded: string[] = [];
  for (const segment of segments) {
    try {
      decoded.push(decodeURIComponent(segment));
    } catch {
      return {
        ok: false,
        error:
          `path segment "${segment.slice(0, 40)}" is not valid percent-encoding; ` +
          'encode "%" as %25 and non-ASCII as UTF-8',
      };
    }
  }
  return { ok: true, value: decoded };
}

/**
 * As much of a damaged segment as can be read: each run of escapes that is valid UTF-8 decoded, every
 * other "%" kept as typed ("50%off" stays "50%off", "caf%C3%A9%zz" becomes "café%zz").
 */
export function readableSegment(segment: string): string {
  return segment.replace(/(?:%[0-9A-Fa-f]{2})+/g, (escapes) => {
    try {
      return decodeURIComponent(escapes);
    } catch {
      return escapes;
    }
  });
}
