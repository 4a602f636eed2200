// Percent-decoding of URL path segments, shared by the proxy, the call page and the API.
/** Percent-decodes each path segment; a segment that is not valid encoding is reported by value. */
export function decodePathSegments(
  segments: string[],
): { ok: true; value: string[] } | { ok: false; error: string } {
  const decoded: string[] = [];
  for (const segment of segments) {
    try {
      decoded.push(decodeURIComponent(segment));
    } catch {
      return {
        ok: false,
        error: `path segment "${segment.slice(0, 40)}" is not valid percent-encoding; encode "%" as %25 and non-ASCII as UTF-8`,
      };
    }
  }
  return { ok: true, value: decoded };
}
