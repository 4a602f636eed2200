// The host key in the browser: it arrives in the host link's fragment (#host=…, which browsers send
// to no server and put in no Referer), is kept in this browser per room so a reload or Rejoin stays
// host, and leaves the address bar at once, so the link in it (and "Copy invite link") is the guest link.
import { HOST_LINK_FRAGMENT } from '../../shared/room-contract';
import { hostKeyStorageName } from './host-key-storage';

const KEY_SHAPE = /^[A-Za-z0-9_-]{20,200}$/;

function stored(channel: string): string | null {
  try {
    return window.localStorage.getItem(hostKeyStorageName(channel));
  } catch {
    return null; // storage blocked: the key lives as long as the page
  }
}

/** Keeps a room's host key in this browser (the start page does, for the room it just started). */
export function keepHostKey(channel: string, key: string) {
  try {
    window.localStorage.setItem(hostKeyStorageName(channel), key);
  } catch {
    // storage blocked: the key still works until the page is left
  }
}

/** The host key for this room: from the link just opened (kept, and taken off the address) or kept from before. */
export function takeHostKey(channel: string): string | null {
  const fragment = new URLSearchParams(window.location.hash.replace(/^#/, ''));
  const fromLink = fragment.get(HOST_LINK_FRAGMENT);
  if (fromLink !== null) {
    fragment.delete(HOST_LINK_FRAGMENT);
    const rest = fragment.toString();
    const { pathname, search } = window.location;
    window.history.replaceState(window.history.state, '', `${pathname}${search}${rest ? `#${rest}` : ''}`);
    if (KEY_SHAPE.test(fromLink)) keepHostKey(channel, fromLink);
  }
  const key = stored(channel);
  return key && KEY_SHAPE.test(key) ? key : null;
}

/** A key the server refused (another deployment's, or a changed secret) is forgotten. */
export function forgetHostKey(channel: string) {
  try {
    window.localStorage.removeItem(hostKeyStorageName(channel));
  } catch {
    // nothing kept
  }
}
