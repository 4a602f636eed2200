// Hours and minutes in the person's locale, for the token's expiry and chat messages. One formatter
// for the page: toLocaleTimeString with options builds a new one per call (~20 ms of a join's
// renders went to that; a chat renders one per message).
import { whenIdle } from './when-idle';

let clockFormat: Intl.DateTimeFormat | null = null;

/** `at`: milliseconds since the epoch. */
export function clockTime(at: number): string {
  clockFormat ??= new Intl.DateTimeFormat([], { hour: '2-digit', minute: '2-digit' });
  return clockFormat.format(at);
}

/**
 * Makes the formatter while the page is idle: the first one loads the locale's data (13 ms of a
 * join's busiest moment in a profile here).
 */
export function prepareClockTime() {
  whenIdle(() => clockTime(0));
}
