import 'server-only';
// Sign-in with an OpenID Connect provider (README → Sign-in): off unless all four AUTH_OIDC_ISSUER,
// AUTH_OIDC_CLIENT_ID, AUTH_OIDC_CLIENT_SECRET and AUTH_SECRET are set. A partial set, or a value that
// cannot work, is a 503 naming the variable (never its value), like every other setting.
import { memoizeOnEnv } from '../env-memo';
import { ApiError } from '../http/api-error';

type Env = Record<string, string | undefined>;

const REQUIRED = ['AUTH_OIDC_ISSUER', 'AUTH_OIDC_CLIENT_ID', 'AUTH_OIDC_CLIENT_SECRET', 'AUTH_SECRET'] as const;
const OPTIONAL = [
  'AUTH_ALLOWED_EMAILS',
  'AUTH_ALLOWED_DOMAINS',
  'AUTH_HOST_EMAILS',
  'AUTH_ORGANISATION_NAME',
  'AUTH_URL',
] as const;
/** Every sign-in variable (settings.ts lists them with the rest, so tests blank them too). */
export const AUTH_SETTING_NAMES = [...REQUIRED, ...OPTIONAL] as const;

export interface AuthSettings {
  /** The provider's issuer URL (its discovery document is `<issuer>/.well-known/openid-configuration`). */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Encrypts the session cookie and keys the per-person ids; 32 characters at least. */
  secret: string;
  /**
   * Lower-case addresses allowed in; with AUTH_ALLOWED_DOMAINS: either list admits. Both empty:
   * anyone the provider signs in.
   */
  allowedEmails: string[];
  /** Lower-case domains (the part after "@", exactly: no subdomains). */
  allowedDomains: string[];
  /** Lower-case addresses that are hosts of every room (and are allowed in). */
  hostEmails: string[];
  /** The name the sign-in page shows: AUTH_ORGANISATION_NAME, else the issuer's host. */
  organisation: string;
  /** AUTH_URL: this site's public origin, when requests do not carry it (a proxy that rewrites Host). */
  siteUrl: string | null;
}

const misconfigured = (message: string) => new ApiError('not_configured', message);
const text = (env: Env, name: string) => env[name]?.trim() ?? '';
const LOOPBACK = /^(localhost|127(\.\d+){3}|\[::1\])$/;

/** A comma- or space-separated list, lower-cased, each entry checked. */
function list(env: Env, name: string, shape: RegExp, what: string): string[] {
  const entries = text(env, name)
    .split(/[\s,]+/)
    .map((entry) => entry.toLowerCase().replace(/^@(?=[^@]+$)/, '')) // "@example.com" is the domain
    .filter(Boolean);
  const wrong = entries.findIndex((entry) => !shape.test(entry));
  if (wrong >= 0) throw misconfigured(`${name} entry ${wrong + 1} is not ${what}; fix it on the server`);
  return entries;
}

const EMAIL = /^[^\s@]+@[a-z0-9.-]+\.[a-z0-9-]+$/;
const DOMAIN = /^[a-z0-9-]+(\.[a-z0-9-]+)+$/;

/** An https URL (http only on loopback, for tests and local development), without a trailing slash. */
function httpsUrl(env: Env, name: string): string {
  const raw = text(env, name);
  try {
    const url = new URL(raw);
    if (url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.test(url.hostname))) {
      return raw.replace(/\/+$/, '');
    }
  } catch {
    // not a URL
  }
  throw misconfigured(`${name} must be an https:// URL (http:// only on localhost); fix it on the server`);
}

/** The sign-in settings, or null when sign-in is off (none of the four required variables set). */
export const authSettings = memoizeOnEnv(AUTH_SETTING_NAMES, (env): AuthSettings | null => {
  const missing = REQUIRED.filter((name) => !text(env, name));
  if (missing.length === REQUIRED.length) return null;
  if (missing.length > 0) {
    throw misconfigured(
      `sign-in is half configured: ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not set. ` +
        `Set all four of ${REQUIRED.join(', ')}, or none to turn sign-in off`,
    );
  }
  if (text(env, 'AUTH_SECRET').length < 32) {
    throw misconfigured(
      'AUTH_SECRET must be at least 32 characters (e.g. `openssl rand -base64 32`); fix it on the server',
    );
  }
  const issuer = httpsUrl(env, 'AUTH_OIDC_ISSUER');
  return {
    issuer,
    clientId: text(env, 'AUTH_OIDC_CLIENT_ID'),
    clientSecret: text(env, 'AUTH_OIDC_CLIENT_SECRET'),
    secret: text(env, 'AUTH_SECRET'),
    allowedEmails: list(env, 'AUTH_ALLOWED_EMAILS', EMAIL, 'an email address'),
    allowedDomains: list(env, 'AUTH_ALLOWED_DOMAINS', DOMAIN, 'a domain such as example.com'),
    hostEmails: list(env, 'AUTH_HOST_EMAILS', EMAIL, 'an email address'),
    organisation: text(env, 'AUTH_ORGANISATION_NAME').slice(0, 80) || new URL(issuer).host,
    siteUrl: text(env, 'AUTH_URL') ? httpsUrl(env, 'AUTH_URL') : null,
  };
});
