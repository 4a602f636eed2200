import 'server-only';
// With sign-in on, every token and room request speaks for a signed-in person (or a server with an
// API key): signed out is 401 sign_in_required, not on the allow-list 403 not_allowed, and a token
// for any uid or user id but the person's own 403 identity_mismatch.
import { ApiError } from '../http/api-error';
import { requestPerson, type SignedIn } from './session';

const seen = new WeakMap<Request, ReturnType<typeof requestPerson>>();
/** The session is read once per request, however many checks ask. */
const personOf = (request: Request) => {
  let found = seen.get(request);
  if (!found) seen.set(request, (found = requestPerson(request)));
  return found;
};

/**
 * The allowed signed-in person making this request; null when sign-in is off or an API key speaks
 * (`apiKey`: the request carries one of TOKEN_API_KEYS). Anyone else is refused.
 */
export async function signedInCaller(request: Request, apiKey: boolean): Promise<SignedIn | null> {
  const state = await personOf(request);
  if (!state || apiKey) return null;
  if (!state.person) {
    throw new ApiError(
      'sign_in_required',
      `sign in first (${state.settings.organisation}): ` +
        'this server gives tokens to signed-in people, and to servers with an API key',
    );
  }
  if (!state.person.access.allowed) {
    throw new ApiError('not_allowed', `${state.person.profile.email ?? 'this account'} is not allowed on this server`);
  }
  return state.person;
}

/** The uids (as text) a signed-in person may ask tokens for: their camera's and their screen share's. */
export const ownIdentities = (person: SignedIn) => [String(person.ids.uid), String(person.ids.screenUid)];

/** Refuses a token for anyone but the person: `identity` is the uid, account or user id asked for (none: app-wide). */
export function requireOwnIdentity(person: SignedIn, identity: string | undefined): void {
  if (identity !== undefined && ownIdentities(person).includes(identity)) return;
  throw new ApiError(
    'identity_mismatch',
    identity === undefined
      ? 'an app-wide token is for servers: send an API key'
      : `you are signed in as uid ${person.ids.uid} (screen share ${person.ids.screenUid}); ` +
          `a token for ${identity.slice(0, 64)} is not yours to ask for`,
  );
}
