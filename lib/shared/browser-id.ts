// A browser's identity for rooms: a random 128-bit id in an HttpOnly cookie that proxy.ts sets on
// call pages. The call page's ticket carries it, so a host's removal covers the browser, not only
// the uid a page happened to draw. Without sign-in nothing ties a person to a browser: a fresh
// browser (or cleared cookies) is a new id. Shared by proxy.ts and the server; imports nothing.

export const BROWSER_COOKIE = 'agora-calls-browser';

/** Kept a year: a removal should outlive a reload, not a change of browser. */
export const BROWSER_COOKIE_MAX_AGE_S = 365 * 24 * 3600;

/** 16 random bytes, base64url: 22 characters. */
export const isBrowserId = (value: unknown): value is string =>
  typeof value === 'string' && /^[A-Za-z0-9_-]{22}$/.test(value);

export function newBrowserId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}
