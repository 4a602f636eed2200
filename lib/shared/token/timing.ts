// When a token's grants end, as Agora reads each format, the usual mix-ups between absolute and
// relative times, and the words for durations and moments. Shared by local mode's enforcement,
// the token inspector and the call page.
import type { DecodedToken } from './decode';
import { legacyPrivilegeName, privilegeName } from './services';

/** The longest lifetime Agora honours, and what an expiry of 0 is read as. */
export const MAX_TOKEN_SECONDS = 86400;
/** Numbers this large are Unix times (2001 onwards), not lifetimes in seconds. */
const LOOKS_LIKE_UNIX_TIME = 1_000_000_000;
/** Clocks drift; a token issued further ahead than this was made on a machine whose clock is wrong. */
const CLOCK_SKEW_S = 300;

/** AccessToken2: the whole token ends `expire` seconds after its issue time. */
export const accessToken2End = (issuedAt: number, expire: number) => issuedAt + (expire || MAX_TOKEN_SECONDS);

/** AccessToken2 privilege values count seconds from the issue time; 0 means "as long as the token". */
export function accessToken2PrivilegeEnd(issuedAt: number, value: number | undefined, tokenEnd: number): number | null {
  if (value === undefined) return null;
  return value === 0 ? tokenEnd : Math.min(tokenEnd, issuedAt + value);
}

/** 006 privilege values are Unix times; 0 means no limit of its own (the token's still applies). */
export function legacyPrivilegeEnd(value: number | undefined, tokenEnd: number): number | null {
  if (value === undefined) return null;
  return value === 0 ? tokenEnd : Math.min(tokenEnd, value);
}

const UNITS: [string, number][] = [
  ['y', 365 * 86400],
  ['d', 86400],
  ['h', 3600],
  ['min', 60],
  ['s', 1],
];

/** "1 s", "4 min 30 s", "2 h 5 min", "3 d 4 h": the largest unit and the next one. */
export function formatDuration(totalSeconds: number): string {
  const seconds = Math.max(0, Math.round(totalSeconds));
  const first = UNITS.findIndex(([, size]) => seconds >= size);
  if (first === -1) return '0 s';
  const [unit, size] = UNITS[first]!;
  const next = UNITS[first + 1];
  const rest = next ? Math.floor((seconds % size) / next[1]) : 0;
  return `${Math.floor(seconds / size)} ${unit}${rest > 0 ? ` ${rest} ${next![0]}` : ''}`;
}

/** "2026-05-01 10:00:00 UTC": the same on every machine, unlike a local time. */
export function formatUnixTime(seconds: number): string {
  return `${new Date(seconds * 1000).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/** "expires in 4 min 30 s" or "expired 2 h ago". */
export function untilOrSince(end: number, nowS: number, verbs: [string, string] = ['expires', 'expired']): string {
  return end > nowS ? `${verbs[0]} in ${formatDuration(end - nowS)}` : `${verbs[1]} ${formatDuration(nowS - end)} ago`;
}

function accessToken2Notes(token: Extract<DecodedToken, { version: '007' }>, nowS: number): string[] {
  const notes: string[] = [];
  const { issuedAt, expire } = token;
  if (expire >= LOOKS_LIKE_UNIX_TIME) {
    notes.push(
      `The token's expiry is ${expire}, which looks like a Unix time (${formatUnixTime(expire)}). ` +
        'AccessToken2 counts seconds from the issue time, ' +
        `so this claims to last until ${formatUnixTime(issuedAt + expire)}, and Agora honours at most 24 h. ` +
        'Pass the lifetime in seconds (e.g. 3600); the old agora-access-token package took timestamps.',
    );
  } else if (expire > MAX_TOKEN_SECONDS) {
    notes.push(`The token claims to last ${formatDuration(expire)}; Agora honours at most 24 h.`);
  } else if (expire === 0) {
    notes.push("The token's expiry is 0, which is read as 24 h after the issue time.");
  }
  for (const service of token.services) {
    for (const [privilege, value] of Object.entries(service.privileges)) {
      if (value < LOOKS_LIKE_UNIX_TIME) continue;
      notes.push(
        `${service.name} privilege "${privilegeName(service.type, Number(privilege))}" is ${value}, ` +
          'which looks like a Unix time; AccessToken2 privileges count seconds from the issue time ' +
          "(the token's end still limits it). Pass seconds, e.g. 3600.",
      );
    }
  }
  if (issuedAt > nowS + CLOCK_SKEW_S) {
    notes.push(
      `The token was issued ${formatDuration(issuedAt - nowS)} in the future: ` +
        'the clock of the machine that made it is ahead.',
    );
  }
  return notes;
}

function legacyNotes(token: Extract<DecodedToken, { version: '006' }>): string[] {
  return Object.entries(token.privileges)
    .filter(([, value]) => value > 0 && value < LOOKS_LIKE_UNIX_TIME)
    .map(
      ([privilege, value]) =>
        `Privilege "${legacyPrivilegeName(Number(privilege))}" is ${value}. 006 tokens take a Unix time, ` +
        `so this means ${formatUnixTime(value)}, long past; it looks like a number of seconds. ` +
        'Pass the current Unix time plus the seconds instead.',
    );
}

/** Absolute-versus-relative mix-ups and clock trouble, in words. */
export function timingNotes(token: DecodedToken, nowS: number): string[] {
  return token.version === '007' ? accessToken2Notes(token, nowS) : legacyNotes(token);
}
