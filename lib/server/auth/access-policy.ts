import 'server-only';
// Who may enter once the provider has signed them in, decided from the profile and the settings alone
// (no I/O, so it is tested with plain values). The allow-lists trust an email address only when the
// provider says it is verified; with no list set, everyone the provider signs in may enter.
import type { AuthSettings } from './auth-settings';

/** What the provider told us about the person (the session's user). */
export interface Profile {
  subject: string;
  email: string | null;
  emailVerified: boolean;
  name: string | null;
}

export type Access =
  { allowed: true; host: boolean } | { allowed: false; reason: 'unverified-email' | 'not-on-the-list' };

type Policy = Pick<AuthSettings, 'allowedEmails' | 'allowedDomains' | 'hostEmails'>;

const verifiedEmail = (profile: Profile) =>
  profile.emailVerified && profile.email ? profile.email.trim().toLowerCase() : null;

/** Whether the person is a host of every room (AUTH_HOST_EMAILS, verified address only). */
export function isHostEmail(profile: Profile, policy: Policy): boolean {
  const email = verifiedEmail(profile);
  return email !== null && policy.hostEmails.includes(email);
}

export function accessFor(profile: Profile, policy: Policy): Access {
  const host = isHostEmail(profile, policy);
  const listed = policy.allowedEmails.length > 0 || policy.allowedDomains.length > 0;
  if (!listed || host) return { allowed: true, host };
  const email = verifiedEmail(profile);
  if (email === null) return { allowed: false, reason: 'unverified-email' };
  const domain = email.slice(email.lastIndexOf('@') + 1);
  if (policy.allowedEmails.includes(email) || policy.allowedDomains.includes(domain)) return { allowed: true, host };
  return { allowed: false, reason: 'not-on-the-list' };
}
