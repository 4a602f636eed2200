import 'server-only';
// Sign-in for pages: whether it is on, who is signed in, and where a signed-out or refused person
// is sent (/sign-in, which says why and offers what to do next).
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { ApiError } from '../http/api-error';
import { authSettings, type AuthSettings } from './auth-settings';
import { originOf, signedInPerson, type SignedIn } from './session';
import { returnPath } from './auth-routes';

export type PageSignIn =
  | { kind: 'off' }
  /** Half configured: the page shows this sentence (the variables to set) instead of a call. */
  | { kind: 'misconfigured'; message: string }
  | { kind: 'signed-out'; settings: AuthSettings }
  | { kind: 'signed-in'; settings: AuthSettings; person: SignedIn };

export async function pageSignIn(): Promise<PageSignIn> {
  let settings: AuthSettings | null;
  try {
    settings = authSettings();
  } catch (error) {
    return { kind: 'misconfigured', message: error instanceof ApiError ? error.message : 'sign-in is misconfigured' };
  }
  if (!settings) return { kind: 'off' };
  const incoming = new Headers(await headers());
  const person = await signedInPerson(settings, incoming, originOf(incoming));
  return person ? { kind: 'signed-in', settings, person } : { kind: 'signed-out', settings };
}

/** For pages only signed-in, allowed people may see: anyone else goes to /sign-in, and comes back to `here` after. */
export async function requireSignedIn(
  here: string,
): Promise<PageSignIn & { kind: 'off' | 'misconfigured' | 'signed-in' }> {
  const state = await pageSignIn();
  if (state.kind === 'signed-out' || (state.kind === 'signed-in' && !state.person.access.allowed)) {
    redirect(`/sign-in?next=${encodeURIComponent(returnPath(here))}`);
  }
  return state;
}
